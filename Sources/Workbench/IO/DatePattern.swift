import ArgumentParser
import OpsKit

/// An explicit date or datetime pattern (`--date-format`), strptime style:
/// `%Y` four-digit year, `%y` two-digit year (2000–2099), `%m` month, `%d` day,
/// `%H` `%M` `%S` time, `%%` a percent sign; anything else must match itself.
/// Numbers other than `%Y` take one or two digits (`%m/%d/%Y` reads `3/7/2025`).
public struct DatePattern: Sendable, Equatable, ExpressibleByArgument {
    enum Piece: Equatable {
        case year4, year2, month, day, hour, minute, second
        case literal([UInt8])
    }

    let pieces: [Piece]
    public let text: String
    /// Whether the pattern has a time of day (the values are datetimes).
    public var hasTime: Bool { pieces.contains { $0 == .hour || $0 == .minute || $0 == .second } }

    public init?(argument: String) {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var iterator = Array(argument.utf8).makeIterator()
        while let b = iterator.next() {
            guard b == UInt8(ascii: "%") else {
                literal.append(b)
                continue
            }
            guard let code = iterator.next() else { return nil }
            let piece: Piece
            switch code {
            case UInt8(ascii: "Y"): piece = .year4
            case UInt8(ascii: "y"): piece = .year2
            case UInt8(ascii: "m"): piece = .month
            case UInt8(ascii: "d"): piece = .day
            case UInt8(ascii: "H"): piece = .hour
            case UInt8(ascii: "M"): piece = .minute
            case UInt8(ascii: "S"): piece = .second
            case UInt8(ascii: "%"):
                literal.append(code)
                continue
            default: return nil
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = []
            pieces.append(piece)
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        guard pieces.contains(.day), pieces.contains(.month), pieces.contains(.year4) || pieces.contains(.year2) else {
            return nil
        }
        self.pieces = pieces
        self.text = argument
    }

    /// Seconds since the epoch (`hasTime`) or the day number of the text, `nil` when it does not match.
    func parse(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        var i = 0
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        func number(maxDigits: Int, minDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < n, digits < maxDigits, p[i] &- 48 < 10 {
                value = value * 10 + Int(p[i] - 48)
                i += 1
                digits += 1
            }
            return digits >= minDigits ? value : nil
        }
        for piece in pieces {
            switch piece {
            case .literal(let bytes):
                guard n - i >= bytes.count else { return nil }
                for b in bytes {
                    guard p[i] == b else { return nil }
                    i += 1
                }
            case .year4: guard let v = number(maxDigits: 4, minDigits: 4) else { return nil }; year = v
            case .year2: guard let v = number(maxDigits: 2, minDigits: 2) else { return nil }; year = 2000 + v
            case .month: guard let v = number(maxDigits: 2, minDigits: 1) else { return nil }; month = v
            case .day: guard let v = number(maxDigits: 2, minDigits: 1) else { return nil }; day = v
            case .hour: guard let v = number(maxDigits: 2, minDigits: 1), v < 24 else { return nil }; hour = v
            case .minute: guard let v = number(maxDigits: 2, minDigits: 1), v < 60 else { return nil }; minute = v
            case .second: guard let v = number(maxDigits: 2, minDigits: 1), v < 61 else { return nil }; second = v
            }
        }
        guard i == n, (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year, month) else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        return hasTime ? days * 86400 + Int64(hour * 3600 + minute * 60 + second) : days
    }
}

/// Dates written day and month first with a four-digit year (`11/11/2025`,
/// `31.12.2024`, `3-7-2025`), optionally followed by ` HH:mm[:ss]`. Which of the
/// two numbers is the month is settled for a whole column from its values.
enum DayMonthDate {
    /// Which number comes first.
    enum Order: Equatable { case monthFirst, dayFirst }

    /// The two leading numbers, the year and the seconds after midnight (`nil` without a time).
    struct Parts {
        var first: Int, second: Int, year: Int
        var seconds: Int?
    }

    static func parts(_ p: UnsafePointer<UInt8>, _ n: Int) -> Parts? {
        guard n >= 8, n <= 24 else { return nil }
        var i = 0
        func number(_ maxDigits: Int) -> (Int, Int)? {
            var value = 0, digits = 0
            while i < n, digits < maxDigits, p[i] &- 48 < 10 {
                value = value * 10 + Int(p[i] - 48)
                i += 1
                digits += 1
            }
            return digits > 0 ? (value, digits) : nil
        }
        guard let (a, _) = number(2), i < n else { return nil }
        let sep = p[i]
        guard sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") || sep == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let (b, _) = number(2), i < n, p[i] == sep else { return nil }
        i += 1
        guard let (year, yearDigits) = number(4), yearDigits == 4 else { return nil }
        var parts = Parts(first: a, second: b, year: year)
        if i < n {
            guard p[i] == UInt8(ascii: " ") || p[i] == UInt8(ascii: "T") else { return nil }
            i += 1
            guard let (h, _) = number(2), h < 24, i < n, p[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let (m, _) = number(2), m < 60 else { return nil }
            var s = 0
            if i < n, p[i] == UInt8(ascii: ":") {
                i += 1
                guard let (v, _) = number(2), v < 61 else { return nil }
                s = v
            }
            guard i == n else { return nil }
            parts.seconds = h * 3600 + m * 60 + s
        }
        return parts
    }

    /// The day number of `parts` read in `order`, `nil` when that is no real date.
    static func days(_ parts: Parts, _ order: Order) -> Int64? {
        let (month, day) = order == .monthFirst ? (parts.first, parts.second) : (parts.second, parts.first)
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(parts.year, month) else { return nil }
        return CivilDate.days(year: parts.year, month: month, day: day)
    }

    /// Whether the text is such a date in at least one order.
    static func matches(_ p: UnsafePointer<UInt8>, _ n: Int) -> Parts? {
        guard let parts = parts(p, n), days(parts, .monthFirst) != nil || days(parts, .dayFirst) != nil else {
            return nil
        }
        return parts
    }
}

/// Excel's serial dates: days since 1899-12-30 (45972 is 2025-11-11), with the
/// time of day as the fraction. Excel counts a 29 February 1900 that never was
/// (serial 60), so serials 1–59 are one day later than the count: 1 is 1900-01-01.
enum ExcelSerial {
    /// Serial 25569 is 1970-01-01.
    static let epochOffset = 25569.0
    /// 9999-12-31, the last date Excel shows.
    static let maximum = 2_958_465.0

    static func days(_ serial: Double) -> Int64? {
        guard serial >= 1, serial <= maximum, serial.rounded(.down) != 60 else { return nil }
        return Int64((corrected(serial) - epochOffset).rounded(.down))
    }

    static func seconds(_ serial: Double) -> Int64? {
        guard serial >= 0, serial <= maximum + 1, serial.rounded(.down) != 60 else { return nil }
        return Int64(((corrected(serial) - epochOffset) * 86400).rounded())
    }

    private static func corrected(_ serial: Double) -> Double { serial < 60 ? serial + 1 : serial }

    /// The serial of a day number (for writing .xlsx).
    static func serial(days: Int64) -> Double { Double(days) + epochOffset }

    /// The serial of seconds since the epoch.
    static func serial(seconds: Int64) -> Double { Double(seconds) / 86400 + epochOffset }
}
