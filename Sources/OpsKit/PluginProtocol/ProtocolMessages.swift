import Foundation

/// The process protocol between opsbench and an external plugin: JSON objects,
/// one per line, over the plugin's stdin and stdout (`docs/plugin-protocol.md`).
///
/// These are the messages only; ``PluginConnection`` (Workbench) is the transport.
public enum PluginProtocol {
    /// Sent in both handshakes; a plugin speaking another protocol is refused.
    public static let name = "opsbench-plugin"
    /// Only the major version binds: a plugin on 1.x works with any 1.y host.
    public static let version = ProtocolVersion(major: 1, minor: 1)
    /// What this host supports; a plugin lists what it uses.
    public static let features = ["csv", "inline", "progress", "cancel", "completion", "keep-alive", "handles", "engine"]
}

/// `MAJOR.MINOR`, encoded as the string `"1.0"`.
public struct ProtocolVersion: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ".").map { Int($0) }
        guard let major = parts.first ?? nil, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        self.init(major: major, minor: parts.count > 1 ? parts[1]! : 0)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = ProtocolVersion(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a version: \(text)"))
        }
        self = version
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String { "\(major).\(minor)" }
    public static func < (a: Self, b: Self) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
    /// Whether a peer on `other` can talk to us: the same major version.
    public func isCompatible(with other: ProtocolVersion) -> Bool { major == other.major }
}

/// Only the `type` and `id` of a message, read first to decide how to decode the rest.
public struct MessageEnvelope: Decodable, Sendable {
    public var type: String
    public var id: Int?
}

// MARK: Host → plugin

public struct HelloRequest: Codable, Sendable {
    public var type = "hello"
    public var `protocol` = PluginProtocol.name
    public var version = PluginProtocol.version
    public var features = PluginProtocol.features
    /// The interface language (`en`, `zh`), for the plugin's messages.
    public var language: String

    public init(language: Language) { self.language = language.rawValue }
}

public struct SignatureRequest: Codable, Sendable {
    public var type = "signature"
    public var id: Int
    public init(id: Int) { self.id = id }
}

public struct RunRequest: Codable, Sendable {
    public var type = "run"
    public var id: Int
    /// The subcommand's name (`ttest`).
    public var command: String
    public var arguments: BoundArguments
    /// The datasets named by dataset arguments, by dataset name.
    public var datasets: [String: DatasetPayload]
    /// A folder for this call's files; removed after the call.
    public var scratch: String
    public var seed: UInt64
    public var language: String
    /// The line as typed, for provenance.
    public var commandLine: String
    /// Set when the call runs a core command (`["segment", "rfm"]`) on the plugin's remote datasets
    /// (protocol 1.1, `engine`); `command` is then that path joined by spaces.
    public var core: [String]?

    public init(
        id: Int, command: String, arguments: BoundArguments, datasets: [String: DatasetPayload], scratch: String, seed: UInt64,
        language: String, commandLine: String, core: [String]? = nil
    ) {
        self.id = id
        self.command = command
        self.arguments = arguments
        self.datasets = datasets
        self.scratch = scratch
        self.seed = seed
        self.language = language
        self.commandLine = commandLine
        self.core = core
    }
}

public struct CompleteRequest: Codable, Sendable {
    public var type = "complete"
    public var id: Int
    public var command: String
    /// The option (or positional value name) being completed.
    public var argument: String
    public var prefix: String
    /// The tokens already on the line after the command.
    public var tokens: [String]
}

public struct CancelRequest: Codable, Sendable {
    public var type = "cancel"
    /// The id of the call to stop.
    public var id: Int
    public init(id: Int) { self.id = id }
}

public struct ShutdownRequest: Codable, Sendable {
    public var type = "shutdown"
    public init() {}
}

// MARK: Plugin → host

public struct HelloReply: Codable, Sendable {
    public struct Info: Codable, Sendable {
        public var name: String
        public var version: String
        public var summary: Localized
    }
    public var type: String
    public var `protocol`: String
    public var version: ProtocolVersion
    public var features: [String]?
    public var plugin: Info
    /// Keep the process for the whole session (it is costly to start) instead of stopping it when idle.
    public var keepAlive: Bool?
    /// Set by an engine plugin (protocol 1.1): the core commands it runs on its remote datasets.
    public var engine: EngineCapabilities?
}

