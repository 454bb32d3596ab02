import Foundation

/// Read access to the workspace's datasets, provided by the session.
public protocol DatasetSource: AnyObject {
    /// The dataset called `name`; throws ``OpsError/unknownDataset(_:available:)`` when absent.
    func dataset(named name: String) throws -> Dataset
    /// Every dataset name, sorted.
    var datasetNames: [String] { get }
    /// Drops any in-memory copy of `name` kept for later reads (it is read again when next asked for).
    func release(named name: String)
}

extension DatasetSource {
    public func release(named name: String) {}
}

/// Where command output goes: the terminal, a transcript, or a test's buffer.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
}

/// How output should look.
public struct OutputStyle: Sendable {
    /// Output goes to a person at a terminal: colour, progress lines, live charts.
    public var isTerminal: Bool
    /// Columns available for tables and charts.
    public var width: Int

    public init(isTerminal: Bool, width: Int) {
        self.isTerminal = isTerminal
        self.width = width
    }

    /// Stable plain text, as scripts and transcripts see it.
    public static let plain = OutputStyle(isTerminal: false, width: 100)
}

/// How and where a dataset was produced; stored beside it in the workspace.
public struct Provenance: Codable, Sendable, Equatable {
    public var command: String
    public var inputs: [String]
    public var seed: UInt64?
    public var createdAt: Date
    /// Facts about the source worth keeping (`load`: the file's encoding, its sheet).
    public var details: [String: String]?

    public init(
        command: String, inputs: [String], seed: UInt64?, createdAt: Date = Date(), details: [String: String]? = nil
    ) {
        self.command = command
        self.inputs = inputs
        self.seed = seed
        self.createdAt = createdAt
        self.details = details
    }
}

/// A dataset a command produced, committed to the workspace only if the command succeeds.
public struct StagedDataset: Sendable {
    public let name: String
    public let dataset: Dataset
    public let provenance: Provenance

    public init(name: String, dataset: Dataset, provenance: Provenance) {
        self.name = name
        self.dataset = dataset
        self.provenance = provenance
    }
}

/// Everything a running command may use: datasets, output, progress,
/// cancellation and seeded randomness. One context per command.
public final class CommandContext {
    /// The line as the user typed it (after variable substitution).
    public let commandLine: String
    public let style: OutputStyle
    /// The session's seed (`set seed`), used when a command's `--seed` is absent.
    public let defaultSeed: UInt64
    /// Where this command may write files (see ``writablePath(_:)``).
    public let writePolicy: WritePolicy

    private let source: DatasetSource
    private let sink: OutputSink
    private let progressDisplay: ProgressDisplay?
    private let lineReader: ((String) -> String?)?
    private let cancellation: CancellationFlag
    public private(set) var staged: [StagedDataset] = []
    /// Lines printed once the command's results are committed (``confirm(_:)``).
    public private(set) var confirmations: [String] = []
    private var inputs: [String] = []
    private var usedSeed: UInt64?

    public init(
        commandLine: String, style: OutputStyle, defaultSeed: UInt64, source: DatasetSource, sink: OutputSink,
        progressDisplay: ProgressDisplay? = nil, cancellation: CancellationFlag = .global,
        lineReader: ((String) -> String?)? = nil, writePolicy: WritePolicy = .unrestricted
    ) {
        self.commandLine = commandLine
        self.writePolicy = writePolicy
        self.style = style
        self.defaultSeed = defaultSeed
        self.source = source
        self.sink = sink
        self.progressDisplay = progressDisplay
        self.cancellation = cancellation
        self.lineReader = lineReader
    }

    // MARK: Datasets

    /// Reads a dataset (recorded as an input of whatever this command stores).
    public func dataset(_ name: String) throws -> Dataset {
        if let pending = staged.last(where: { $0.name == name }) { return pending.dataset }
        let dataset = try source.dataset(named: name)
        if !inputs.contains(name) { inputs.append(name) }
        return dataset
    }

    /// Says this command no longer needs the workspace's in-memory copy of the
    /// input `name` (it has turned the data into its own form, such as a feature
    /// matrix), so a large dataset is not held twice; a later read loads it again.
    public func release(_ name: String) {
        guard !staged.contains(where: { $0.name == name }) else { return }
        source.release(named: name)
    }

