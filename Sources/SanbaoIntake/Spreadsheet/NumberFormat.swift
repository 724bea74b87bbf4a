/// Whether a number format shows dates or times, so that a cell holding `45292` under
/// it is the serial day 1 January 2024 rather than a count.
///
/// The rule is openpyxl's (so the two readers agree on the same file): only the first
/// section of the code counts; quoted text, `[Red]`-style and `[$-804]`-style brackets and
/// the character after `\`, `_` or `*` are not format letters; elapsed-time brackets
/// (`[h]`, `[mm]`, `[ss]`) are. Built-in formats: Excel's date and time ids, and the ids
/// the Chinese and other East Asian locales use for their dates.
enum NumberFormat {
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    static func isDate(code: String) -> Bool {
        let firstSection = Array(code.utf8.prefix { $0 != UInt8(ascii: ";") })
        var k = 0
        while k < firstSection.count {
            let b = firstSection[k]
            switch b {
            case UInt8(ascii: "\""):
                k = (firstSection[(k + 1)...].firstIndex(of: b) ?? firstSection.count) + 1
            case UInt8(ascii: "["):
                let close = firstSection[(k + 1)...].firstIndex(of: UInt8(ascii: "]")) ?? firstSection.count
                if isElapsedTime(firstSection[(k + 1)..<close]) { return true }
                k = close + 1
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                k += 2
            default:
                if isDateLetter(b) { return true }
                k += 1
            }
        }
        return false
    }

    /// `h`, `hh`, `m`, `mm`, `s`, `ss` in brackets.
    private static func isElapsedTime(_ inside: ArraySlice<UInt8>) -> Bool {
        guard let first = inside.first, inside.count <= 2, inside.allSatisfy({ $0 | 0x20 == first | 0x20 }) else { return false }
        return [UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")].contains(first | 0x20)
    }

    private static func isDateLetter(_ b: UInt8) -> Bool {
        [UInt8(ascii: "d"), UInt8(ascii: "m"), UInt8(ascii: "y"), UInt8(ascii: "h"), UInt8(ascii: "s")].contains(b | 0x20)
    }
}
