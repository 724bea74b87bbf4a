import SanbaoCore

/// The check form (检查录入): title, page tabs, and the question on every page.
extension UIText {
    /// "入户检查  张三  文峰村一组", "Check  张三  文峰村一组".
    public static func checkTitle(head: String, place: String) -> Bilingual {
        Bilingual(zh: "入户检查  " + "\(head)  \(place)", en: "Check  " + "\(head)  \(place)")
    }

    /// The tab of a page: the indicator pages are named by the indicator (a domain label).
    public static func pageTitle(_ page: CheckFormScreen.Page) -> Bilingual {
        switch page {
        case .visit: visitPage
        case .wrapUp: wrapUpPage
        default: page.indicator!.label
        }
    }

    public static let visitPage = Bilingual(zh: "走访", en: "Visit")
    public static let wrapUpPage = Bilingual(zh: "措施与保存", en: "Save")
    /// The state the rules give with the answers so far, shown live on each indicator page.
    public static let derived = Bilingual(zh: "当前判定", en: "Derived state")

    /// F10 pressed while the focused field holds text that does not parse.
    public static func invalidInput(_ text: String) -> Bilingual {
        Bilingual(zh: "“\(text)”格式不对", en: "\"\(text)\" is not valid here")
    }

    /// A date field holds text that is not a date: say the form expected.
    public static func invalidDate(_ text: String, example: LocalDate) -> Bilingual {
        let compact = example.description.replacingOccurrences(of: "-", with: "")
        return Bilingual(zh: "“\(text)”不是日期：请写成 \(example)（也可以 \(example.year)/\(example.month)/\(example.day) 或 \(compact)）",
                         en: "\"\(text)\" is not a date: write it as \(example) (or \(example.year)/\(example.month)/\(example.day), \(compact))")
    }

    /// A number field holds text that is not a whole number.
    public static func invalidNumber(_ text: String) -> Bilingual {
        Bilingual(zh: "“\(text)”不是数字：请只写阿拉伯数字，如 45", en: "\"\(text)\" is not a number: digits only, e.g. 45")
    }

    // MARK: Visit page

    public static let visitDate = Bilingual(zh: "走访日期", en: "Visit date")
    public static let visitCadre = Bilingual(zh: "走访干部", en: "Cadre")

    // MARK: On every indicator page

    /// The cadre's own judgement (or `auto`, "from the facts").
    public static let verdict = Bilingual(zh: "判定", en: "State")

    // MARK: Income

    public static let incomeYear = Bilingual(zh: "收入年份", en: "Income year")
    public static let perCapitaIncome = Bilingual(zh: "人均纯收入（元）", en: "Per-capita income (yuan)")

    // MARK: Food and clothing

    public static let enoughFood = Bilingual(zh: "全年口粮充足", en: "Enough staple food all year")
    public static let seasonalClothes = Bilingual(zh: "有换季衣服", en: "Seasonal clothes")
    public static let winterBedding = Bilingual(zh: "有冬季被褥", en: "Winter bedding")

    // MARK: Water

    public static let waterSource = Bilingual(zh: "水源", en: "Source")
    public static let litresPerPersonDay = Bilingual(zh: "每人每天水量（升）", en: "Litres per person per day")
    public static let waterQuality = Bilingual(zh: "水质达标（检测或现场查看）", en: "Quality OK (tested / on site)")
    public static let pipedToYard = Bilingual(zh: "自来水入户到院", en: "Piped to the yard")
    public static let roundTripMinutes = Bilingual(zh: "取水往返（分钟）", en: "Round trip to fetch (min)")
    public static let daysCutPerYear = Bilingual(zh: "每年断水天数", en: "Days cut per year")
    public static let scarceArea = Bilingual(zh: "缺水地区", en: "Water-scarce area")

    // MARK: Education: two questions per member of compulsory-school age

    public static func memberSchool(_ name: String, age: Int) -> Bilingual {
        Bilingual(zh: "\(name)（\(age)岁）就学", en: "\(name) (\(age)) school")
    }

    public static func memberExemption(_ name: String) -> Bilingual {
        Bilingual(zh: "\(name) 豁免", en: "\(name) exemption")
    }

    // MARK: Medical care: per member

    public static func memberInsured(_ name: String) -> Bilingual {
        Bilingual(zh: "\(name) 参加医保", en: "\(name) insured")
    }

    public static func memberChronicCard(_ name: String) -> Bilingual {
        Bilingual(zh: "\(name) 慢病卡", en: "\(name) chronic card")
    }

    // MARK: Housing

    public static let appraisedGrade = Bilingual(zh: "鉴定等级", en: "Appraised grade")
    public static let renovation = Bilingual(zh: "改造情况", en: "Renovation")
    public static let renovationDate = Bilingual(zh: "改造完成日期", en: "Renovation date")
    public static let relocated = Bilingual(zh: "已易地搬迁", en: "Relocated")

    // MARK: Measures and save

    public static let measuresField = Bilingual(zh: "商定措施（用；分隔）", en: "Measures agreed (; between)")
    /// How the measures field shows its list, and the separators it accepts when typed.
    public static let measuresJoiner = "；"
    public static let measuresSeparators: Set<Character> = ["；", ";"]
    public static let followUpDate = Bilingual(zh: "跟进日期", en: "Follow-up date")
    public static let householdConfirmed = Bilingual(zh: "户主已签字确认", en: "Household confirmed (signed)")
    public static let overallNote = Bilingual(zh: "总体备注", en: "Overall note")
}

extension UIWidth {
    /// Where the derived state starts after its label.
    public static let derivedState = LanguageWidth(zh: 10, en: 16)
    /// The question column of the form.
    public static let formLabel = LanguageWidth(zh: 28, en: 32)
}