    /// Whether a dataset exists (in the workspace or stored earlier by this command).
    public func hasDataset(_ name: String) -> Bool {
        staged.contains { $0.name == name } || source.datasetNames.contains(name)
    }

    public var datasetNames: [String] { Array(Set(source.datasetNames + staged.map(\.name))).sorted() }

    /// Stores a result under `name`. It reaches the workspace, atomically with
    /// the command's other results, only when `run(in:)` returns without error.
    /// `details` are kept in its provenance (for example the encoding of a loaded file).
    public func store(_ dataset: Dataset, as name: String, details: [String: String]? = nil) throws {
        try DatasetName.validate(name)
        staged.removeAll { $0.name == name }
        let provenance = Provenance(command: PhoneMasker.masked(commandLine), inputs: inputs, seed: usedSeed, details: details)
        staged.append(StagedDataset(name: name, dataset: dataset, provenance: provenance))
    }

    // MARK: Files

    /// The resolved path a command may create or replace for `path` (an export,
    /// a report); throws when the session's ``WritePolicy`` forbids it.
    public func writablePath(_ path: String) throws -> String { try writePolicy.authorize(path) }

    // MARK: Output

    /// Writes one line (a newline is added).
    public func print(_ line: String = "") { sink.write(line + "\n") }

    /// Prints `line` ("loaded …", "stored …") once the command's results are
    /// committed to the workspace, so that success is never reported for a
    /// commit that then fails.
    public func confirm(_ line: String) { confirmations.append(line) }

    /// Writes text as is.
    public func write(_ text: String) { sink.write(text) }

    /// `warning: ...`: something the user should know, the command goes on.
    public func warn(_ message: String) { print(KitText.warningPrefix + message) }

    /// `note: ...`: a fact about how the result was computed.
    public func note(_ message: String) { print(KitText.notePrefix + message) }

    /// Prints a dataset as an aligned table (East Asian wide characters take two columns).
    public func table(_ dataset: Dataset, maxRows: Int = 20, nullText: String = "null", totalRows: Int? = nil) {
        write(TableRenderer(maxWidth: style.width).render(dataset, maxRows: maxRows, nullText: nullText, totalRows: totalRows))
    }

    /// Prints rows of text as an aligned table.
    public func table(headers: [String], rows: [[String]], alignments: [TableRenderer.Alignment]? = nil) {
        write(TableRenderer(maxWidth: style.width).render(headers: headers, rows: rows, alignments: alignments))
    }

    // MARK: Replays

    /// Set by ``markVolatile(figures:)``.
    public private(set) var volatileFigures: [String: Double]?

    /// Says that this command's output may differ on replay although the result is
    /// equally good (a time-limited search): a transcript check then compares these
    /// figures, within its tolerance, instead of the text (`cost`, `vehicles`, ...).
    public func markVolatile(figures: [String: Double]) { volatileFigures = figures }

    // MARK: Interaction

    /// Reads one more line from the user (REPL) or the script being run, for
    /// commands with a sub-prompt such as `ask chat`. `nil` at end of input.
    public func readLine(prompt: String) -> String? { lineReader?(prompt) }

    // MARK: Progress and cancellation

    /// Starts a progress line (drawn on a terminal's stderr, silent otherwise).
    public func progress(_ label: String, total: Int? = nil) -> ProgressReporter {
        ProgressReporter(label: label, total: total, display: style.isTerminal ? progressDisplay : nil)
    }

    /// True once the user pressed Ctrl-C during this command.
    public var isCancelled: Bool { cancellation.isSet }

    /// Throws ``CommandCancelled`` once the user pressed Ctrl-C. Call it in long loops.
    public func checkCancellation() throws {
        if cancellation.isSet { throw CommandCancelled() }
    }

    // MARK: Randomness

    /// The seed to use: the command's `--seed`, else the session's. Recorded in provenance.
    public func seed(_ option: SeedOption) -> UInt64 {
        let seed = option.seed ?? defaultSeed
        usedSeed = seed
        return seed
    }

    /// A deterministic random generator for the resolved seed.
    public func random(_ option: SeedOption) -> SeededGenerator { SeededGenerator(seed: seed(option)) }
}

/// Rules for dataset names: a letter (any script) or `_` first, then letters, digits, `_`.
public enum DatasetName {
    public static func validate(_ name: String) throws {
        guard let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else {
            throw OpsError(KitText.badDatasetName(name), hint: KitText.datasetNameHint)
        }
    }
}
