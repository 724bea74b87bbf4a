/// The six indicators of Gansu's 2018 exit standard. Each is a veto: a household meets
/// the standard only when every one is met or not applicable. Education, medical care
/// and housing are the "three guarantees" (三保障); food and clothing are the "two no
/// worries" (两不愁); safe water was checked beside them.
public enum Indicator: String, CaseIterable, Codable, Sendable, Comparable {
    case income
    case foodClothing = "food_clothing"
    case water
    case education
    case medical
    case housing

    public var label: Bilingual {
        switch self {
        case .income: Bilingual(zh: "收入", en: "Income")
        case .foodClothing: Bilingual(zh: "吃穿", en: "Food & clothing")
        case .water: Bilingual(zh: "饮水", en: "Water")
        case .education: Bilingual(zh: "教育", en: "Education")
        case .medical: Bilingual(zh: "医疗", en: "Medical")
        case .housing: Bilingual(zh: "住房", en: "Housing")
        }
    }

    /// Whether this indicator is one of the three guarantees.
    public var isGuarantee: Bool { self == .education || self == .medical || self == .housing }

    /// The position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .income: 0
        case .foodClothing: 1
        case .water: 2
        case .education: 3
        case .medical: 4
        case .housing: 5
        }
    }

    public static func < (a: Indicator, b: Indicator) -> Bool { a.ordinal < b.ordinal }

    /// Hashes the case, not its raw string. A raw-valued enum otherwise takes the standard
    /// library's `RawRepresentable` hashing, which hashes the string: findings and
    /// assessments are looked up by indicator millions of times in a county's export.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

/// Where one indicator of one household stands.
public enum IndicatorState: String, CaseIterable, Codable, Sendable {
    case met
    case notMet = "not_met"
    case followUp = "follow_up"
    case notApplicable = "not_applicable"
    case unchecked

    /// Whether this state lets the household meet the standard.
    public var passes: Bool { self == .met || self == .notApplicable }

    /// The position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .met: 0
        case .notMet: 1
        case .followUp: 2
        case .notApplicable: 3
        case .unchecked: 4
        }
    }

    /// Hashes the case, not its raw string (see `Indicator.hash(into:)`).
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    public var label: Bilingual {
        switch self {
        case .met: Bilingual(zh: "达标", en: "met")
        case .notMet: Bilingual(zh: "未达标", en: "not met")
        case .followUp: Bilingual(zh: "需跟进", en: "follow-up")
        case .notApplicable: Bilingual(zh: "不适用", en: "n/a")
        case .unchecked: Bilingual(zh: "未检查", en: "unchecked")
        }
    }

    /// One ASCII letter per state, so state survives a monochrome terminal and plain text.
    public var letter: Character {
        switch self {
        case .met: "+"
        case .notMet: "X"
        case .followUp: "!"
        case .notApplicable: "-"
        case .unchecked: "?"
        }
    }
}

extension Indicator: Labelled {}
extension IndicatorState: Labelled {}
