import Foundation
import OpsKit

/// Writes a file under a temporary name in the destination's folder, with
/// buffered appends; `commit()` fsyncs it, renames it into place and fsyncs the
/// folder, so readers (and a later process after a crash) see either the old
/// file or the complete new one, never a partial one.
///
/// It only ever replaces a regular file with a single link: a symbolic link,
/// a hard-linked file, a device node, FIFO or socket as the destination is
/// refused, so a write can neither be redirected nor cut another name's data.
final class AtomicFileWriter {
    let destination: String
    let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let flushSize = 1 << 20
    private(set) var bytesWritten = 0
    /// Converts what is appended (UTF-8) before it reaches the file: `export --encoding gbk`.
    var encoder: GBKEncoder?

    init(destination: String) throws {
        try Self.checkReplaceable(destination)
        self.destination = destination
        temporaryPath = Self.temporaryName(for: destination)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOMessages.cannotWrite(destination, errno: errno) }
        buffer.reserveCapacity(flushSize + 4096)
    }

    deinit { abort() }

    @inline(__always) func append(_ byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= flushSize { try flush() }
    }

    func append<C: Collection>(contentsOf bytes: C) throws where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushSize { try flush() }
    }

    /// Writes raw memory straight through (large column buffers).
    func append(raw: UnsafeRawBufferPointer) throws {
        try flush()
        try writeAll(raw)
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        if let encoder {
            let encoded: [UInt8]
            do { encoded = try buffer.withUnsafeBytes { try encoder.encode($0) } } catch let bad as GBKEncoder.Unencodable {
                throw IOMessages.notInGBK(destination, character: bad.character)
            }
            try encoded.withUnsafeBytes { try writeAll($0) }
        } else {
            try buffer.withUnsafeBytes { try writeAll($0) }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOMessages.cannotWrite(destination, errno: errno)
            }
            offset += n
        }
        bytesWritten += raw.count
    }

    /// Makes the file durable and moves it into place.
    func commit() throws {
        try flush()
        do { try encoder?.finish() } catch let bad as GBKEncoder.Unencodable {
            throw IOMessages.notInGBK(destination, character: bad.character)
        }
        guard fsync(fd) == 0 else { throw IOMessages.cannotWrite(destination, errno: errno) }
        close(fd)
        fd = -1
        guard rename(temporaryPath, destination) == 0 else { throw IOMessages.cannotWrite(destination, errno: errno) }
        Self.syncFolder(of: destination)
    }

    /// Removes the temporary file (nothing happens after a commit).
    func abort() {
        if fd >= 0 {
            close(fd)
            fd = -1
            unlink(temporaryPath)
        }
    }

    /// Throws unless `path` is absent or a regular file with one link.
    static func checkReplaceable(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFLNK { throw OpsError(SafetyMessages.destinationIsLink(path), hint: SafetyMessages.chooseAnotherPath) }
        guard kind == S_IFREG else { throw OpsError(SafetyMessages.destinationNotRegular(path), hint: SafetyMessages.chooseAnotherPath) }
        if info.st_nlink > 1 {
            throw OpsError(SafetyMessages.destinationHasLinks(path, Int(info.st_nlink)), hint: SafetyMessages.chooseAnotherPath)
        }
    }

    /// A fresh hidden name beside `destination` for a file written before it is renamed into place.
    static func temporaryName(for destination: String) -> String {
        let folder = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        return (folder.isEmpty ? "." : folder) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Makes a finished temporary file durable and renames it to `destination` (removing it on failure).
    static func install(_ temporary: String, at destination: String) throws {
        do { try checkReplaceable(destination) } catch { unlink(temporary); throw error }
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOMessages.cannotWrite(destination, errno: errno) }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, destination) == 0 else {
            let code = errno
            unlink(temporary)
            throw IOMessages.cannotWrite(destination, errno: code)
        }
        syncFolder(of: destination)
    }

    /// fsyncs the folder holding `path`, making a rename or unlink in it durable.
    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let dfd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }
}
