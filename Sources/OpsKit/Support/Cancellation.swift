import Synchronization

/// A flag that Ctrl-C sets and long-running commands poll.
///
/// Setting it is async-signal-safe (a lock-free atomic store), so a SIGINT
/// handler may call ``set()``.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// The process-wide flag the REPL's SIGINT handler sets.
    public static let global = CancellationFlag()

    public var isSet: Bool { flag.load(ordering: .relaxed) }
    public func set() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }
}
