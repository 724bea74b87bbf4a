// The closed vocabularies of a household record (domain.md, "What a household record
// holds"). Raw values are the snake_case words written in the JSON files; labels are
// what people read.

/// A type whose values have a name in both languages.
public protocol Labelled {
    var label: Bilingual { get }
}

public enum HouseholdType: String, CaseIterable, Codable, Sendable, Labelled {
    case ordinaryPoor = "ordinary_poor"
    case minimumLiving = "minimum_living"
    case extremePoverty = "extreme_poverty"
    case minimumLivingPoor = "minimum_living_poor"

    public var label: Bilingual {
        switch self {
        case .ordinaryPoor: Bilingual(zh: "一般贫困户", en: "ordinary poor")
        case .minimumLiving: Bilingual(zh: "低保户", en: "minimum-living allowance")
        case .extremePoverty: Bilingual(zh: "特困供养户", en: "extreme-poverty support")
        case .minimumLivingPoor: Bilingual(zh: "低保贫困户", en: "allowance-poor")
        }
    }
}

public enum PovertyCause: String, CaseIterable, Codable, Sendable, Labelled {
    case illness, disability, schooling, disaster
    case lackOfLand = "lack_of_land"
    case lackOfWater = "lack_of_water"
    case lackOfSkills = "lack_of_skills"
    case lackOfLabour = "lack_of_labour"
    case lackOfFunds = "lack_of_funds"
    case poorTransport = "poor_transport"
    case lackOfDrive = "lack_of_drive"
    case other

    public var label: Bilingual {
        switch self {
        case .illness: Bilingual(zh: "因病", en: "illness")
        case .disability: Bilingual(zh: "因残", en: "disability")
        case .schooling: Bilingual(zh: "因学", en: "schooling")
        case .disaster: Bilingual(zh: "因灾", en: "disaster")
        case .lackOfLand: Bilingual(zh: "缺土地", en: "lack of land")
        case .lackOfWater: Bilingual(zh: "缺水", en: "lack of water")
        case .lackOfSkills: Bilingual(zh: "缺技术", en: "lack of skills")
        case .lackOfLabour: Bilingual(zh: "缺劳力", en: "lack of labour")
        case .lackOfFunds: Bilingual(zh: "缺资金", en: "lack of funds")
        case .poorTransport: Bilingual(zh: "交通条件落后", en: "poor transport")
        case .lackOfDrive: Bilingual(zh: "自身发展动力不足", en: "lack of drive")
        case .other: Bilingual(zh: "其它", en: "other")
        }
    }
}

/// The post-2021 monitoring categories (防返贫监测对象).
public enum MonitoringCategory: String, CaseIterable, Codable, Sendable, Labelled {
    case unstableOut = "unstable_out"
    case marginal
    case suddenHardship = "sudden_hardship"

    public var label: Bilingual {
        switch self {
        case .unstableOut: Bilingual(zh: "脱贫不稳定户", en: "unstable out-of-poverty")
        case .marginal: Bilingual(zh: "边缘易致贫户", en: "marginal, at risk")
        case .suddenHardship: Bilingual(zh: "突发严重困难户", en: "sudden severe hardship")
        }
    }
}

public enum RiskType: String, CaseIterable, Codable, Sendable, Labelled {
    case illness, schooling, disability, disaster, accident
    case failedFarming = "failed_farming"
    case unstableWork = "unstable_work"
    case lackOfLabour = "lack_of_labour"
    case other

    public var label: Bilingual {
        switch self {
        case .illness: Bilingual(zh: "因病", en: "illness")
        case .schooling: Bilingual(zh: "因学", en: "schooling")
        case .disability: Bilingual(zh: "因残", en: "disability")
        case .disaster: Bilingual(zh: "自然灾害", en: "natural disaster")
        case .accident: Bilingual(zh: "意外事故", en: "accident")
        case .failedFarming: Bilingual(zh: "产业失败", en: "failed farm project")
        case .unstableWork: Bilingual(zh: "务工不稳", en: "unstable work")
        case .lackOfLabour: Bilingual(zh: "缺劳力", en: "lack of labour")
        case .other: Bilingual(zh: "其它", en: "other")
        }
    }
}

public enum Sex: String, CaseIterable, Codable, Sendable, Labelled {
    case male, female

