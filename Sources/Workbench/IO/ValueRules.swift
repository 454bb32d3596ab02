import Foundation
import OpsKit

/// How field text becomes values beyond the plain formats: null tokens, quoted
/// text, the decimal mark, an explicit date pattern. One set per `load`.
struct ValueRules {
    /// Whether a quoted value means text (files that quote only some fields, as `export` writes them).
    var quotesMeanText: Bool
    /// Unquoted values read as null, as UTF-8 bytes.
    var nullTokens: [[UInt8]]
    var decimalComma: Bool
    var dateFormat: DatePattern?

    init(quotesMeanText: Bool = true, options: ReadOptions) {
        self.quotesMeanText = quotesMeanText
        nullTokens = options.nullTokens.filter { !$0.isEmpty }.map { Array($0.utf8) }
        decimalComma = options.decimalComma
        dateFormat = options.dateFormat
        maxNullLength = nullTokens.map(\.count).max() ?? 0
    }

    private let maxNullLength: Int

    /// Whether unquoted (trimmed) text is one of the null tokens.
    @inline(__always)
    func isNullToken(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n <= maxNullLength else { return false }
        for token in nullTokens where token.count == n && memcmp(token, p, n) == 0 { return true }
        return false
    }

    /// Whether text is a plain typed value (`123`, `2.5`, `true`, `2024-01-01`): in a file that
    /// quotes only some fields, such a value in quotes was quoted to stay text (`export` does so).
    @inline(__always)
    func isPlainTyped(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n > 0 else { return false }
        let kind = FieldParser.classify(p, n)
        return kind != .string && !(decimalComma && kind == .double)
    }

    /// The most specific kind of a non-empty value under these rules.
    func classify(_ p: UnsafePointer<UInt8>, _ n: Int) -> FieldParser.Kind {
        if FieldParser.integer(p, n) != nil { return .integer }
        if n >= 19, FieldParser.isBigInteger(p, n) { return .string }
        if !decimalComma, FieldParser.double(p, n) != nil { return .double }
        if FieldParser.date(p, n) != nil { return .date }
        if FieldParser.dateTime(p, n) != nil { return .datetime }
        if FieldParser.bool(p, n) != nil { return .bool }
        if let dateFormat, dateFormat.parse(p, n) != nil { return dateFormat.hasTime ? .datetime : .date }
        if let parts = DayMonthDate.matches(p, n) { return parts.seconds == nil ? .date : .datetime }
        if let number = FormattedNumber.parse(p, n, decimalComma: decimalComma) {
            return number.integer != nil ? .integer : .double
        }
        return .string
    }

    /// A double under these rules: plain (unless the decimal mark is a comma), else formatted.
    @inline(__always)
    func double(_ p: UnsafePointer<UInt8>, _ n: Int, asked: Bool) -> (value: Double, percent: Bool)? {
        if !asked, n >= 19, FieldParser.isBigInteger(p, n) { return nil }
        if !decimalComma, let v = FieldParser.double(p, n, leadingZeros: asked) { return (v, false) }
        if decimalComma, let v = FieldParser.integer(p, n, leadingZeros: asked) { return (Double(v), false) }
        if let f = FormattedNumber.parse(p, n, decimalComma: decimalComma) { return (f.double, f.percent) }
        return nil
    }

    /// An integer under these rules: plain, else formatted without a fraction.
    @inline(__always)
    func integer(_ p: UnsafePointer<UInt8>, _ n: Int, asked: Bool) -> Int64? {
        if let v = FieldParser.integer(p, n, leadingZeros: asked) { return v }
        return FormattedNumber.parse(p, n, decimalComma: decimalComma)?.integer
    }
}

extension FieldParser {
    /// Digits (and a sign) too many for a 64-bit integer: a trade or order number to keep as text.
    static func isBigInteger(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = n > 0 && (p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+")) ? 1 : 0
        guard n - i >= 19 else { return false }
        while i < n {
            guard p[i] &- 48 < 10 else { return false }
            i += 1
        }
        return integer(p, n, leadingZeros: true) == nil
    }
}
