/// Proleptic Gregorian calendar arithmetic on day numbers (days since
/// 1970-01-01), without time zones, and the date formats opsbench reads.
public enum CivilDate {
    /// Day number of a calendar date (Howard Hinnant's `days_from_civil`).
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Calendar date of a day number (`civil_from_days`).
    public static func components(fromDays z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    /// Day of the week, 0 = Monday ... 6 = Sunday.
    public static func weekday(fromDays days: Int64) -> Int {
        Int(((days % 7) + 7 + 3) % 7)
    }

    /// `yyyy-MM-dd`.
    public static func string(fromDays days: Int64) -> String {
        let c = components(fromDays: days)
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
    }

    /// `yyyy-MM-dd HH:mm:ss`.
    public static func string(fromSeconds seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = Int(seconds - days * 86400)
        return string(fromDays: days) + " " + pad(rest / 3600, 2) + ":" + pad(rest / 60 % 60, 2) + ":"
            + pad(rest % 60, 2)
    }

    /// Parses `yyyy-MM-dd`, `yyyy/MM/dd`, `yyyy.MM.dd`, `yyyyMMdd` or `yyyy年M月d日`
    /// (one-digit month and day allowed with separators). Returns `nil` otherwise.
    public static func parseDate(_ text: Substring) -> Int64? {
        var scanner = DigitScanner(text.utf8)
        guard let year = scanner.number(maxDigits: 4), scanner.consumed == 4 else { return nil }
        if scanner.atEnd { return nil }
        let month: Int, day: Int
        if let sep = scanner.separator() {
            guard let m = scanner.number(maxDigits: 2), scanner.expect(sep),
                let d = scanner.number(maxDigits: 2)
            else { return nil }
            if sep == .cjkYear { guard scanner.expectDaySuffix() else { return nil } }
            month = m
            day = d
        } else {
            guard let md = scanner.number(maxDigits: 4), scanner.consumed == 8 else { return nil }
            month = md / 100
            day = md % 100
        }
        guard scanner.atEnd, (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else {
            return nil
        }
        return days(year: year, month: month, day: day)
    }

    /// Parses a date followed by `T` or a space and `HH:mm[:ss]`, returning seconds since epoch.
    public static func parseDateTime(_ text: Substring) -> Int64? {
        guard let split = text.firstIndex(where: { $0 == "T" || $0 == " " }) else { return nil }
        guard let days = parseDate(text[..<split]) else { return nil }
        var time = text[text.index(after: split)...]
        if time.hasSuffix("Z") { time = time.dropLast() }
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        var s = 0.0
        if parts.count == 3 {
            guard let value = Double(parts[2]), value >= 0, value < 61 else { return nil }
            s = value
        }
        return days * 86400 + Int64(h * 3600 + m * 60) + Int64(s)
    }

    public static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// A tiny forward scanner over UTF-8 bytes for date parsing.
private struct DigitScanner {
    enum Separator: Equatable { case byte(UInt8), cjkYear }
    private let bytes: [UInt8]
    private var position = 0
    var consumed: Int { position }
    var atEnd: Bool { position == bytes.count }

    init(_ utf8: Substring.UTF8View) { bytes = Array(utf8) }

    mutating func number(maxDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while position < bytes.count, digits < maxDigits, bytes[position] >= 48, bytes[position] <= 57 {
            value = value * 10 + Int(bytes[position] - 48)
            position += 1
            digits += 1
        }
        return digits == 0 ? nil : value
    }

    private static let nian: [UInt8] = Array("年".utf8), yue: [UInt8] = Array("月".utf8), ri: [UInt8] = Array("日".utf8)

    private mutating func match(_ pattern: [UInt8]) -> Bool {
        guard position + pattern.count <= bytes.count, Array(bytes[position..<position + pattern.count]) == pattern
        else { return false }
        position += pattern.count
        return true
    }

    mutating func separator() -> Separator? {
        guard position < bytes.count else { return nil }
        let b = bytes[position]
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".") {
            position += 1
            return .byte(b)
        }
        return match(Self.nian) ? .cjkYear : nil
    }

    mutating func expect(_ separator: Separator) -> Bool {
        switch separator {
        case .byte(let b):
            guard position < bytes.count, bytes[position] == b else { return false }
            position += 1
            return true
        case .cjkYear: return match(Self.yue)
        }
    }

    mutating func expectDaySuffix() -> Bool { match(Self.ri) }
}
