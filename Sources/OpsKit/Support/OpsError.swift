/// A user-facing error: what went wrong, and how to fix it.
///
/// Errors are data: the session prints `error: message` and `hint: hint`, and
/// never crashes or half-writes a dataset because of one.
public struct OpsError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }

    /// "unknown column 'x' — did you mean 'y'? columns: a, b, c"
    public static func unknownColumn(_ name: String, available: [String], option: String? = nil) -> OpsError {
        let place = option.map { " in \($0)" } ?? ""
        return unknown(kind: "column", name: name, place: place, available: available, listLabel: "columns")
    }

    /// "unknown dataset 'x' — did you mean 'y'? datasets: a, b"
    public static func unknownDataset(_ name: String, available: [String]) -> OpsError {
        unknown(kind: "dataset", name: name, place: "", available: available, listLabel: "datasets")
    }

    /// An unknown identifier of any kind (item id, user id, intent ...), with close suggestions.
    public static func unknown(
        kind: String, name: String, place: String = "", available: [String], listLabel: String
    ) -> OpsError {
        var message = "unknown \(kind) '\(name)'\(place)"
        let close = Suggest.closest(to: name, in: available, limit: 3)
        if !close.isEmpty { message += " — did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?" }
        let shown = available.prefix(20).joined(separator: ", ")
        let more = available.count > 20 ? ", … (\(available.count) in all)" : ""
        return OpsError(message, hint: available.isEmpty ? "there are no \(listLabel) yet" : "\(listLabel): \(shown)\(more)")
    }

    /// An option value that is out of range or malformed.
    public static func invalidOption(_ option: String, _ problem: String, hint: String? = nil) -> OpsError {
        OpsError("\(option): \(problem)", hint: hint)
    }
}

/// Thrown by ``CommandContext/checkCancellation()`` after Ctrl-C.
public struct CommandCancelled: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "cancelled" }
}
