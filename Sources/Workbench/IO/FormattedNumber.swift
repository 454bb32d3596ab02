import Foundation

/// Numbers as spreadsheets and Chinese back-office systems print them:
/// thousands separators (`2,703.29`), currency signs and words (`¥` `￥` `$`
/// `€` `元` `RMB` `CNY`), percentages (`12.5%` → 0.125), accounting negatives
/// (`(1,234)`), full-width digits and marks (`１２３．５`), and with a decimal
/// comma (`1.234,5`) when asked. Tried only after the plain parsers fail, so
/// ordinary numbers pay nothing for it.
enum FormattedNumber {
    /// A parsed value: `integer` when it has no fraction and no percent sign.
    struct Value {
        var double: Double
        var integer: Int64?
        var percent: Bool
    }

    private static let currencyPrefixes: [[UInt8]] = ["¥", "￥", "$", "€", "RMB", "CNY", "US$", "HK$"].map { Array($0.utf8) }
    private static let currencySuffixes: [[UInt8]] = ["元", "RMB", "CNY", "块"].map { Array($0.utf8) }

    /// The value of a formatted number, or `nil` when the text is not one.
    static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, decimalComma: Bool) -> Value? {
        guard n > 0, n < 64 else { return nil }
        // Normalise into ASCII: full-width forms to ASCII, then strip the decorations.
        var ascii = [UInt8]()
        ascii.reserveCapacity(n)
        var i = 0
        var fullWidth = false
        while i < n {
            let b = p[i]
            if b == 0xEF, i + 2 < n, p[i + 1] == 0xBC, (0x80...0x9F).contains(p[i + 2]) {
                ascii.append(p[i + 2] - 0x80 + 0x20)  // U+FF00…FF1F → ASCII 0x20…0x3F (digits, ，．％（）－＋)
                fullWidth = true
                i += 3
            } else if b == 0xEF, i + 2 < n, p[i + 1] == 0xBF, p[i + 2] == 0xA5 {
                ascii.append(contentsOf: "¥".utf8)  // ￥ is a currency sign like ¥
                i += 3
            } else {
                ascii.append(b)
                i += 1
            }
        }
        return ascii.withUnsafeBufferPointer { parseASCII($0, decimalComma: decimalComma, fullWidth: fullWidth) }
    }

    private static func parseASCII(_ text: UnsafeBufferPointer<UInt8>, decimalComma: Bool, fullWidth: Bool) -> Value? {
        var s = text.startIndex, e = text.endIndex
        func trim() {
            while s < e, text[s] == 0x20 { s += 1 }
            while e > s, text[e - 1] == 0x20 { e -= 1 }
        }
        func strip(prefix: [UInt8]) -> Bool {
            guard e - s >= prefix.count, Array(text[s..<s + prefix.count]) == prefix else { return false }
            s += prefix.count
            return true
        }
        func strip(suffix: [UInt8]) -> Bool {
            guard e - s >= suffix.count, Array(text[e - suffix.count..<e]) == suffix else { return false }
            e -= suffix.count
            return true
        }
        trim()
        var negative = false
        var decorated = fullWidth
        if e - s >= 2, text[s] == UInt8(ascii: "("), text[e - 1] == UInt8(ascii: ")") {
            negative = true
            decorated = true
            s += 1
            e -= 1
            trim()
        }
        if s < e, text[s] == UInt8(ascii: "-") || text[s] == UInt8(ascii: "+") {
            if negative { return nil }
            negative = text[s] == UInt8(ascii: "-")
            s += 1
        }
        for prefix in currencyPrefixes where strip(prefix: prefix) {
            decorated = true
            trim()
            break
        }
        if !negative, s < e, text[s] == UInt8(ascii: "-") {  // ¥-12 as well as -¥12
            negative = true
            s += 1
        }
        var percent = false
        if strip(suffix: [UInt8(ascii: "%")]) {
            percent = true
            decorated = true
            trim()
        }
        for suffix in currencySuffixes where strip(suffix: suffix) {
            decorated = true
            trim()
            break
        }
        // Digits with optional grouping: groups of three after a first group of one to three.
        let group: UInt8 = decimalComma ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let point: UInt8 = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var digits = [UInt8]()
        var grouped = false
        var sinceGroup = 0
        var k = s
        while k < e, text[k] != point {
            let c = text[k]
            if c &- 48 < 10 {
                digits.append(c)
                sinceGroup += 1
            } else if c == group || decimalComma && c == 0x20 {
                guard !digits.isEmpty, grouped ? sinceGroup == 3 : sinceGroup <= 3 else { return nil }
                grouped = true
                sinceGroup = 0
            } else {
                return nil
            }
            k += 1
        }
        if grouped, sinceGroup != 3 { return nil }
        guard !digits.isEmpty else { return nil }
        var fraction = [UInt8]()
        if k < e {
            k += 1
            while k < e {
                guard text[k] &- 48 < 10 else { return nil }
                fraction.append(text[k])
                k += 1
            }
            guard !fraction.isEmpty else { return nil }
        }
        // Plain text with a decimal comma is a formatted number too; otherwise ask for some decoration.
        guard decorated || grouped || decimalComma && !fraction.isEmpty else { return nil }
        var plain = digits
        if !fraction.isEmpty { plain += [UInt8(ascii: ".")] + fraction }
        let magnitude = plain.withUnsafeBufferPointer { FieldParser.double($0.baseAddress!, $0.count, leadingZeros: true) }
        guard var value = magnitude else { return nil }
        if negative { value = -value }
        var integer: Int64?
        if fraction.isEmpty, !percent {
            integer = digits.withUnsafeBufferPointer { FieldParser.integer($0.baseAddress!, $0.count, leadingZeros: true) }
            if negative, let v = integer { integer = -v }
            if integer == nil { return nil }  // beyond 64 bits: not a number we can keep exactly
        }
        if percent { value /= 100 }
        return Value(double: value, integer: integer, percent: percent)
    }
}
