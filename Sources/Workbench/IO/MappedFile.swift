import Foundation
import OpsKit

/// A read-only view of a whole file's bytes, memory-mapped so that large
/// files are paged in by the kernel rather than copied.
final class MappedFile {
    let path: String
    let base: UnsafePointer<UInt8>
    let count: Int
    private let mapping: UnsafeMutableRawPointer?

    /// Maps `path` (advising the kernel it will be read front to back when
    /// `sequential`); throws a clear error when it is missing, a directory or unreadable.
    init(path: String, sequential: Bool = true) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else { throw IOMessages.missingFile(path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw IOMessages.isDirectory(path) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IOMessages.unreadable(path, errno: errno) }
        defer { close(fd) }
        count = Int(info.st_size)
        if count == 0 {
            mapping = nil
            base = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))
            return
        }
        guard let raw = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), raw != MAP_FAILED else {
            throw IOMessages.unreadable(path, errno: errno)
        }
        if sequential { madvise(raw, count, MADV_SEQUENTIAL) }
        mapping = raw
        base = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    deinit {
        if let mapping { munmap(mapping, count) } else { UnsafeMutablePointer(mutating: base).deallocate() }
    }
}

/// Where a byte offset lies in a text file, for error messages (`file:line:column`).
struct TextPosition {
    let line: Int
    let column: Int

    /// Line (1-based) and character column (1-based) of `offset`, counting from `origin`.
    init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        if lineStart < offset {
            for i in lineStart..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        self.line = line
        self.column = column
    }
}
