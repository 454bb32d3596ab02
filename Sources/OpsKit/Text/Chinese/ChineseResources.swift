import Foundation

/// The bundled Chinese data files (Sources/OpsKit/Text/Chinese/Resources, made
/// by scripts/bench/ask_text_resources.py; licences in Resources/NOTICE.md).
public enum ChineseResources {
    /// The lines of one bundled file; an empty list if it is missing (the
    /// segmenter then falls back to single characters rather than failing).
    static func lines(_ name: String) -> [Substring] {
        guard let data = bundledFile(name, in: Bundle.module), let text = String(data: data, encoding: .utf8) else { return [] }
        // Split on the newline byte: splitting on Characters would find grapheme boundaries through 1.6 MB.
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { Substring($0) }
    }

    /// A file of a bundle's copied `Resources` folder: Foundation reports that
    /// folder itself as the resource URL on Linux and the bundle above it elsewhere.
    public static func bundledFile(_ name: String, in bundle: Bundle) -> Data? {
        let candidates = [bundle.resourceURL?.appendingPathComponent(name), bundle.resourceURL?.appendingPathComponent("Resources/\(name)"),
            bundle.bundleURL.appendingPathComponent("Resources/\(name)")]
        for case let url? in candidates {
            if let data = FileManager.default.contents(atPath: url.path) { return data }
        }
        return nil
    }
}
