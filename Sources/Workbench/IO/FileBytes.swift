import Foundation
import OpsKit

/// A whole input file read into memory with `read(2)`, not mapped: a file
/// truncated or rewritten by another program while `load` reads it can only
/// give short or changed bytes, never a `SIGBUS`. Pipes and FIFOs are read
/// until their writer closes them, polling so that Ctrl-C stops the wait.
/// The bytes are owned and mutable, so decoders may rewrite them in place.
final class FileBytes {
    let path: String
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count: Int
    private var capacity: Int

    /// Reads `path`; throws a clear error when it is missing, a directory, unreadable
    /// or larger than `limit` bytes, and ``CommandCancelled`` when `cancelled()` turns true.
    init(path: String, limit: Int, cancelled: () -> Bool = { false }) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else { throw IOMessages.missingFile(path) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw IOMessages.isDirectory(path) }
        let streaming = kind != S_IFREG
        let fd = open(path, O_RDONLY | O_CLOEXEC | (streaming ? O_NONBLOCK : 0))
        guard fd >= 0 else { throw IOMessages.unreadable(path, errno: errno) }
        defer { close(fd) }
        var buffer = Buffer(capacity: max(4096, streaming ? 1 << 16 : Int(info.st_size) + 1))
        do {
            try Self.readAll(fd, into: &buffer, limit: limit, streaming: streaming, path: path, cancelled: cancelled)
        } catch {
            buffer.base.deallocate()
            throw error
        }
        (base, count, capacity) = (buffer.base, buffer.count, buffer.capacity)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Replaces the contents (a decoder's UTF-8 output); the buffer is taken over.
    func replace(with buffer: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int) {
        base.deallocate()
        base = buffer
        self.count = count
        self.capacity = capacity
    }

    /// Shortens the contents to their first `count` bytes (an in-place rewrite that removed bytes).
    func truncate(to count: Int) { self.count = min(count, self.count) }

    /// A growing allocation being filled.
    private struct Buffer {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        mutating func grow() {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
    }

    private static func readAll(
        _ fd: Int32, into buffer: inout Buffer, limit: Int, streaming: Bool, path: String, cancelled: () -> Bool
    ) throws {
        while true {
            if streaming { try waitForData(fd, cancelled: cancelled) }
            if buffer.count == buffer.capacity { buffer.grow() }
            let n = read(fd, buffer.base + buffer.count, buffer.capacity - buffer.count)
            if n > 0 {
                buffer.count += n
                if buffer.count > limit { throw IOMessages.tooLarge(path) }
            } else if n == 0 {
                return
            } else if errno != EINTR && errno != EAGAIN {
                throw IOMessages.unreadable(path, errno: errno)
            }
            if cancelled() { throw CommandCancelled() }
        }
    }

    /// Waits until a pipe or FIFO has data or its writer has gone, looking at the
    /// cancellation flag every 100 ms (a FIFO nobody opens for writing waits until Ctrl-C).
    private static func waitForData(_ fd: Int32, cancelled: () -> Bool) throws {
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 100) > 0, poller.revents != 0 { return }
            if cancelled() { throw CommandCancelled() }
        }
    }
}
