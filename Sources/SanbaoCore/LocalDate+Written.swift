extension LocalDate {
    /// The forms people write a day in: `2026-12-31`, `2026-2-5`, `2026/12/31`,
    /// `2026.12.31`, `20261231`, `2026年12月31日`, each optionally followed by a time
    /// (`2026-12-31 00:00:00`, `2026-12-31T00:00`), as spreadsheets save dates as text.
    /// Nil for anything else or a day that does not exist.
    public init?(written text: String) {
        var s = Substring(text.trimmingBlanks).unicodeScalars
        if let cut = s.firstIndex(where: { $0 == " " || $0 == "T" }) { s = s[..<cut] }
        var parts: [Int] = []
        var number = 0, digits = 0
        for u in s {
            if u.value >= 48 && u.value <= 57 {
                guard digits < 9 else { return nil }
                number = number * 10 + Int(u.value - 48)
                digits += 1
                continue
            }
            // - / . or 年 月 日
            guard [0x2D, 0x2F, 0x2E, 0x5E74, 0x6708, 0x65E5].contains(u.value), digits > 0 else { return nil }
            parts.append(number)
            number = 0
            digits = 0
        }
        if digits == 8 && parts.isEmpty {
            // 20261231
            self.init(year: number / 10_000, month: number / 100 % 100, day: number % 100)
            return
        }
        if digits > 0 { parts.append(number) }
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
