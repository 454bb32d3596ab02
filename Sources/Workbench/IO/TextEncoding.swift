import ArgumentParser
import OpsKit

/// A character encoding `load` reads (`--encoding`). GBK files are read as
/// GB18030, its superset, so every GBK or GB2312 file decodes the same way.
public enum TextEncoding: String, CaseIterable, Sendable, ExpressibleByArgument {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case gbk
    case big5

    /// Also accepts the usual other spellings: `utf8`, `gb18030`, `gb2312`, `cp936`, `utf-16` (with a BOM) …
    public init?(argument: String) {
        switch argument.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8", "utf-8-bom", "utf-8-sig": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "unicode": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "gbk", "gb18030", "gb2312", "cp936", "936", "gb-18030": self = .gbk
        case "big5", "big-5", "cp950", "950": self = .big5
        default: return nil
        }
    }

    /// The name shown to the user and kept in the dataset's provenance.
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .gbk: return "GB18030/GBK"
        case .big5: return "Big5"
        }
    }

    /// The name glibc's iconv knows it by.
    var iconvName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .gbk: return "GB18030"
        case .big5: return "BIG5"
        }
    }
}

/// How a file's encoding was settled: named by `--encoding`, by a byte-order mark, or by its bytes.
public struct EncodingChoice: Sendable, Equatable {
    public let encoding: TextEncoding
    public let bom: Bool
    public let forced: Bool

    /// "GB18030/GBK (detected)", "UTF-8 with BOM", "Big5 (--encoding)" — for messages and provenance.
    public var description: String {
        let how = forced ? "--encoding" : bom ? "BOM" : L("detected", "自动识别")
        return "\(encoding.displayName) (\(how))"
    }
}
