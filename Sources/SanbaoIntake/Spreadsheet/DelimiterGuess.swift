/// Which byte separates the fields of a delimited text: comma (CSV), tab (Excel's
/// "Unicode text", many systems' .txt exports) or semicolon (CSV from locales where the
/// comma is the decimal mark).
///
/// The one that occurs most, outside quotes, in the first records that have anything in
/// them; a comma when there is a tie or none at all (a one-column file).
enum DelimiterGuess {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]
    /// How many non-blank records are looked at.
    static let sampleRecords = 20

    static func delimiter(of text: [UInt8]) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var records = 0
        var quoted = false
        var lineHasText = false
        for b in text {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if b == 0x0A || b == 0x0D {
                if lineHasText { records += 1 }
                lineHasText = false
                if records >= sampleRecords { break }
                continue
            }
            lineHasText = true
            if let i = candidates.firstIndex(of: b) { counts[i] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
        return counts[best] > 0 ? candidates[best] : candidates[0]
    }
}
