import SanbaoCore

/// Something in a roster file that keeps it from being taken in, with where it is: the
/// row number the spreadsheet shows (the header being row 1 when it is the first row)
/// and the column as the file names it.
public struct RosterProblem: Hashable, Sendable {
    /// Kinds, for the summary of a long list ("身份证号有误 120 行").
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case noHeader, missingColumn, missingValue
        case badIDNumber, idStoredAsNumber, duplicateIDNumber, birthDateDiffers, sexDiffers
        case badHouseholdNumber, noHead, twoHeads, householdSplit
        case badVillage, unknownWording, tooManyCauses, badDate, badNumber

        public var label: Bilingual {
            switch self {
            case .noHeader: Bilingual(zh: "找不到表头", en: "no header row")
            case .missingColumn: Bilingual(zh: "缺少必需的列", en: "required column missing")
            case .missingValue: Bilingual(zh: "必填项为空", en: "required value empty")
            case .badIDNumber: Bilingual(zh: "身份证号有误", en: "wrong ID number")
            case .idStoredAsNumber: Bilingual(zh: "号码被存成了数字（末几位已丢失）", en: "number stored as a number (last digits lost)")
            case .duplicateIDNumber: Bilingual(zh: "身份证号重复", en: "ID number twice")
            case .birthDateDiffers: Bilingual(zh: "出生日期与身份证号不符", en: "birth date differs from the ID number")
            case .sexDiffers: Bilingual(zh: "性别与身份证号不符", en: "sex differs from the ID number")
            case .badHouseholdNumber: Bilingual(zh: "户编号格式不对", en: "household number of the wrong shape")
            case .noHead: Bilingual(zh: "户内没有户主", en: "household without a head")
            case .twoHeads: Bilingual(zh: "户内有两个户主", en: "household with two heads")
            case .householdSplit: Bilingual(zh: "同一户的行互相矛盾", en: "rows of one household disagree")
            case .badVillage: Bilingual(zh: "村（行政区划）有误", en: "wrong village")
            case .unknownWording: Bilingual(zh: "无法识别的填写", en: "unknown wording")
            case .tooManyCauses: Bilingual(zh: "其他致贫原因多于两个", en: "more than two other poverty causes")
            case .badDate: Bilingual(zh: "日期有误", en: "wrong date")
            case .badNumber: Bilingual(zh: "数字有误", en: "wrong number")
            }
        }
    }

    public var kind: Kind
    /// The spreadsheet row, or nil for a problem of the whole file (a missing column).
    public var row: Int?
    /// The column's header as the file writes it, or nil.
    public var column: String?
    public var message: Bilingual

    public init(_ kind: Kind, row: Int?, column: String?, _ message: Bilingual) {
        self.kind = kind
        self.row = row
        self.column = column
        self.message = message
    }

    /// `FILE:SHEET:ROW: 列 身份证号: …` (a CSV has no sheet), in `language`.
    public func located(file: String, sheet: String?, _ language: Language) -> String {
        var place = file
        if let sheet { place += ":" + sheet }
        if let row { place += ":\(row)" }
        let col = column.map { language == .zh ? "列 \($0): " : "column \($0): " } ?? ""
        return place + ": " + col + message.text(language)
    }

    /// The reason as the first cell of a refused row: the column and the message.
    public func reason(_ language: Language) -> String {
        (column.map { language == .zh ? "列 \($0): " : "column \($0): " } ?? "") + message.text(language)
    }
}
