import SanbaoCore

/// The two long numbers of a roster: the household number and the ID number. Excel turns
/// either, typed as a number, into 6.21121E+17 and keeps 15 significant digits: the last
/// ones are gone for good, so such a cell is refused with the way to fix it.
extension CellReader {
    static let asNumberAdvice = Bilingual(
        zh: "Excel 只保留 15 位有效数字，末几位已丢失，无法恢复；请先把该列设置为“文本”格式，再重新填入或粘贴号码",
        en: "Excel keeps 15 significant digits, so the last ones are lost for good; format the column as Text, then type or paste the numbers again")

    /// Digits from a cell, or nil with a problem when the cell held them as a number
    /// that lost digits (E notation, or more than 15 significant digits).
    mutating func longNumber(_ column: RosterColumn, _ cell: SheetCell) -> String? {
        let t = Self.asciiDigits(Self.unguarded(cell.text.hasBlankEnds ? String(cell.text.trimmingBlanks) : cell.text))
        var exponent = false, point = false, digits = 0
        for b in t.utf8 {
            switch b {
            case 0x45, 0x65: exponent = true
            case 0x2E: point = true
            case 0x30...0x39: digits += 1
            default: break
            }
        }
        if exponent || (cell.kind == .number && (point || digits > 15)) {
            add(.idStoredAsNumber, column, Bilingual(zh: "“\(cell.text)”被存成了数字。", en: "\"\(cell.text)\" was stored as a number. ")
                .joined(Self.asNumberAdvice))
            return nil
        }
        return t
    }

    /// The household number: digits, 6 to 20 of them (the national system's are 16).
    mutating func householdNumber() -> String? {
        guard let cell = header.cell(.householdNumber, in: row) else {
            missing(.householdNumber)
            return nil
        }
        guard let t = longNumber(.householdNumber, cell) else { return nil }
        guard (6...20).contains(t.utf8.count), t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            add(.badHouseholdNumber, .householdNumber, Bilingual(
                zh: "户编号应为 6 到 20 位数字（国家系统为 16 位），实为“\(cell.text)”",
                en: "household number should be 6 to 20 digits (16 in the national system), found \"\(cell.text)\""))
            return nil
        }
        return t
    }

    /// The 12-digit village code, if the file has the column.
    mutating func villageCode() -> String? {
        guard let cell = header.cell(.villageCode, in: row) else { return nil }
        let t = Self.asciiDigits(String(cell.text.trimmingBlanks)).filter { !$0.isWhitespace }
        if let p = DivisionCode.problem(t) {
            add(.badVillage, .villageCode, p)
            return nil
        }
        return t
    }

    /// The ID number in canonical form and the birth date it holds; a problem for a
    /// wrong one. An empty cell is allowed (a newborn not yet registered).
    mutating func idNumber(sex: Sex?) -> (String?, LocalDate?) {
        guard let cell = header.cell(.idNumber, in: row), let t = longNumber(.idNumber, cell) else { return (nil, nil) }
        switch IDNumber.parse(t, today: today) {
        case .failure(let p):
            add(.badIDNumber, .idNumber, Bilingual(zh: "“\(t)”：\(p.message.zh)", en: "\"\(t)\": \(p.message.en)"))
            return (nil, nil)
        case .success(let id):
            if let sex, sex != id.sex {
                add(.sexDiffers, .sex, Bilingual(zh: "性别“\(sex.label.zh)”与身份证号（\(id.sex.label.zh)）不符",
                                                  en: "sex \(sex.label.en) differs from the ID number (\(id.sex.label.en))"))
            }
            return (id.value, id.birthDate)
        }
    }

    /// Birth date against the ID number; a member needs one or the other.
    mutating func crossCheck(_ line: inout RosterLine) {
        if let b = line.birthDate, let fromID = line.idBirthDate, b != fromID {
            add(.birthDateDiffers, .birthDate, Bilingual(zh: "出生日期 \(b) 与身份证号中的 \(fromID) 不符",
                                                        en: "birth date \(b) differs from \(fromID) in the ID number"))
        }
        let idCell = header.cell(.idNumber, in: row)
        if line.birthDate == nil, line.idBirthDate == nil, idCell == nil, header.cell(.birthDate, in: row) == nil {
            add(.missingValue, .idNumber, Bilingual(zh: "身份证号和出生日期都为空，至少要有一个",
                                                    en: "neither an ID number nor a birth date; one is needed"))
        }
    }

    /// Full-width digits and X made ASCII (a Chinese input method types them).
    static func asciiDigits(_ s: String) -> String {
        // Nearly always ASCII already, with an upper-case X if any.
        if s.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x78 }) { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            switch u.value {
            case 0xFF10...0xFF19: Unicode.Scalar(u.value - 0xFF10 + 0x30)!
            case 0xFF38, 0xFF58, 0x78: "X"
            default: u
            }
        }))
    }
}

extension Bilingual {
    func joined(_ other: Bilingual) -> Bilingual { Bilingual(zh: zh + other.zh, en: en + other.en) }
}