    public var label: Bilingual {
        self == .male ? Bilingual(zh: "男", en: "male") : Bilingual(zh: "女", en: "female")
    }
}

public enum Relation: String, CaseIterable, Codable, Sendable, Labelled {
    case head, spouse, son, daughter
    case sonInLaw = "son_in_law"
    case daughterInLaw = "daughter_in_law"
    case grandchild, parent, grandparent, sibling, other

    public var label: Bilingual {
        switch self {
        case .head: Bilingual(zh: "户主", en: "head")
        case .spouse: Bilingual(zh: "配偶", en: "spouse")
        case .son: Bilingual(zh: "子", en: "son")
        case .daughter: Bilingual(zh: "女", en: "daughter")
        case .sonInLaw: Bilingual(zh: "女婿", en: "son-in-law")
        case .daughterInLaw: Bilingual(zh: "儿媳", en: "daughter-in-law")
        case .grandchild: Bilingual(zh: "孙子女", en: "grandchild")
        case .parent: Bilingual(zh: "父母", en: "parent")
        case .grandparent: Bilingual(zh: "祖父母", en: "grandparent")
        case .sibling: Bilingual(zh: "兄弟姐妹", en: "sibling")
        case .other: Bilingual(zh: "其他", en: "other")
        }
    }
}

public enum SchoolStatus: String, CaseIterable, Codable, Sendable, Labelled {
    case preschool, primary
    case juniorMiddle = "junior_middle"
    case seniorMiddle = "senior_middle"
    case vocational, college
    case notInSchool = "not_in_school"
    case droppedOut = "dropped_out"
    /// Finished junior middle school (初中毕业) and left school: compulsory education had,
    /// though the child may still be of compulsory-school age (15).
    case completedCompulsory = "completed_compulsory"

    /// Whether a child with this status is receiving schooling.
    public var isEnrolled: Bool { self != .notInSchool && self != .droppedOut && self != .completedCompulsory }

    public var label: Bilingual {
        switch self {
        case .preschool: Bilingual(zh: "学前", en: "preschool")
        case .primary: Bilingual(zh: "小学", en: "primary")
        case .juniorMiddle: Bilingual(zh: "初中", en: "junior middle")
        case .seniorMiddle: Bilingual(zh: "高中", en: "senior middle")
        case .vocational: Bilingual(zh: "中职", en: "vocational")
        case .college: Bilingual(zh: "大学", en: "college")
        case .notInSchool: Bilingual(zh: "未上学", en: "not in school")
        case .droppedOut: Bilingual(zh: "已辍学", en: "dropped out")
        case .completedCompulsory: Bilingual(zh: "初中毕业", en: "finished junior middle")
        }
    }
}

/// Why a child of compulsory-school age out of school still counts as covered.
public enum EducationExemption: String, CaseIterable, Codable, Sendable, Labelled {
    /// Taught at home by visiting teachers (送教上门). Counted as covered (unconfirmed
    /// in policy texts, so it is a recorded exemption rather than a school status).
    case homeTeaching = "home_teaching"
    /// Health makes study impossible.
    case unableToStudy = "unable_to_study"

    public var label: Bilingual {
        switch self {
        case .homeTeaching: Bilingual(zh: "送教上门", en: "taught at home")
        case .unableToStudy: Bilingual(zh: "身体原因无法就学", en: "unable to study (health)")
        }
    }
}

public enum HealthKind: String, CaseIterable, Codable, Sendable, Labelled {
    case healthy
    case chronic
    case serious
    case disabled

    public var label: Bilingual {
        switch self {
        case .healthy: Bilingual(zh: "健康", en: "healthy")
        case .chronic: Bilingual(zh: "慢性病", en: "chronic illness")
        case .serious: Bilingual(zh: "大病", en: "serious illness")
        case .disabled: Bilingual(zh: "残疾", en: "disability")
        }
    }
}

public enum LabourAbility: String, CaseIterable, Codable, Sendable, Labelled {
    case ordinary, skilled, lost, none

    public var label: Bilingual {
        switch self {
        case .ordinary: Bilingual(zh: "普通劳动力", en: "ordinary")
        case .skilled: Bilingual(zh: "技能劳动力", en: "skilled")
        case .lost: Bilingual(zh: "丧失劳动力", en: "lost")
        case .none: Bilingual(zh: "无劳动力", en: "none")
        }
    }
}

