import Foundation
import OpsKit

/// Parses typed values straight from UTF-8 bytes, without making strings:
/// the type inference of `load` and the exactness of `export` rest on these.
enum FieldParser {
    /// The most specific type a single non-empty value can have.
    enum Kind: Int {
        case integer, double, date, datetime, bool, string

        var columnType: ColumnType {
            switch self {
            case .integer: return .integer
            case .double: return .double
            case .date: return .date
            case .datetime: return .datetime
            case .bool: return .bool
            case .string: return .string
            }
        }

        init(_ type: ColumnType) {
            switch type {
            case .integer: self = .integer
            case .double: self = .double
            case .date: self = .date
            case .datetime: self = .datetime
            case .bool: self = .bool
            case .string: self = .string
            }
        }

        /// The narrowest kind that holds values of both kinds.
        func merged(with other: Kind) -> Kind {
            if self == other { return self }
            switch (self, other) {
            case (.integer, .double), (.double, .integer): return .double
            case (.date, .datetime), (.datetime, .date): return .datetime
            default: return .string
            }
        }
    }

    static func classify(_ p: UnsafePointer<UInt8>, _ n: Int) -> Kind {
        if integer(p, n) != nil { return .integer }
        if double(p, n) != nil { return .double }
        if date(p, n) != nil { return .date }
        if dateTime(p, n) != nil { return .datetime }
        if bool(p, n) != nil { return .bool }
        return .string
    }

