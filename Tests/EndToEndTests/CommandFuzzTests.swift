import Foundation
import OpsKit
import PluginCatalog
import Testing
import Workbench

/// Random and mutated command lines for every registered command (built-ins
/// and every plugin), generated from the registry's descriptors, run by the
/// real binary (`opsbench run --keep-going`) against a small workspace of
/// sample data. A crash is a signal exit of that process; the crashing line is
/// then found by running the chunk's lines one by one and reported. Deterministic
/// (`seed`), bounded time (a few hundred lines, each run with tiny search budgets).
@Suite(.enabled(if: OpsbenchBinary.isBuilt, "the opsbench binary is not built: run swift build before swift test"))
struct CommandFuzzTests {
    /// `OPSBENCH_FUZZ_SEED` and `OPSBENCH_FUZZ_LINES` (lines per command) run a different or longer campaign by hand.
    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["OPSBENCH_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261201
    static let linesPerCommand = environment["OPSBENCH_FUZZ_LINES"].flatMap(Int.init) ?? 8
    static let chunkSize = 150
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func everyCommandSurvivesRandomAndMutatedLines() throws {
        let directory = try TemporaryDirectory()
        let setup = try FuzzFixture.write(in: directory, examples: Self.root.appendingPathComponent("examples"))
        let prepared = try OpsbenchProcess.run(["run", "setup.opsb", "--workspace", "ws"], in: directory)
        #expect(prepared.status == 0, "the fuzz workspace could not be prepared: \(prepared.stderr)")

        var generator = FuzzLineGenerator(registry: CommandRegistry(plugins: bundledPlugins), seed: Self.seed)
        let lines = generator.lines(perCommand: Self.linesPerCommand)
        if let keep = Self.environment["OPSBENCH_FUZZ_KEEP"] {  // the generated lines, to reproduce by hand
            try (lines.joined(separator: "\n") + "\n").write(toFile: keep, atomically: true, encoding: .utf8)
        }
        #expect(Set(generator.coveredCommands) == Set(CommandRegistry(plugins: bundledPlugins).allCommands.map(\.fullName)))

        var crashes: [String] = []
        for start in stride(from: 0, to: lines.count, by: Self.chunkSize) {
            let chunk = Array(lines[start..<min(lines.count, start + Self.chunkSize)])
            if let problem = try Self.run(chunk, loads: setup.loads, in: directory) {
                crashes.append(try Self.culprit(chunk, loads: setup.loads, in: directory) ?? "a chunk (\(problem)) but no single line")
            }
        }
        #expect(crashes.isEmpty, "opsbench crashed or ran away on:\n\(crashes.joined(separator: "\n"))")
    }

    /// Runs lines after re-loading the sample data; a description of the crash or runaway, or nil.
    static func run(_ lines: [String], loads: [String], in directory: TemporaryDirectory) throws -> String? {
        try directory.write("fuzz.opsb", (loads + lines).joined(separator: "\n") + "\n")
        do {
            let process = try OpsbenchProcess.run(["run", "--keep-going", "--workspace", "ws", "fuzz.opsb"], in: directory, timeout: 300)
            if process.status > 1 {
                return "exit status \(process.status): \(process.stderr.suffix(600))"
            }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The first line that crashes on its own.
    static func culprit(_ lines: [String], loads: [String], in directory: TemporaryDirectory) throws -> String? {
        for line in lines {
            if let problem = try run(lineWithInput(line, in: lines), loads: loads, in: directory) {
                return "\(line.debugDescription) — \(problem)"
            }
        }
        return nil
    }

    /// A line and, for `ask chat`, its closing `/exit`.
    private static func lineWithInput(_ line: String, in lines: [String]) -> [String] {
        FuzzLineGenerator.opensSubPrompt(line) ? [line, "/exit"] : [line]
    }
}

/// The sample data, cut small so every command runs in milliseconds.
enum FuzzFixture {
    struct Setup { var loads: [String] }

    static func write(in directory: TemporaryDirectory, examples: URL) throws -> Setup {
        func head(_ name: String, _ rows: Int, keep: (String) -> Bool = { _ in true }) throws -> String {
            let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return ([lines[0]] + lines.dropFirst().filter { !$0.isEmpty && keep($0) }.prefix(rows)).joined(separator: "\n") + "\n"
        }
        try directory.write("users.csv", head("users.csv", 120))
        try directory.write("products.csv", head("products.csv", 60))
        try directory.write("orders.csv", head("orders.csv", 600))
        try directory.write("sales.csv", head("daily_sales.csv", 240) { $0.contains(",SKU01,") || $0.contains(",SKU02,") })
        try directory.write("stops.csv", head("stops.csv", 16))
        try directory.write("faq.csv", head("faq.csv", 45))
        try directory.write("utterances.csv", head("utterances.csv", 405))
        try directory.write("bad.vrp", "NAME : bad\nCAPACITY : 1e308\nNODE_COORD_SECTION\n1 1e308 -1e308\n2 9e18 1\nDEMAND_SECTION\n1 0\n2 1\nEOF\n")
        let loads = [
            "load users users.csv", "load products products.csv", "load orders orders.csv",
            "load sales sales.csv --types sku=string", "load stops stops.csv", "load faq faq.csv",
            "load utterances utterances.csv",
        ]
        let models = [
            "segment kmeans users --features 浏览次数,购买金额,购买频率 --id 用户ID --k 3 --as profiles",
            "ask kb faq --question question --answer answer --intent intent --as ask_kb",
            "ask train utterances --text text --intent intent --as ask_intents",
            "forecast predict sales --date date --value units --by sku --horizon 7 --as forecasts",
            "route solve stops --depot D0 --capacity 100 --iterations 50 --as routes",
        ]
        try directory.write("setup.opsb", (loads + models).joined(separator: "\n") + "\n")
        return Setup(loads: loads)
    }
}

/// Command lines built from the registry: each command's own examples and
/// runbook lines, mutated, and lines assembled from its descriptor.
struct FuzzLineGenerator {
    let registry: CommandRegistry
    var random: SeededGenerator
    private(set) var coveredCommands: [String] = []

    static let datasets = ["users", "products", "orders", "sales", "stops", "faq", "utterances", "profiles", "ask_kb", "ask_intents", "forecasts", "routes", "nope"]
    static let columns = ["用户ID", "浏览次数", "购买金额", "customer_id", "order_date", "amount", "date", "units", "sku", "text", "intent", "question", "answer", "x", "y", "demand", "id", "missing"]
    static let values = [
        "0", "1", "2", "-1", "-0", "3", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "4294967296", "1e308", "-1e308", "1e-320", "nan", "inf", "-inf", "0.5", "-0.5", "", " ", "abc",
        String(repeating: "x", count: 5_000), "用户ID", "中文值", "a,b,,c", ",", "😀", "\u{1B}[2J", "a\tb", "\u{7}", "../x", "/dev/null",
    ]
    static let timeLimits = ["0", "-1", "1e6", "1e308", "nan", "0.01", "50ms", "x", "1e-9", "9223372036854775807s"]

    init(registry: CommandRegistry, seed: UInt64) {
        self.registry = registry
        self.random = SeededGenerator(seed: seed)
    }

    /// Whether a line starts a sub-prompt conversation (its input must follow).
    static func opensSubPrompt(_ line: String) -> Bool { line.hasPrefix("ask chat") }

    mutating func lines(perCommand count: Int) -> [String] {
        var lines: [String] = []
        for entry in registry.allCommands {
            let name = entry.fullName
            guard !["quit", "source", "record"].contains(name) else {
                coveredCommands.append(name)
                lines += fixedLines(for: name)
                continue
            }
            coveredCommands.append(name)
            let seeds = entry.examples.filter { !$0.contains("shared/data") }
            for i in 0..<count {
                var tokens: [String]
                if !seeds.isEmpty && i % 4 != 3 {
                    tokens = (try? LineTokenizer.tokenize(pick(seeds))) ?? entry.path
                    mutate(&tokens, entry: entry)
                } else {
                    tokens = assemble(entry)
                }
                let line = budgeted(tokens, entry: entry).map(Self.quoted).joined(separator: " ")
                lines.append(line)
                if Self.opensSubPrompt(line) { lines += ["你好 13812345678", "\u{1B}[2J 退货", "/exit"] }
            }
        }
        return lines
    }

    /// Commands that would end or redirect the run are fuzzed only in harmless forms.
    private func fixedLines(for name: String) -> [String] {
        switch name {
        case "source": return ["source nothing.opsb", "source /dev/null", "source fuzz.opsb"]
        case "record": return ["record stop", "record fuzz-transcript.opsb", "record stop"]
        default: return []
        }
    }

    /// A line from the command's descriptor: its words, a value for each positional, random options.
    private mutating func assemble(_ entry: CommandEntry) -> [String] {
        var tokens = entry.path
        for argument in entry.descriptor.positionals {
            tokens.append(value(for: argument))
        }
        let options = entry.descriptor.arguments.filter { $0.kind != .positional }
        for _ in 0..<random.nextIndex(4) where !options.isEmpty {
            let option = options[random.nextIndex(options.count)]
            tokens.append(option.names.first { $0.hasPrefix("--") } ?? option.names[0])
            if option.kind == .option { tokens.append(value(for: option)) }
        }
        return tokens
    }

    /// Replaces option values (most often), adds, repeats or drops options, or corrupts a token.
    private mutating func mutate(_ tokens: inout [String], entry: CommandEntry) {
        let options = entry.descriptor.arguments.filter { $0.kind != .positional }
        for _ in 0..<(random.nextIndex(3) == 0 ? 2 : 1) {
            let valued = tokens.indices.filter { $0 + 1 < tokens.count && tokens[$0].hasPrefix("--") && !tokens[$0 + 1].hasPrefix("--") }
            let position = entry.path.count + random.nextIndex(max(1, tokens.count - entry.path.count))
            switch random.nextIndex(7) {
            case 0...1 where !valued.isEmpty:
                let option = pick(valued)
                tokens[option + 1] = entry.descriptor.argument(named: tokens[option]).map { value(for: $0) } ?? pick(Self.values)
            case 2 where position < tokens.count:
                tokens[position] = pick(Self.values)
            case 3 where !options.isEmpty:
                let option = options[random.nextIndex(options.count)]
                tokens.append(option.names.first { $0.hasPrefix("--") } ?? option.names[0])
                if option.kind == .option { tokens.append(value(for: option)) }
            case 4 where position < tokens.count:
                tokens.remove(at: position)
            case 5 where position < tokens.count && tokens[position].hasPrefix("--"):
                tokens.insert(contentsOf: [tokens[position], pick(Self.values)], at: position)
            default:
                if position < tokens.count { tokens[position] += pick(["\u{1B}", "'", "\"", "=", "=-1", "\u{0}"]) }
            }
        }
    }

    private mutating func value(for argument: ArgumentDescriptor) -> String {
        if argument.names.contains("--time-limit") { return pick(Self.timeLimits) }
        switch argument.completion {
        case .dataset: return random.nextIndex(5) == 0 ? pick(Self.values) : pick(Self.datasets)
        case .columns:
            if random.nextIndex(4) == 0 { return pick(Self.values) }
            return (0...random.nextIndex(3)).map { _ in pick(Self.columns) }.joined(separator: ",")
        case .values(let values) where !values.isEmpty && random.nextIndex(3) > 0: return pick(values)
        case .file: return pick(["users.csv", "bad.vrp", "/dev/null", "nothing.txt", "out.csv", ".", "setup.opsb"])
        default: return pick(Self.values)
        }
    }

    /// Keeps searches short: a `route solve` without a budget gets a small one (its default is 5 s).
    private func budgeted(_ tokens: [String], entry: CommandEntry) -> [String] {
        guard entry.fullName == "route solve", !tokens.contains(where: { $0.hasPrefix("--iterations") || $0.hasPrefix("--time-limit") }) else {
            return tokens.map { $0 == "20000" ? "50" : $0 }
        }
        return tokens + ["--iterations", "50"]
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[random.nextIndex(values.count)] }

    /// A token quoted for the line tokenizer (double quotes; `"` and `\` escaped).
    static func quoted(_ token: String) -> String {
        if !token.isEmpty, token.allSatisfy({ $0.isLetter || $0.isNumber || "-_.,/=:+".contains($0) }) { return token }
        var text = "\""
        for character in token {
            if character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text + "\""
    }
}
