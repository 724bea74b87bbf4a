/// What `CheckHistory.chronological` orders checks by — visit date, then when saved, then
/// id — laid out for sorting 800,000 of them: the date as one number, the time saved and
/// the id each as its bytes in three big-endian words (`PackedText`), so comparisons are
/// of integers; comparing the strings was most of ordering a county's checks. The order
/// is exactly that of comparing `(date, recordedAt, id)`: a text that does not pack is
/// compared as a string.
struct ChronologicalKey: Comparable {
    let day: Int
    let recordedAt: PackedText
    let id: PackedText

    init(_ c: Check) {
        day = c.date.year * 10_000 + c.date.month * 100 + c.date.day
        recordedAt = PackedText(c.recordedAt)
        id = PackedText(c.id)
    }

    static func < (a: Self, b: Self) -> Bool {
        if a.day != b.day { return a.day < b.day }
        if a.recordedAt != b.recordedAt { return a.recordedAt < b.recordedAt }
        return a.id < b.id
    }
}

/// A string of up to 24 ASCII bytes without NUL as three big-endian words, zero-padded:
/// for such strings comparing the words is comparing the strings (String order is byte
/// order for ASCII, and a zero pad puts the shorter first). Any other string keeps only
/// itself and is compared as a string, with all others too.
struct PackedText: Comparable {
    let words: (UInt64, UInt64, UInt64)
    let packed: Bool
    let text: String

    init(_ s: String) {
        text = s
        var w = (UInt64(0), UInt64(0), UInt64(0))
        var packed = s.utf8.count <= 24
        if packed {
            for (k, b) in s.utf8.enumerated() {
                guard b != 0, b < 0x80 else { packed = false; break }
                let bits = UInt64(b) << (56 - 8 * UInt64(k % 8))
                switch k / 8 {
                case 0: w.0 |= bits
                case 1: w.1 |= bits
                default: w.2 |= bits
                }
            }
        }
        self.packed = packed
        words = packed ? w : (0, 0, 0)
    }

    static func < (a: Self, b: Self) -> Bool {
        a.packed && b.packed ? a.words < b.words : a.text < b.text
    }

    static func == (a: Self, b: Self) -> Bool {
        a.packed && b.packed ? a.words == b.words : a.text == b.text
    }
}
