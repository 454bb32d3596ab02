import Foundation
import OpsKit

/// The UTF-8 text of a delimited file, handed out a window at a time so that
/// `load` never holds the whole file: a UTF-8 file is read block by block with
/// `pread(2)` into one reused buffer (a file truncated meanwhile only ends
/// early, never raises `SIGBUS`); other encodings, pipes and old-Mac line ends
/// are read and decoded whole by ``TextInput`` and windowed in memory.
final class TextSource {
    let path: String
    /// How the text was decoded.
    let encoding: EncodingChoice
    /// The text's length in bytes (after a byte-order mark); shrinks if the file is cut short while read.
    private(set) var count: Int
    private let storage: Storage
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    private enum Storage {
        /// An open UTF-8 file whose text starts `start` bytes in (after a BOM).
        case file(descriptor: Int32, start: Int)
        /// Text held whole in memory.
        case memory(FileBytes)
    }

    /// Opens `path` with the checks of ``TextInput`` (binary formats, encoding, emptiness),
    /// deciding them from the file's first megabyte when it can be streamed.
    init(path: String, options: ReadOptions) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else { throw IOMessages.missingFile(path) }
        if info.st_mode & S_IFMT == S_IFDIR { throw IOMessages.isDirectory(path) }
        (buffer, capacity) = (.allocate(capacity: 1), 1)
        if info.st_mode & S_IFMT == S_IFREG, info.st_size > 0,
            let (fd, choice, bom) = try Self.streamable(path, size: Int(info.st_size), options: options)
        {
            storage = .file(descriptor: fd, start: bom)
            encoding = choice
            count = Int(info.st_size) - bom
            return
        }
        let file = try FileBytes(path: path, limit: DatasetReader.sizeLimit, cancelled: options.cancelled)
        if file.count == 0 { throw IOMessages.emptyFile(path) }
        let input = try TextInput(file, options: options)
        storage = .memory(file)
        encoding = input.encoding
        count = file.count
    }

    deinit {
        buffer.deallocate()
        if case .file(let fd, _) = storage { close(fd) }
    }

    /// The open file, its encoding and BOM length when it is UTF-8 text that needs no
    /// whole-file rewrite; `nil` when it must be read whole (throws what ``TextInput`` would).
    private static func streamable(
        _ path: String, size: Int, options: ReadOptions
    ) throws -> (Int32, EncodingChoice, Int)? {
        if size > DatasetReader.sizeLimit { throw IOMessages.tooLarge(path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOMessages.unreadable(path, errno: errno) }
        var keep = false
        defer { if !keep { close(fd) } }
        // Four bytes past the detector's sample, so that it knows the sample is not the whole file.
        var sample = [UInt8](repeating: 0, count: min(size, EncodingDetector.sampleSize + 4))
        let got = sample.withUnsafeMutableBytes { Self.readFully(fd, into: $0.baseAddress!, count: $0.count, at: 0) }
        guard got == sample.count else { return nil }
        let choice: EncodingChoice? = try sample.withUnsafeBufferPointer { raw in
            if options.encoding == nil, let kind = TextInput.binaryKind(raw) { throw IOMessages.binaryFile(path, kind: kind) }
            if let forced = options.encoding {
                guard forced == .utf8 else { return nil }
                return EncodingChoice(encoding: .utf8, bom: TextInput.bomLength(raw, .utf8) > 0, forced: true)
            }
            do {
                let detected = try EncodingDetector.detect(raw)
                return detected.encoding == .utf8 ? detected : nil
            } catch let undecided as EncodingDetector.Undecided {
                throw IOMessages.undecidedEncoding(path, undecided, in: raw)
            }
        }
        guard let choice else { return nil }
        let bom = sample.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let text = sample[bom...]
        // Lone carriage returns are rewritten only in a file without line feeds; emptiness
        // needs one visible byte. Both are settled by the sample, or the file is read whole.
        guard text.contains(0x0A), text.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
        else { return nil }
        keep = true
        return (fd, choice, bom)
    }

    /// Reads until `count` bytes or the end of the file; returns how many were read.
    private static func readFully(_ fd: Int32, into base: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int {
        var done = 0
        while done < count {
            let n = pread(fd, base + done, count - done, off_t(offset + done))
            if n > 0 {
                done += n
            } else if n == 0 || errno != EINTR {
                break
            }
        }
        return done
    }

    /// The text's bytes `offset ..< offset + length` (fewer at the end); valid until the next call.
    func window(at offset: Int, length: Int) -> UnsafeBufferPointer<UInt8> {
        let length = max(0, min(length, count - offset))
        switch storage {
        case .memory(let file):
            return UnsafeBufferPointer(start: file.base + offset, count: length)
        case .file(let fd, let start):
            if capacity < length + 1 {
                buffer.deallocate()
                capacity = max(length + 1, capacity * 2)
                buffer = .allocate(capacity: capacity)
            }
            let got = Self.readFully(fd, into: buffer, count: length, at: start + offset)
            if got < length { count = offset + got }
            return UnsafeBufferPointer(start: buffer, count: got)
        }
    }

    /// The line and character column of a text offset, for error messages.
    func position(of offset: Int) -> TextPosition {
        if case .memory(let file) = storage { return TextPosition(offset: offset, in: file.bytes) }
        var line = 1, lineStart = 0, at = 0
        while at < min(offset, count) {
            let part = window(at: at, length: min(offset - at, 1 << 22))
            if part.isEmpty { break }
            for (i, b) in part.enumerated() where b == 0x0A {
                line += 1
                lineStart = at + i + 1
            }
            at += part.count
        }
        let rest = window(at: lineStart, length: offset - lineStart)
        return TextPosition(line: line, column: 1 + rest.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) })
    }
}

extension TextPosition {
    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
