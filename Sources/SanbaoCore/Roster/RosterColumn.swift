/// The columns of the township's household roster (花名册) as the national information
/// system exports it: one row per member, the household's fields repeated on each row.
///
/// Header wording varies between versions and provinces, so each column has the header
/// Sanbao writes (`header`, the first alias) and every other wording seen for it. The
/// table is the contract of `sanbao intake` and `sanbao export --table roster`, which
/// writes these headers in this order so that what it writes is read back the same.
public enum RosterColumn: String, CaseIterable, Hashable, Sendable {
    case householdNumber = "household_number"
    case villageCode = "village_code"
    case province, city, county, township, village, group
    case phone
    case householdType = "household_type"
    case mainCause = "main_cause"
    case otherCauses = "other_causes"
    case povertyStatus = "poverty_status"
    case outOfPovertyYear = "out_of_poverty_year"
    case monitoring
    case name
    case sex
    case relation
    case idNumber = "id_number"
    case birthDate = "birth_date"
    case school
    case health
    case disabilityGrade = "disability_grade"
    case labour
    case migrantMonths = "migrant_months"
    case insured
    case seriousIllnessInsurance = "serious_illness_insurance"
    case cadreName = "cadre_name"
    case cadreUnit = "cadre_unit"
    case cadrePhone = "cadre_phone"

    /// Every header wording that names this column; the first is the one Sanbao writes.
    public var aliases: [String] {
        switch self {
        case .householdNumber: ["户编号", "户码", "户号", "家庭编号", "户主编号"]
        case .villageCode: ["行政区划代码", "区划代码", "村代码", "行政区划编码", "村级代码"]
        case .province: ["省", "省份", "所在省", "省（自治区、直辖市）"]
        case .city: ["市", "地市", "市州", "所在市", "市（州）"]
        case .county: ["县", "县区", "区县", "县（市、区）", "县（区）", "县（市）"]
        case .township: ["乡镇", "乡（镇）", "乡镇（街道）", "镇"]
        case .village: ["村", "行政村", "村名", "村（社区）"]
        case .group: ["组", "社", "村民小组", "组别", "村民小组（社）"]
        case .phone: ["联系电话", "电话", "手机号", "手机号码", "户主联系电话"]
        case .householdType: ["户类型", "户属性", "贫困户属性", "户类别"]
        case .mainCause: ["主要致贫原因", "致贫原因"]
        case .otherCauses: ["其他致贫原因", "次要致贫原因", "其它致贫原因"]
        case .povertyStatus: ["贫困户状态", "脱贫状态", "贫困状态", "户状态"]
        case .outOfPovertyYear: ["脱贫年度", "脱贫年份", "脱贫时间"]
        case .monitoring: ["监测对象类别", "监测类别", "监测对象类型"]
        case .name: ["姓名", "成员姓名", "人员姓名"]
        case .sex: ["性别"]
        case .relation: ["与户主关系"]
        case .idNumber: ["身份证号", "证件号码", "身份证号码", "公民身份号码", "证件号"]
        case .birthDate: ["出生日期", "出生年月日"]
        case .school: ["在校生状况", "在校生情况", "在校情况", "在校状况"]
        case .health: ["健康状况"]
        case .disabilityGrade: ["残疾等级"]
        case .labour: ["劳动技能", "劳动能力"]
        case .migrantMonths: ["务工时间（月）", "务工时间", "务工月数", "外出务工时间（月）"]
        case .insured: ["是否参加城乡居民基本医疗保险", "是否参加基本医疗保险", "参加城乡居民基本医疗保险",
                        "城乡居民基本医疗保险", "是否参加医保", "基本医疗保险"]
        case .seriousIllnessInsurance: ["是否参加大病保险", "大病保险", "参加大病保险"]
        case .cadreName: ["帮扶责任人", "帮扶人", "帮扶责任人姓名", "结对帮扶责任人"]
        case .cadreUnit: ["帮扶单位", "帮扶责任人单位", "帮扶人单位"]
        case .cadrePhone: ["帮扶责任人电话", "帮扶责任人联系电话", "帮扶人电话", "帮扶人联系电话"]
        }
    }

    /// The column's place in `allCases`, found without hashing its name: a roster of
    /// 800,000 rows asks for 20 million cells by column.
    public var ordinal: Int {
        switch self {
        case .householdNumber: 0
        case .villageCode: 1
        case .province: 2
        case .city: 3
        case .county: 4
        case .township: 5
        case .village: 6
        case .group: 7
        case .phone: 8
        case .householdType: 9
        case .mainCause: 10
        case .otherCauses: 11
        case .povertyStatus: 12
        case .outOfPovertyYear: 13
        case .monitoring: 14
        case .name: 15
        case .sex: 16
        case .relation: 17
        case .idNumber: 18
        case .birthDate: 19
        case .school: 20
        case .health: 21
        case .disabilityGrade: 22
        case .labour: 23
        case .migrantMonths: 24
        case .insured: 25
        case .seriousIllnessInsurance: 26
        case .cadreName: 27
        case .cadreUnit: 28
        case .cadrePhone: 29
        }
    }

    /// Hashes the case, not the raw string (RawRepresentable's default hashes the string).
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// The header Sanbao writes.
    public var header: String { aliases[0] }

    /// The columns a roster cannot be read without (the village may come as a code, as
    /// names, or from the household number, so no one village column is required).
    public static let required: [RosterColumn] = [.householdNumber, .name, .relation, .idNumber]

    /// Which column a header cell names, if any. Headers are compared without spaces,
    /// line breaks, required-field stars, and with full-width brackets made ASCII.
    public static func named(_ header: String) -> RosterColumn? {
        byHeader[normalized(header)]
    }

    static let byHeader: [String: RosterColumn] = {
        var out: [String: RosterColumn] = [:]
        for c in allCases { for a in c.aliases { out[normalized(a)] = c } }
        return out
    }()

    /// A header as compared: no blanks or stars, brackets ASCII, letters lower-case.
    public static func normalized(_ header: String) -> String {
        // Most text needs nothing done: answered without making a string.
        if !header.unicodeScalars.contains(where: needsWork) { return header }
        var out = String.UnicodeScalarView()
        for u in header.unicodeScalars {
            switch u.value {
            case 0x20, 0x3000, 0x09, 0x0A, 0x0D, 0x2A, 0xFF0A: continue
            case 0xFF08: out.append("(")
            case 0xFF09: out.append(")")
            case 0x41...0x5A: out.append(Unicode.Scalar(u.value + 32)!)
            default: out.append(u)
            }
        }
        return String(out)
    }

    static func needsWork(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x3000, 0x09, 0x0A, 0x0D, 0x2A, 0xFF0A, 0xFF08, 0xFF09, 0x41...0x5A: true
        default: false
        }
    }
}
