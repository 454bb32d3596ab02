import Foundation
import OpsKit

/// One running external plugin process and the JSON-lines conversation with it.
///
/// Every failure of the plugin — it cannot start, exits, stops answering, or
/// writes something that is not a protocol message — becomes an ``OpsError``
/// with code `plugin` naming the plugin; the process is then stopped and the
/// session goes on. Ctrl-C sends `cancel`, waits a grace period, then kills it.
final class PluginConnection {
    let name: String
    let executable: [String]
    private let process = Process()
    private let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
    private let lines = LineQueue()
    private let stderrTail = TailBuffer(limit: 4096)
    private var nextID = 1
    private(set) var hello: HelloReply?
    var lastUsed = Date()

    /// How long to wait for the handshake and signature, and to let a cancelled call finish.
    static let handshakeTimeout: TimeInterval = 15
    static let cancelGrace: TimeInterval = 2

    init(name: String, executable: [String]) {
        self.name = name
        self.executable = executable
    }

    deinit { stop() }

    var isRunning: Bool { process.isRunning }

    /// Starts the process and does the handshake; throws when it is not an opsbench plugin of a compatible major version.
    func start() throws -> HelloReply {
        signal(SIGPIPE, SIG_IGN)  // a plugin that dies must not take the session with it
        guard let program = executable.first else { throw failure(ExternalText.noExecutable) }
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(executable.dropFirst())
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        var environment = ProcessInfo.processInfo.environment
        environment["OPSBENCH_PLUGIN_PROTOCOL"] = PluginProtocol.version.description
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        do { try process.run() } catch { throw failure(ExternalText.cannotStart(program, "\(error)")) }
        let queue = lines, tail = stderrTail
        stdoutPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; queue.close() } else { queue.append(data) }
        }
        stderrPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil } else { tail.append(data) }
        }
        try send(HelloRequest(language: Language.current))
        let deadline = Date().addingTimeInterval(Self.handshakeTimeout)
        while true {
            guard let line = try nextLine(until: deadline, cancelled: { false }) else { throw timedOut(Self.handshakeTimeout) }
            let envelope = try envelope(of: line)
            if envelope.type == "error", let message = try? JSONDecoder().decode(ErrorMessage.self, from: line) {
                stop()
                throw OpsError(ExternalText.refused(name, message.error.message), code: .plugin)
            }
            guard envelope.type == "hello" else { continue }
            guard let reply = try? JSONDecoder().decode(HelloReply.self, from: line), reply.protocol == PluginProtocol.name else {
                throw garbage(line)
            }
            guard reply.version.isCompatible(with: PluginProtocol.version) else {
                stop()
                throw OpsError(
                    ExternalText.incompatible(name, reply.version, PluginProtocol.version), hint: ExternalText.incompatibleHint,
                    code: .plugin)
            }
            hello = reply
            return reply
        }
    }

    /// Sends a request that carries `id` and waits for its result, passing progress and output on.
    /// `timeout` nil waits as long as the call runs (Ctrl-C still stops it).
    func call<Reply: Decodable>(
        _ makeRequest: (Int) -> any Encodable, as: Reply.Type, timeout: TimeInterval?, cancelled: () -> Bool = { false },
        onProgress: (ProgressMessage) -> Void = { _ in }, onOutput: (OutputMessage) -> Void = { _ in }
    ) throws -> Reply {
        let id = nextID
        nextID += 1
        lastUsed = Date()
        defer { lastUsed = Date() }
        try send(makeRequest(id))
        let deadline = timeout.map { Date().addingTimeInterval($0) } ?? .distantFuture
        var cancelSent: Date?
        while true {
            let waitUntil = cancelSent.map { min(deadline, $0.addingTimeInterval(Self.cancelGrace)) } ?? deadline
            guard let line = try nextLine(until: waitUntil, cancelled: { cancelSent == nil && cancelled() }) else {
                if cancelSent != nil {
                    stop()
                    throw CommandCancelled()
                }
                if cancelled() {
                    cancelSent = Date()
                    try? send(CancelRequest(id: id))
                    continue
                }
                try? send(CancelRequest(id: id))
                stop()
                throw timedOut(timeout ?? 0)
            }
            let envelope = try envelope(of: line)
            guard envelope.id == nil || envelope.id == id else { continue }  // a late message of an earlier call
            let decoder = JSONDecoder()
            switch envelope.type {
            case "progress":
                if let message = try? decoder.decode(ProgressMessage.self, from: line) { onProgress(message) }
            case "output":
                guard let message = try? decoder.decode(OutputMessage.self, from: line) else { throw garbage(line) }
                onOutput(message)
            case "error":
                guard let message = try? decoder.decode(ErrorMessage.self, from: line) else { throw garbage(line) }
                if message.error.code == .cancelled || cancelSent != nil { throw CommandCancelled() }
                throw message.error
            case "result" where envelope.id == id:
                do { return try decoder.decode(Reply.self, from: line) } catch { throw garbage(line) }
            default:
                continue
            }
        }
    }

    /// Asks the plugin to exit, then makes sure it does.
    func stop() {
        guard process.isRunning else { return }
        try? send(ShutdownRequest())
        try? stdinPipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(0.5)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        let killDeadline = Date().addingTimeInterval(0.5)
        while process.isRunning, Date() < killDeadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    // MARK: Lines

    private func send(_ message: any Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(message)
        data.append(0x0A)
        do { try stdinPipe.fileHandleForWriting.write(contentsOf: data) } catch { throw crashed() }
    }

    /// The next line, nil when `deadline` passed or `cancelled()` turned true; throws when the plugin exited.
    private func nextLine(until deadline: Date, cancelled: () -> Bool) throws -> Data? {
        while true {
            switch lines.next(timeout: 0.05) {
            case .line(let line): return line
            case .closed: throw crashed()
            case .empty:
                if cancelled() || Date() >= deadline { return nil }
            }
        }
    }

    private func envelope(of line: Data) throws -> MessageEnvelope {
        guard let envelope = try? JSONDecoder().decode(MessageEnvelope.self, from: line) else { throw garbage(line) }
        return envelope
    }

    // MARK: Failures

    private func failure(_ message: String) -> OpsError { OpsError(message, code: .plugin) }

    private func garbage(_ line: Data) -> OpsError {
        stop()
        let text = String(decoding: line.prefix(80), as: UTF8.self)
        return OpsError(ExternalText.garbage(name, text), hint: ExternalText.stderrHint(stderrTail.text), code: .plugin)
    }

    private func crashed() -> OpsError {
        stop()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal
            ? ExternalText.signal(process.terminationStatus) : ExternalText.exitStatus(process.terminationStatus)
        return OpsError(ExternalText.crashed(name, status), hint: ExternalText.stderrHint(stderrTail.text), code: .plugin)
    }

    private func timedOut(_ seconds: TimeInterval) -> OpsError {
        stop()
        return OpsError(ExternalText.timedOut(name, seconds), hint: ExternalText.timeoutHint, code: .plugin)
    }
}

/// Lines arriving from a plugin's stdout, split and queued for the caller.
private final class LineQueue: @unchecked Sendable {
    enum Next { case line(Data), empty, closed }
    private let condition = NSCondition()
    private var buffer = Data()
    private var ready: [Data] = []
    private var isClosed = false

    func append(_ data: Data) {
        condition.lock()
        buffer.append(data)
        while let newline = buffer.firstIndex(of: 0x0A) {
            let line = buffer[buffer.startIndex..<newline]
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { ready.append(Data(line)) }
            buffer.removeSubrange(buffer.startIndex...newline)
        }
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        if !buffer.isEmpty { ready.append(buffer); buffer = Data() }
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    func next(timeout: TimeInterval) -> Next {
        condition.lock()
        defer { condition.unlock() }
        if ready.isEmpty, !isClosed { _ = condition.wait(until: Date().addingTimeInterval(timeout)) }
        if !ready.isEmpty { return .line(ready.removeFirst()) }
        return isClosed ? .closed : .empty
    }
}

/// The last bytes a plugin wrote to stderr, shown when it fails.
private final class TailBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        if data.count > limit { data = data.suffix(limit) }
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self).trimmingWhitespace()
    }
}