public enum HousingGrade: String, CaseIterable, Codable, Sendable, Labelled {
    case a = "A", b = "B", c = "C", d = "D"

    /// A and B are safe as they stand; C and D are dangerous until rebuilt or reinforced.
    public var isSafe: Bool { self == .a || self == .b }

    public var label: Bilingual {
        switch self {
        case .a: Bilingual(zh: "A级（安全）", en: "A (safe)")
        case .b: Bilingual(zh: "B级（基本安全）", en: "B (basically safe)")
        case .c: Bilingual(zh: "C级（局部危房）", en: "C (partly dangerous)")
        case .d: Bilingual(zh: "D级（整幢危房）", en: "D (wholly dangerous)")
        }
    }
}

public enum HouseStructure: String, CaseIterable, Codable, Sendable, Labelled {
    case brickConcrete = "brick_concrete"
    case brickWood = "brick_wood"
    case adobe
    case cave

    public var label: Bilingual {
        switch self {
        case .brickConcrete: Bilingual(zh: "砖混", en: "brick-concrete")
        case .brickWood: Bilingual(zh: "砖木", en: "brick-wood")
        case .adobe: Bilingual(zh: "土坯", en: "adobe")
        case .cave: Bilingual(zh: "窑洞", en: "cave dwelling")
        }
    }
}

public enum Renovation: String, CaseIterable, Codable, Sendable, Labelled {
    case none
    case inProgress = "in_progress"
    case rebuilt
    case reinforced

    public var label: Bilingual {
        switch self {
        case .none: Bilingual(zh: "未改造", en: "not renovated")
        case .inProgress: Bilingual(zh: "改造中", en: "renovation in progress")
        case .rebuilt: Bilingual(zh: "已重建", en: "rebuilt")
        case .reinforced: Bilingual(zh: "已加固", en: "reinforced")
        }
    }
}

public enum WaterSource: String, CaseIterable, Codable, Sendable, Labelled {
    case piped
    case protectedWell = "protected_well"
    case rainCellar = "rain_cellar"
    case unprotected
    case river

    public var label: Bilingual {
        switch self {
        case .piped: Bilingual(zh: "自来水", en: "piped")
        case .protectedWell: Bilingual(zh: "受保护井泉", en: "protected well or spring")
        case .rainCellar: Bilingual(zh: "水窖", en: "rain cellar")
        case .unprotected: Bilingual(zh: "未保护水源", en: "unprotected source")
        case .river: Bilingual(zh: "河水", en: "river")
        }
    }
}

/// The six breakthroughs of the 1236 plan; every assistance measure is filed under one.
public enum Breakthrough: String, CaseIterable, Codable, Sendable, Labelled {
    case infrastructure, industry, relocation, finance
    case publicServices = "public_services"
    case skills

    public var label: Bilingual {
        switch self {
        case .infrastructure: Bilingual(zh: "基础设施", en: "infrastructure")
        case .industry: Bilingual(zh: "富民产业", en: "industry")
        case .relocation: Bilingual(zh: "易地扶贫搬迁", en: "relocation")
        case .finance: Bilingual(zh: "金融支撑", en: "finance")
        case .publicServices: Bilingual(zh: "公共服务", en: "public services")
        case .skills: Bilingual(zh: "能力素质", en: "skills and ability")
        }
    }
}

public enum MeasureProgress: String, CaseIterable, Codable, Sendable, Labelled {
    case planned
    case inProgress = "in_progress"
    case done

    public var label: Bilingual {
        switch self {
        case .planned: Bilingual(zh: "计划", en: "planned")
        case .inProgress: Bilingual(zh: "实施中", en: "in progress")
        case .done: Bilingual(zh: "已完成", en: "done")
        }
    }
}

public enum UnitLevel: String, CaseIterable, Codable, Sendable, Labelled {
    case province, city, county, township, village

    public var label: Bilingual {
        switch self {
        case .province: Bilingual(zh: "省级", en: "province")
        case .city: Bilingual(zh: "市级", en: "city")
        case .county: Bilingual(zh: "县级", en: "county")
        case .township: Bilingual(zh: "乡级", en: "township")
        case .village: Bilingual(zh: "村级", en: "village")
        }
    }
}
