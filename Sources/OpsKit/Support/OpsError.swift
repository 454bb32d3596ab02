/// A user-facing error: what went wrong, and how to fix it.
///
/// Errors are data: a ``Code`` saying what kind of problem it is, the option
/// concerned (if any), the message and a hint. The session prints
/// `error: message` and `hint: hint`, decides success from the outcome (not
/// from the text), and never crashes or half-writes a dataset because of one.
/// External plugins send the same fields as a protocol message.
public struct OpsError: Error, CustomStringConvertible, Equatable, Sendable, Codable {
    /// What kind of problem an error reports: stable names, usable in scripts and tests.
    public enum Code: String, Codable, Sendable, CaseIterable {
        /// A problem with the data or the request that fits no narrower code.
        case failed = "failed"
        case unknownCommand = "unknown-command"
        case unknownOption = "unknown-option"
        case missingValue = "missing-value"
        case missingArgument = "missing-argument"
        /// A positional value the command does not take.
        case unexpectedArgument = "unexpected-argument"
        /// A value that is not of the option's type (not a number, not one of the choices).
        case invalidValue = "invalid-value"
        case outOfRange = "out-of-range"
        /// Options that cannot be used together, or one that needs another.
        case conflict = "conflict"
        case unknownDataset = "unknown-dataset"
        case unknownColumn = "unknown-column"
        case io = "io"
        /// An external plugin crashed, hung, or broke the protocol.
        case plugin = "plugin"
        case cancelled = "cancelled"
    }

    public let message: String
    public let hint: String?
    public var code: Code
    /// The option (`--k`) or argument the error is about, if any.
    public var option: String?

    public init(_ message: String, hint: String? = nil, code: Code = .failed, option: String? = nil) {
        self.message = message
        self.hint = hint
        self.code = code
        self.option = option
    }

    private enum CodingKeys: String, CodingKey { case message, hint, code, option }

    /// Reads an error sent by a plugin: `message` is required; an absent or unknown `code` is `failed`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .message), hint: try c.decodeIfPresent(String.self, forKey: .hint),
            code: (try? c.decodeIfPresent(Code.self, forKey: .code)) ?? .failed,
            option: try c.decodeIfPresent(String.self, forKey: .option))
    }

    public var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }

    /// "unknown column 'x' — did you mean 'y'? columns: a, b, c"
    public static func unknownColumn(_ name: String, available: [String], option: String? = nil) -> OpsError {
        let place = option.map(KitText.inOption) ?? ""
        var error = unknown(kind: KitText.column, name: name, place: place, available: available, listLabel: KitText.columns)
        error.code = .unknownColumn
        error.option = option
        return error
    }

    /// "unknown dataset 'x' — did you mean 'y'? datasets: a, b"
    public static func unknownDataset(_ name: String, available: [String]) -> OpsError {
        var error = unknown(kind: KitText.dataset, name: name, place: "", available: available, listLabel: KitText.datasets)
        error.code = .unknownDataset
        return error
    }

    /// An unknown identifier of any kind (item id, user id, intent ...), with close suggestions.
    /// `kind`, `place` (" in --id", see ``inOption(_:)``) and `listLabel` come from the caller's catalogue.
    public static func unknown(
        kind: String, name: String, place: String = "", available: [String], listLabel: String
    ) -> OpsError {
        var message = KitText.unknown(kind, name, place: place)
        let close = Suggest.closest(to: name, in: available, limit: 3)
        if !close.isEmpty { message += KitText.didYouMean(close) }
        let shown = available.prefix(20).joined(separator: ", ")
        let hint = available.isEmpty
            ? KitText.noneYet(listLabel) : KitText.listing(listLabel, shown, total: available.count > 20 ? available.count : nil)
        return OpsError(message, hint: hint)
    }

    /// Where an unknown name was given, for ``unknown(kind:name:place:available:listLabel:)``: " in --id".
    public static func inOption(_ option: String) -> String { KitText.inOption(option) }

    /// An option value that is out of range or malformed.
    public static func invalidOption(_ option: String, _ problem: String, hint: String? = nil) -> OpsError {
        OpsError(KitText.invalidOption(option, problem), hint: hint, code: .invalidValue, option: option)
    }
}

/// Thrown by ``CommandContext/checkCancellation()`` after Ctrl-C.
public struct CommandCancelled: Error, CustomStringConvertible {
    public init() {}
    public var description: String { KitText.cancelled }
}
