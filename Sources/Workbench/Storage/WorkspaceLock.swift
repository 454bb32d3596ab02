import Foundation

/// An advisory lock (`flock`) on the workspace's `lock` file, held while a
/// process writes dataset files, so that another process's orphan cleaning
/// never removes files that are about to be committed.
final class WorkspaceLock {
    private let fd: Int32

    init(directory: URL) {
        fd = open(directory.appendingPathComponent("lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Runs `body` holding the lock exclusively (waits for other writers).
    func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        if fd >= 0 { flock(fd, LOCK_EX) }
        defer { if fd >= 0 { flock(fd, LOCK_UN) } }
        return try body()
    }

    /// Runs `body` only if no other process holds the lock; returns whether it ran.
    @discardableResult
    func ifFree(_ body: () -> Void) -> Bool {
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        defer { flock(fd, LOCK_UN) }
        body()
        return true
    }
}
