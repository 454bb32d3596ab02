import ArgumentParser

/// `NAME=VALUE`, the value parsed and checked by `Value`: `--types 日期=date`
/// is a `CommaList<Keyed<ColumnType>>`.
public struct Keyed<Value: ExpressibleByArgument & Sendable>: DescribedValue, CustomStringConvertible {
    public let key: String
    public let value: Value

    public init(key: String, value: Value) {
        self.key = key
        self.value = value
    }

    public init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
        guard parts.count == 2, !parts[0].isEmpty, let value = Value(argument: parts[1]) else { return nil }
        self.init(key: parts[0], value: value)
    }

    public static var valueSpec: ValueSpec {
        var spec = ValueSpecChannel.spec(of: Value.self)
        spec.isKeyed = true
        return spec
    }

    public var description: String { key + "=" + value.defaultValueDescription }
    public var defaultValueDescription: String { description }
}