/// What an engine plugin (Spark) can do with the remote datasets it holds: which core commands
/// it runs on them, and the options those commands take there besides their own.
public struct EngineCapabilities: Codable, Hashable, Sendable {
    public var commands: [EngineCommand]

    public init(commands: [EngineCommand]) { self.commands = commands }

    /// The entry for a core command's path, if the engine runs it.
    public func command(_ path: [String]) -> EngineCommand? { commands.first { $0.path == path } }
}

/// One core command an engine runs on remote data.
public struct EngineCommand: Codable, Hashable, Sendable {
    /// `["segment", "rfm"]`, `["show"]`.
    public var path: [String]
    /// Options the command takes on remote data (`--pull`, `--engine`); one named like a core
    /// option replaces it there (its choices say which values the engine supports).
    public var arguments: [ArgumentDescriptor]?

    public init(path: [String], arguments: [ArgumentDescriptor]? = nil) {
        self.path = path
        self.arguments = arguments
    }
}

public struct SignatureReply: Codable, Sendable {
    public var commands: [CommandDescriptor]
}

public struct RunReply: Codable, Sendable {
    /// Results by dataset name; committed to the workspace together, only if the call succeeded.
    public var datasets: [String: DatasetPayload]?
    /// For a core command (`RunRequest.core`): the engine did its part (e.g. built the feature table)
    /// and the command is to finish here, reading these datasets in place of the remote ones of the same names.
    public var local: [String: DatasetPayload]?
}

public struct CompleteReply: Codable, Sendable {
    public var values: [String]
}

public struct ProgressMessage: Codable, Sendable {
    public var id: Int?
    public var completed: Int
    public var total: Int?
    public var label: String?
    public var detail: String?
}

public struct OutputMessage: Codable, Sendable {
    public enum Kind: String, Codable, Sendable { case text, warning, note }
    public var id: Int?
    public var text: String
    public var kind: Kind?
}

public struct ErrorMessage: Codable, Sendable {
    public var id: Int?
    public var error: OpsError
}

// MARK: Datasets

/// A dataset crossing the process boundary: a CSV file in the scratch folder,
/// columns inline in the message, or a handle to data that live elsewhere (a Spark table).
public struct DatasetPayload: Codable, Hashable, Sendable {
    public enum Format: String, Codable, Sendable { case csv, inline, handle }

    public var format: Format
    /// `csv`: the file (UTF-8, header row, RFC 4180).
    public var path: String?
    /// `inline`: the columns.
    public var columns: [InlineColumn]?
    /// Column names and types (sent by the host; optional from plugins, where it fixes the types of a CSV).
    public var schema: [ColumnSchema]?
    public var rows: Int?
    /// `handle`: where the data live.
    public var handle: DatasetHandle?

    public init(
        format: Format, path: String? = nil, columns: [InlineColumn]? = nil, schema: [ColumnSchema]? = nil, rows: Int? = nil,
        handle: DatasetHandle? = nil
    ) {
        self.format = format
        self.path = path
        self.columns = columns
        self.schema = schema
        self.rows = rows
        self.handle = handle
    }
}

public struct ColumnSchema: Codable, Hashable, Sendable {
    public var name: String
    public var type: ColumnType
    public init(name: String, type: ColumnType) {
        self.name = name
        self.type = type
    }
}

/// A dataset that lives outside the workspace, owned by a plugin (e.g. a table
/// on a Spark cluster): the plugin that owns it and its own reference.
public struct DatasetHandle: Codable, Hashable, Sendable {
    public var plugin: String
    /// Opaque to opsbench; given back to the plugin when a command names the dataset.
    public var reference: String
    public var schema: [ColumnSchema]?
    public var rows: Int?

    public init(plugin: String, reference: String, schema: [ColumnSchema]? = nil, rows: Int? = nil) {
        self.plugin = plugin
        self.reference = reference
        self.schema = schema
        self.rows = rows
    }
}

/// One column sent inline: values are JSON numbers, strings, booleans or null
/// (dates and datetimes as ISO text).
public struct InlineColumn: Codable, Hashable, Sendable {
    public var name: String
    public var type: ColumnType?
    public var values: [InlineValue]
}

public enum InlineValue: Codable, Hashable, Sendable {
    case null, bool(Bool), number(Double), text(String)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else { self = .text(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d): try c.encode(d)
        case .text(let s): try c.encode(s)
        }
    }
}