    /// The kind of a non-empty text value (empty text is `.string`).
    static func classify(_ text: String) -> Kind {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return .string }
            return classify(base, utf8.count)
        }
    }

    // MARK: Numbers

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    /// `[+-]digits`, no leading zeros (so `007` stays text, as identifiers and postcodes
    /// should) unless `leadingZeros` (when the user asked for an integer column).
    static func integer(_ p: UnsafePointer<UInt8>, _ n: Int, leadingZeros: Bool) -> Int64? {
        var i = 0
        var negative = false
        if n > 0, p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        if leadingZeros { i = skipZeros(p, n, from: i) }
        let digits = n - i
        guard digits > 0, digits <= 19 else { return nil }
        if p[i] == UInt8(ascii: "0"), digits > 1 { return nil }
        var value: UInt64 = 0
        while i < n {
            let d = p[i] &- 48
            guard d < 10 else { return nil }
            value = value &* 10 &+ UInt64(d)
            i += 1
        }
        if negative {
            guard value <= UInt64(Int64.max) + 1 else { return nil }
            return value == UInt64(Int64.max) + 1 ? Int64.min : -Int64(value)
        }
        guard value <= UInt64(Int64.max) else { return nil }
        return Int64(value)
    }

    static func integer(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? { integer(p, n, leadingZeros: false) }

    /// Skips leading zeros that are followed by another digit.
    private static func skipZeros(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int) -> Int {
        var i = start
        while i + 1 < n, p[i] == UInt8(ascii: "0"), isDigit(p[i + 1]) { i += 1 }
        return i
    }

    private static let exactPowers: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// Decimal and scientific notation (`-1.5`, `.5`, `3e-9`), `NaN`, `inf`, `-inf`.
    /// Exactly rounded: a fast path when the digits fit a double exactly, `strtod` otherwise.
    static func double(_ p: UnsafePointer<UInt8>, _ n: Int, leadingZeros: Bool) -> Double? {
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        if leadingZeros { i = skipZeros(p, n, from: i) }
        if let special = special(p + i, n - i) { return negative ? -special : special }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var intDigits = 0
        let intStart = i
        while i < n, isDigit(p[i]) {
            if significant < 19 {
                mantissa = mantissa * 10 + UInt64(p[i] - 48)
                if mantissa > 0 { significant += 1 }
            } else {
                exponent += 1
                significant += 1
            }
            i += 1
            intDigits += 1
        }
        if intDigits > 1, p[intStart] == UInt8(ascii: "0") { return nil }
        var fracDigits = 0
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, isDigit(p[i]) {
                if significant < 19 {
                    mantissa = mantissa * 10 + UInt64(p[i] - 48)
                    if mantissa > 0 { significant += 1 }
                    exponent -= 1
                } else {
                    significant += 1
                }
                i += 1
                fracDigits += 1
            }
        }
        guard intDigits + fracDigits > 0 else { return nil }
        if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                expNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < n, isDigit(p[i]) {
                if e < 100_000 { e = e * 10 + Int(p[i] - 48) }
                i += 1
                expDigits += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == n else { return nil }
        if significant <= 19, mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / exactPowers[-exponent] : value * exactPowers[exponent]
            return negative ? -value : value
        }
        return slowDouble(p, n)
    }

    static func double(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? { double(p, n, leadingZeros: false) }

    private static func special(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        switch n {
        case 3:
            if p[0] == UInt8(ascii: "N"), p[1] == UInt8(ascii: "a"), p[2] == UInt8(ascii: "N") { return .nan }
            if p[0] == UInt8(ascii: "n"), p[1] == UInt8(ascii: "a"), p[2] == UInt8(ascii: "n") { return .nan }
            if p[0] == UInt8(ascii: "i"), p[1] == UInt8(ascii: "n"), p[2] == UInt8(ascii: "f") { return .infinity }
            return nil
        default: return nil
        }
    }

    private static func slowDouble(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        guard n < 512 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Double? in
            for k in 0..<n { buffer[k] = CChar(bitPattern: p[k]) }
            buffer[n] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end == buffer.baseAddress! + n else { return nil }
            return value
        }
    }

    // MARK: Dates and times

    @inline(__always) private static func twoDigits(_ p: UnsafePointer<UInt8>) -> Int? {
        let a = p[0] &- 48, b = p[1] &- 48
        return a < 10 && b < 10 ? Int(a) * 10 + Int(b) : nil
    }

    /// `yyyy-MM-dd` (also `/` and `.`) on the fast path, the other `CivilDate` formats otherwise.
    static func date(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        if n == 10 {
            let sep = p[4]
            guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") || sep == UInt8(ascii: "."), p[7] == sep,
                let hi = twoDigits(p), let lo = twoDigits(p + 2), let month = twoDigits(p + 5),
                let day = twoDigits(p + 8)
            else { return nil }
            let year = hi * 100 + lo
            guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year, month) else { return nil }
            return CivilDate.days(year: year, month: month, day: day)
        }
        guard n >= 8, n <= 20, isDigit(p[0]), isDigit(p[3]) else { return nil }
        return CivilDate.parseDate(Substring(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)))
    }

    /// `yyyy-MM-dd HH:mm[:ss]` or with `T` (and a trailing `Z`) as seconds since the epoch.
    static func dateTime(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        var m = n
        if m > 0, p[m - 1] == UInt8(ascii: "Z") { m -= 1 }
        if m == 19 || m == 16, p[10] == UInt8(ascii: " ") || p[10] == UInt8(ascii: "T"), p[13] == UInt8(ascii: ":"),
            m == 16 || p[16] == UInt8(ascii: ":")
        {
            guard let days = date(p, 10), let h = twoDigits(p + 11), let minute = twoDigits(p + 14), h < 24, minute < 60
            else { return nil }
            var s = 0
            if m == 19 {
                guard let sec = twoDigits(p + 17), sec < 61 else { return nil }
                s = sec
            }
            return days * 86400 + Int64(h * 3600 + minute * 60 + s)
        }
        guard n >= 12, n <= 40, isDigit(p[0]) else { return nil }
        return CivilDate.parseDateTime(
            Substring(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)))
    }

    /// A datetime, or a date taken as its midnight (a datetime column may hold plain dates).
    static func dateTimeOrDate(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        dateTime(p, n) ?? date(p, n).map { $0 * 86400 }
    }

    /// `true` / `false` in any letter case.
    static func bool(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
        if n == 4, p[0] | 0x20 == UInt8(ascii: "t"), p[1] | 0x20 == UInt8(ascii: "r"), p[2] | 0x20 == UInt8(ascii: "u"),
            p[3] | 0x20 == UInt8(ascii: "e")
        {
            return true
        }
        if n == 5, p[0] | 0x20 == UInt8(ascii: "f"), p[1] | 0x20 == UInt8(ascii: "a"), p[2] | 0x20 == UInt8(ascii: "l"),
            p[3] | 0x20 == UInt8(ascii: "s"), p[4] | 0x20 == UInt8(ascii: "e")
        {
            return false
        }
        return nil
    }
}
