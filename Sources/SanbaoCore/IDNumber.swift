/// Resident identity numbers (GB 11643-1999).
///
/// 18 characters: a 6-digit county code, the birth date `YYYYMMDD`, a 3-digit sequence
/// (odd for men, even for women) and a check character computed from the first 17
/// digits. Old 15-digit numbers (`YYMMDD`, no check character) still appear in old
/// records; they are accepted with a warning.
public struct IDNumber: Hashable, Sendable {
    public enum Problem: Error, Hashable, Sendable {
        case wrongLength(Int)
        case notDigits
        case badCheckCharacter(expected: Character, found: Character)
        case badBirthDate(String)
        case futureBirthDate(LocalDate)

        public var message: Bilingual {
            switch self {
            case .wrongLength(let n):
                Bilingual(zh: "身份证号应为 18 位，实为 \(n) 位", en: "ID number must have 18 characters, has \(n)")
            case .notDigits:
                Bilingual(zh: "身份证号前 17 位必须是数字", en: "ID number must be 17 digits and a check character")
            case .badCheckCharacter(let e, let f):
                Bilingual(zh: "身份证号校验位应为 \(e)，实为 \(f)", en: "ID number check character should be \(e), is \(f)")
            case .badBirthDate(let s):
                Bilingual(zh: "身份证号中的出生日期 \(s) 不存在", en: "ID number holds birth date \(s), which does not exist")
            case .futureBirthDate(let d):
                Bilingual(zh: "身份证号中的出生日期 \(d) 在未来", en: "ID number holds birth date \(d), in the future")
            }
        }
    }

    /// The number in canonical form: upper-case X.
    public let value: String
    public let birthDate: LocalDate
    public let sex: Sex
    /// A 15-digit number from before 1999.
    public let isLegacy: Bool

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// The check character for 17 digits.
    public static func checkCharacter(for first17: some StringProtocol) -> Character? {
        let digits = first17.compactMap { $0.wholeNumberValue }
        guard digits.count == 17, first17.count == 17 else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// Parses and checks `text`; `today` bounds the birth date.
    public static func parse(_ text: String, today: LocalDate) -> Result<IDNumber, Problem> {
        if let fast = parse18(text, today: today) { return fast }
        return parseCharacters(text, today: today)
    }

    /// The usual case, an 18-character ASCII number, on bytes: `validate` parses
    /// 600,000 of them for 200,000 households, and splitting each into `Character`s
    /// was most of its time. Nil for anything else (the general path decides).
    static func parse18(_ text: String, today: LocalDate) -> Result<IDNumber, Problem>? {
        var u = text.utf8
        guard u.count == 18 else { return nil }
        var d = [Int](repeating: 0, count: 17)
        var k = 0
        var last: UInt8 = 0
        var lower = false
        for b in u {
            if k < 17 {
                guard b >= 48, b <= 57 else { return nil }
                d[k] = Int(b - 48)
            } else {
                last = b
            }
            k += 1
        }
        if last == UInt8(ascii: "x") { lower = true; last = UInt8(ascii: "X") }
        guard last == UInt8(ascii: "X") || (last >= 48 && last <= 57) else { return nil }
        var sum = 0
        for i in 0..<17 { sum += d[i] * weights[i] }
        let expected = checkCharacters[sum % 11]
        let found = Character(Unicode.Scalar(last))
        guard expected == found else { return .failure(.badCheckCharacter(expected: expected, found: found)) }
        let year = d[6] * 1000 + d[7] * 100 + d[8] * 10 + d[9]
        guard let birth = LocalDate(year: year, month: d[10] * 10 + d[11], day: d[12] * 10 + d[13]) else {
            u = text.utf8
            return .failure(.badBirthDate(String(decoding: Array(u)[6..<14], as: UTF8.self)))
        }
        guard birth <= today else { return .failure(.futureBirthDate(birth)) }
        return .success(IDNumber(value: lower ? text.uppercased() : text, birthDate: birth,
                                 sex: d[16] % 2 == 1 ? .male : .female, isLegacy: false))
    }

    static func parseCharacters(_ text: String, today: LocalDate) -> Result<IDNumber, Problem> {
        let s = text.uppercased()
        let chars = Array(s)
        if chars.count == 15 {
            guard chars.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notDigits) }
            let raw = "19" + String(chars[6..<12])
            guard let birth = LocalDate(compact: raw) else { return .failure(.badBirthDate(raw)) }
            guard birth <= today else { return .failure(.futureBirthDate(birth)) }
            let seq = chars[14].wholeNumberValue!
            return .success(IDNumber(value: s, birthDate: birth, sex: seq % 2 == 1 ? .male : .female, isLegacy: true))
        }
        guard chars.count == 18 else { return .failure(.wrongLength(chars.count)) }
        guard chars[0..<17].allSatisfy({ $0.isASCII && $0.isNumber }),
              chars[17] == "X" || (chars[17].isASCII && chars[17].isNumber) else { return .failure(.notDigits) }
        let expected = checkCharacter(for: String(chars[0..<17]))!
        guard expected == chars[17] else { return .failure(.badCheckCharacter(expected: expected, found: chars[17])) }
        let raw = String(chars[6..<14])
        guard let birth = LocalDate(compact: raw) else { return .failure(.badBirthDate(raw)) }
        guard birth <= today else { return .failure(.futureBirthDate(birth)) }
        let seq = chars[16].wholeNumberValue!
        return .success(IDNumber(value: s, birthDate: birth, sex: seq % 2 == 1 ? .male : .female, isLegacy: false))
    }

    /// The number with its middle hidden: 621121********0013. Short or odd input is
    /// hidden entirely except its last four characters.
    public static func masked(_ text: String) -> String {
        let chars = Array(text)
        guard chars.count > 10 else { return String(repeating: "*", count: max(0, chars.count - 4)) + String(chars.suffix(4)) }
        return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
    }
}
