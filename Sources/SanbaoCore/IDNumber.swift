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
