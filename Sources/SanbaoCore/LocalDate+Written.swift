extension LocalDate {
    /// The forms people write a day in: `2026-12-31`, `2026-2-5`, `2026/12/31`,
    /// `2026.12.31`, `20261231`, `2026年12月31日`, each optionally followed by a time
    /// (`2026-12-31 00:00:00`, `2026-12-31T00:00`), as spreadsheets save dates as text.
    /// Nil for anything else or a day that does not exist.
    public init?(written text: String) {
        var s = Substring(text.trimmingBlanks)
        if let cut = s.firstIndex(where: { $0 == " " || $0 == "T" }) { s = s[..<cut] }
        if s.count == 8, s.allSatisfy(\.isASCIIDigit) {
            self.init(compact: s)
            return
        }
        var parts: [Int] = []
        var digits = ""
        for ch in s {
            if ch.isASCIIDigit {
                digits.append(ch)
                continue
            }
            guard ["-", "/", ".", "年", "月", "日"].contains(ch), !digits.isEmpty, let n = Int(digits) else { return nil }
            parts.append(n)
            digits = ""
        }
        if !digits.isEmpty, let n = Int(digits) { parts.append(n) }
        guard parts.count == 3, parts[0] >= 1000 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The date of a spreadsheet serial day number (1900 system, as Excel counts, with
    /// its phantom 1900-02-29; or the 1904 system of old Mac workbooks).
    public init?(spreadsheetSerial serial: Int, date1904: Bool = false) {
        guard serial > 0 else { return nil }
        if date1904 {
            self.init(dayNumber: serial - 24_107)
        } else {
            // Serial 60 is Excel's 1900-02-29, which never was; serials after it are one ahead.
            guard serial != 60 else { return nil }
            self.init(dayNumber: serial - (serial < 60 ? 25_568 : 25_569))
        }
    }
}

extension Character {
    /// 0-9 only (not full-width or other scripts' digits).
    public var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

extension StringProtocol {
    /// Without leading and trailing blanks: spaces (ASCII and full-width), tabs, line breaks.
    public var trimmingBlanks: Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !blank($0) }) else { return Substring("") }
        let last = lastIndex(where: { !blank($0) })!
        return Substring(self[first...last])
    }
}
