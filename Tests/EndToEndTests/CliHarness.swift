import Foundation
import OpsKit
import Testing

/// Drives the built `opsbench` binary, as a user would: with arguments and
/// stdin (``OpsbenchProcess``) or at a pseudo-terminal (``PseudoTerminal``).
enum OpsbenchBinary {
    /// `opsbench` beside the test bundle (`swift build` / `swift test` build it), or nil.
    static let path: String? = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            testBinary.deletingLastPathComponent().appendingPathComponent("opsbench"),
            root.appendingPathComponent(".build/debug/opsbench"),
        ]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isBuilt: Bool { path != nil }
}

/// A fresh directory that is removed when the value is released; also the `$OPSBENCH_HOME`.
final class TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a file in the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }

    /// The environment a test's opsbench runs with: its own home, history and workspace.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["OPSBENCH_HOME"] = path
        environment["HOME"] = path
        environment["LANG"] = "C.UTF-8"
        environment["TERM"] = "xterm"
        environment.removeValue(forKey: "LC_ALL")
        return environment
    }
}

/// One finished run of the binary with pipes (not a terminal) on stdin, stdout and stderr.
struct OpsbenchProcess {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `opsbench ARGUMENTS` in `directory`, feeding `input` on stdin; killed after `timeout` seconds.
    static func run(
        _ arguments: [String], input: String = "", in directory: TemporaryDirectory, timeout: TimeInterval = 120
    ) throws -> OpsbenchProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: OpsbenchBinary.path ?? "opsbench")
        process.arguments = arguments
        process.environment = directory.environment
        process.currentDirectoryURL = directory.url
        let files = (0..<3).map { directory.url.appendingPathComponent(".io-\(UUID().uuidString)-\($0)") }
        try Data(input.utf8).write(to: files[0])
        for file in files.dropFirst() { try Data().write(to: file) }
        defer { for file in files { try? FileManager.default.removeItem(at: file) } }
        process.standardInput = try FileHandle(forReadingFrom: files[0])
        process.standardOutput = try FileHandle(forWritingTo: files[1])
        process.standardError = try FileHandle(forWritingTo: files[2])
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw OpsError("opsbench \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return OpsbenchProcess(
            status: process.terminationStatus,
            stdout: try String(contentsOf: files[1], encoding: .utf8),
            stderr: try String(contentsOf: files[2], encoding: .utf8))
    }
}

/// `opsbench` running on a pseudo-terminal opened by the test: keys go in,
/// and what the program draws is replayed on a ``TerminalScreen``.
final class PseudoTerminal {
    static let columns = 100
    static let rows = 30
    /// Linux ioctls TIOCSPTLCK and TIOCGPTN.
    private static let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430

    private let master: Int32
    private let pid: pid_t
    private var exitStatus: Int32?
    let screen = TerminalScreen(columns: PseudoTerminal.columns, rows: PseudoTerminal.rows)

