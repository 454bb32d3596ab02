/// Toneless pinyin readings of Chinese characters (pypinyin's table, MIT; a
/// character's first two readings), to tell homophones apart from other
/// characters: 运费 and the pinyin-input slip 运废 both read `yun fei`.
public struct Pinyin: Sendable {
    /// The bundled table, loaded once on first use.
    public static let shared = Pinyin(lines: ChineseResources.lines("zh_pinyin.txt"))

    private var readings: [UInt32: [UInt16]] = [:]
    public private(set) var syllables: [String] = []

    /// A table from `syllable characters…` lines.
    init(lines: [Substring]) {
        readings.reserveCapacity(lines.count * 20)
        for line in lines {
            guard let space = line.firstIndex(of: " ") else { continue }
            let id = UInt16(syllables.count)
            syllables.append(String(line[..<space]))
            for scalar in line[line.index(after: space)...].unicodeScalars { readings[scalar.value, default: []].append(id) }
        }
    }

    /// The syllables a character can be read as (empty when unknown).
    public func readings(of scalar: Unicode.Scalar) -> [String] { (readings[scalar.value] ?? []).map { syllables[Int($0)] } }

    /// Whether two characters share a reading.
    public func soundAlike(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        guard let x = readings[a.value], let y = readings[b.value] else { return false }
        return x.contains { y.contains($0) }
    }
}
