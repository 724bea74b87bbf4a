import SanbaoCore

/// The roster (户列表): column titles, the filter line, the search prompt.
extension UIText {
    // Column titles.
    public static let number = Bilingual(zh: "户号", en: "No.")
    public static let head = Bilingual(zh: "户主", en: "Head")
    public static let place = Bilingual(zh: "村组", en: "Village/group")
    public static let people = Bilingual(zh: "人", en: "Ppl")
    public static let days = Bilingual(zh: "未访", en: "Days")
    public static let followUp = Bilingual(zh: "跟进", en: "Follow-up")

    /// An indicator's column: its first character in Chinese (收 吃 饮 教 医 住), two letters in English.
    public static func indicatorColumn(_ i: Indicator) -> Bilingual {
        let en = switch i {
        case .income: "In"
        case .foodClothing: "Fd"
        case .water: "Wa"
        case .education: "Ed"
        case .medical: "Me"
        case .housing: "Ho"
        }
        return Bilingual(zh: String(i.label.zh.prefix(1)), en: en)
    }

    /// A household's place in the roster, written as everywhere else: "文峰村一组", "文峰村 一组".
    public static func rosterPlace(village: String, group: String) -> Bilingual {
        Bilingual(zh: village + group, en: village + " " + group)
    }

    /// After the days since a visit that is overdue, and after a follow-up date that has passed.
    public static let lateMark = "!"

    // The line above the columns.
    public static let search = Bilingual(zh: "搜索", en: "Search")
    public static let noMatches = Bilingual(zh: "没有符合条件的户", en: "no household matches")
    public static let all = Bilingual(zh: "全部", en: "all")
    public static let anyFailing = Bilingual(zh: "任一未达标", en: "any failing")
    public static let overdue = Bilingual(zh: "逾期", en: "overdue")
    public static let monitoring = Bilingual(zh: "监测", en: "Monitor")
    public static let filters = Bilingual(zh: "筛选", en: "filter")
    public static let sortedBy = Bilingual(zh: "排序", en: "sort")
    public static let cadre = Bilingual(zh: "干部", en: "Cadre")
}

/// Chinese numerals, to order group names (二组 after 一组, 十组 after 九组).
enum ChineseNumerals {
    static let values: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
}

/// Surnames whose family-name reading is not the character's most common one, to sort
/// heads of household by pinyin (单 shan, not dan; 曾 zeng, not ceng).
enum SurnameReadings {
    static let values: [Character: String] = [
        "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao",
        "翟": "zhai", "缪": "miao", "盖": "ge", "尉": "yu", "乐": "yue", "长": "chang", "重": "chong",
    ]
}