    /// Starts `opsbench ARGUMENTS` as the leader of a new session whose controlling terminal is the pty's slave.
    /// `locale` replaces `LANG` (nil: no LANG at all, the bare C locale).
    init(_ arguments: [String] = [], in directory: TemporaryDirectory, locale: String? = "C.UTF-8") throws {
        // posix_openpt/unlockpt/ptsname are not visible from Swift's Glibc module: the same through /dev/ptmx.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            throw OpsError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slave = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(Self.rows), ws_col: UInt16(Self.columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid() (glibc runs POSIX_SPAWN_SETSID first), so it becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // The shell only changes to the test's directory (short relative paths) and becomes opsbench.
        let command = ["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", directory.path]
            + [OpsbenchBinary.path ?? "opsbench"] + arguments
        let argv = command.map { strdup($0) } + [nil]
        var environment = directory.environment
        environment["LANG"] = locale
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, argv[0]!, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            throw OpsError("cannot start opsbench: \(String(cString: strerror(spawned)))")
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    // Keys
    static let enter = "\r", tab = "\t", backspace = "\u{7F}", ctrlC = "\u{03}", ctrlD = "\u{04}", ctrlR = "\u{12}", ctrlU = "\u{15}"
    static let up = "\u{1B}[A", left = "\u{1B}[D", right = "\u{1B}[C", home = "\u{1B}[H", end = "\u{1B}[F"

    /// Resizes the terminal, as dragging the window does (the program gets SIGWINCH).
    func resize(columns: Int) {
        var size = winsize(ws_row: UInt16(Self.rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        screen.columns = columns
    }

    /// Types keys (UTF-8) as a user would.
    func type(_ keys: String) {
        var bytes = Array(keys.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR || errno == EAGAIN { continue } else { return } }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Waits until the screen satisfies `condition`; false after `timeout` seconds.
    @discardableResult
    func wait(timeout: TimeInterval = 30, until condition: (TerminalScreen) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if condition(screen) { return true }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return false }
            if !pump(milliseconds: Int32(min(100, remaining * 1000) + 1)) && exitStatus != nil { return condition(screen) }
        }
    }

    /// Waits until the screen shows `text` `count` times.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 30) -> Bool {
        wait(timeout: timeout) { $0.occurrences(of: text) >= count }
    }

    /// The screen and the raw bytes behind it, for failure messages.
    var dump: String { "screen:\n\(screen.text)\nreceived: \(screen.transcript)" }

    /// Waits for the process to exit; its status, or nil after `timeout` seconds.
    func waitForExit(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil && Date() < deadline {
            _ = pump(milliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
        }
        return exitStatus
    }

    /// The terminal's line discipline flags now (to see that the program restored them).
    var localFlags: tcflag_t {
        var attributes = termios()
        tcgetattr(master, &attributes)
        return attributes.c_lflag
    }

    /// Reads what is available (waiting up to `milliseconds`); false once the slave side is gone.
    private func pump(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        screen.feed(buffer[0..<count])
        return true
    }
}

/// A small VT100/xterm screen: enough of the control sequences libedit and
/// opsbench emit (cursor moves, erase, insert/delete characters) to show the
/// text a user would see, with East Asian wide characters taking two cells.
final class TerminalScreen {
    var columns: Int
    let rows: Int
    /// Every line ever drawn; the last `rows` are the visible screen. A wide
    /// character's second cell holds `nil`.
    private var lines: [[Character?]] = [[]]
    private var row = 0, column = 0
    /// The cursor is past the last column: the next character starts a new line (xterm's deferred wrap).
    private var wrapPending = false
    private var pending: [UInt8] = []

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The text of every line, trailing blanks removed.
    var text: String { lines.map(render).joined(separator: "\n") }
    /// The line the cursor is on.
    var cursorLine: String { render(lines[row]) }
    /// The cursor's column, in cells.
    var cursorColumn: Int { column }

    func occurrences(of needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Everything received, with control characters escaped (for failure messages).
    private(set) var received: [UInt8] = []
    var transcript: String {
        String(decoding: received, as: UTF8.self).unicodeScalars.map { $0.value < 0x20 || $0 == "\u{7F}" ? "\\x" + String($0.value, radix: 16) : String($0) }.joined()
    }

    func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        received += bytes
        pending += bytes
        var index = 0
        while index < pending.count {
            guard let consumed = step(pending[index...]) else { break }
            index += consumed
        }
        pending.removeFirst(index)
    }

    private func render(_ cells: [Character?]) -> String {
        String(cells.compactMap { $0 }).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }

    /// Interprets one character or control sequence at the start of `bytes`;
    /// returns the bytes used, or nil when the sequence is incomplete.
    private func step(_ bytes: ArraySlice<UInt8>) -> Int? {
        let first = bytes[bytes.startIndex]
        if first < 0x20 || first == 0x1B { wrapPending = false }
        switch first {
        case 0x1B: return escape(bytes)
        case 0x0D: column = 0
        case 0x0A: lineFeed()
        case 0x08: column = max(0, column - 1)
        case 0x09: column = min(columns - 1, (column / 8 + 1) * 8)
        case 0x00..<0x20, 0x7F: break
        default:
            let length = first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
            let size = first < 0x80 ? 1 : length
            guard bytes.count >= size else { return nil }
            let scalar = String(decoding: bytes.prefix(size), as: UTF8.self)
            put(Character(scalar))
            return size
        }
        return 1
    }

    private func escape(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= 2 else { return nil }
        let second = bytes[bytes.startIndex + 1]
        guard second == UInt8(ascii: "[") else { return 2 }  // ESC =, ESC >, ESC 7 ...: nothing to draw
        var end = bytes.startIndex + 2
        while end < bytes.endIndex, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
        guard end < bytes.endIndex else { return nil }
        let parameters = String(decoding: bytes[(bytes.startIndex + 2)..<end], as: UTF8.self)
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let n = max(1, (numbers.first ?? nil) ?? 1)
        switch bytes[end] {
        case UInt8(ascii: "A"): row = max(lines.count - rows, row - n, 0)
        case UInt8(ascii: "B"): row = min(lines.count - 1, row + n)
        case UInt8(ascii: "C"): column = min(columns - 1, column + n)
        case UInt8(ascii: "D"): column = max(0, column - n)
        case UInt8(ascii: "G"): column = min(columns - 1, n - 1)
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            let top = max(0, lines.count - rows)
            row = top + n - 1
            while row >= lines.count { lines.append([]) }
            column = numbers.count > 1 ? max(1, numbers[1] ?? 1) - 1 : 0
        case UInt8(ascii: "K"):
            let mode = (numbers.first ?? nil) ?? 0
            if mode == 0 { lines[row] = Array(lines[row].prefix(column)) }
            if mode == 1 { for i in 0..<min(column + 1, lines[row].count) { lines[row][i] = " " } }
            if mode == 2 { lines[row] = [] }
        case UInt8(ascii: "J"):
            let mode = (numbers.first ?? nil) ?? 0
            if mode == 0 {
                lines[row] = Array(lines[row].prefix(column))
                for i in (row + 1)..<lines.count { lines[i] = [] }
            } else if mode == 2 {
                for i in max(0, lines.count - rows)..<lines.count { lines[i] = [] }
            }
        case UInt8(ascii: "P"):
            pad(to: column)
            lines[row].removeSubrange(column..<min(lines[row].count, column + n))
        case UInt8(ascii: "@"):
            pad(to: column)
            lines[row].insert(contentsOf: Array(repeating: " ", count: n), at: column)
            if lines[row].count > columns { lines[row].removeLast(lines[row].count - columns) }
        case UInt8(ascii: "X"):
            pad(to: column + n)
            for i in column..<(column + n) { lines[row][i] = " " }
        default: break  // colours (m), modes (h, l) and the rest draw nothing
        }
        return end - bytes.startIndex + 1
    }

    private func put(_ character: Character) {
        let width = character.unicodeScalars.first.map { DisplayWidth.of($0) } ?? 1
        if wrapPending || column + width > columns {
            lineFeed()
            column = 0
            wrapPending = false
        }
        pad(to: column + width)
        lines[row][column] = character
        if width == 2 { lines[row][column + 1] = nil }
        column += width
        if column >= columns {
            column = columns - 1
            wrapPending = true
        }
    }

    private func lineFeed() {
        row += 1
        if row == lines.count { lines.append([]) }
    }

    private func pad(to count: Int) {
        if lines[row].count < count { lines[row] += Array(repeating: " ", count: count - lines[row].count) }
    }
}

extension PseudoTerminal {
    /// Types a command, presses Enter and waits for `output` and the next prompt.
    func run(_ command: String, expecting output: String) throws {
        let prompts = screen.occurrences(of: "opsbench>")
        type(command + Self.enter)
        try #require(
            wait { $0.text.contains(output) && $0.occurrences(of: "opsbench>") > prompts },
            "'\(command)' did not print '\(output)'; \(dump)")
    }
}
