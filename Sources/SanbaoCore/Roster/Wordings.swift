/// The wordings of every vocabulary a roster or a person writes (docs/intake.md lists
/// them). The first wording of each value is the national system's, which a roster
/// export writes.
public enum Wordings {
    public static let relation = Wording<Relation>(extending: [
        (.head, ["户主", "本人"]),
        (.spouse, ["配偶", "妻子", "丈夫", "妻", "夫"]),
        (.son, ["之子", "子", "儿子", "长子", "次子", "三子", "养子", "继子"]),
        (.daughter, ["之女", "女", "女儿", "长女", "次女", "三女", "养女", "继女"]),
        (.sonInLaw, ["之女婿", "女婿"]),
        (.daughterInLaw, ["之儿媳", "儿媳", "之媳"]),
        (.grandchild, ["之孙子", "之孙女", "孙子", "孙女", "之外孙子", "之外孙女", "外孙子", "外孙女", "孙子女", "之孙"]),
        (.parent, ["之父", "之母", "父亲", "母亲", "父母", "之岳父", "之岳母", "之公公", "之婆婆"]),
        (.grandparent, ["之祖父", "之祖母", "祖父", "祖母", "之外祖父", "之外祖母", "祖父母"]),
        (.sibling, ["兄弟姐妹", "之兄", "之弟", "之姐", "之妹", "兄", "弟", "姐", "妹"]),
        (.other, ["其他", "其它"]),
    ])

    public static let sex = Wording<Sex>(extending: [
        (.male, ["男", "m"]),
        (.female, ["女", "f"]),
    ])

    /// A school status with the exemption some wordings carry (送教上门 is out of school,
    /// taught at home).
    public struct School: Hashable, Sendable {
        public var status: SchoolStatus
        public var exemption: EducationExemption?
        public init(_ status: SchoolStatus, _ exemption: EducationExemption? = nil) {
            self.status = status
            self.exemption = exemption
        }
    }

    public static let school = Wording<School>([
        (School(.preschool), ["学前教育", "学前", "幼儿园"]),
        (School(.primary), ["小学", "一年级", "二年级", "三年级", "四年级", "五年级", "六年级"]),
        (School(.juniorMiddle), ["初中", "七年级", "八年级", "九年级", "初一", "初二", "初三"]),
        (School(.seniorMiddle), ["普通高中", "高中", "高一", "高二", "高三"]),
        (School(.vocational), ["中职", "中专", "技校", "职高", "中等职业教育"]),
        (School(.college), ["高职", "大专", "本科及以上", "本科", "大学", "研究生", "高职高专"]),
        (School(.notInSchool), ["非在校生", "未上学", "不在校", "休学"]),
        (School(.droppedOut), ["辍学", "已辍学"]),
        (School(.completedCompulsory), ["初中毕业", "已初中毕业", "义务教育已完成", "完成义务教育"]),
        (School(.notInSchool, .homeTeaching), ["送教上门"]),
    ] + SchoolStatus.allCases.map { (School($0), [$0.label.zh, $0.rawValue, $0.label.en]) })

    public static let health = Wording<HealthKind>(extending: [
        (.healthy, ["健康"]),
        (.chronic, ["长期慢性病", "慢性病"]),
        (.serious, ["患有大病", "大病", "重病"]),
        (.disabled, ["残疾"]),
    ])

    public static let labour = Wording<LabourAbility>(extending: [
        (.ordinary, ["普通劳动力", "弱劳动力或半劳动力", "弱劳动力", "半劳动力"]),
        (.skilled, ["技能劳动力"]),
        (.lost, ["丧失劳动力"]),
        (.none, ["无劳动力"]),
    ])

    public static let householdType = Wording<HouseholdType>(extending: [
        (.ordinaryPoor, ["一般贫困户", "一般户", "脱贫户"]),
        (.minimumLivingPoor, ["低保贫困户"]),
        (.minimumLiving, ["低保户"]),
        (.extremePoverty, ["特困供养贫困户", "特困供养户", "五保户", "五保贫困户", "特困户", "分散供养特困人员"]),
    ])

    public static let cause = Wording<PovertyCause>(extending: [
        (.illness, ["因病"]),
        (.disability, ["因残"]),
        (.schooling, ["因学"]),
        (.disaster, ["因灾"]),
        (.lackOfLand, ["缺土地"]),
        (.lackOfWater, ["缺水"]),
        (.lackOfSkills, ["缺技术"]),
        (.lackOfLabour, ["缺劳力", "缺劳动力"]),
        (.lackOfFunds, ["缺资金"]),
        (.poorTransport, ["交通条件落后", "交通落后"]),
        (.lackOfDrive, ["自身发展动力不足", "发展动力不足"]),
        (.other, ["其他", "其它"]),
    ])

    public static let monitoring = Wording<MonitoringCategory>(extending: [
        (.unstableOut, ["脱贫不稳定户"]),
        (.marginal, ["边缘易致贫户"]),
        (.suddenHardship, ["突发严重困难户"]),
    ])

    /// 贫困户状态: still poor, or out of poverty (the year comes from 脱贫年度).
    public static let outOfPoverty = Wording<Bool>([
        (false, ["未脱贫", "贫困户", "贫困"]),
        (true, ["已脱贫", "脱贫户", "脱贫", "稳定脱贫", "脱贫不享受政策", "脱贫享受政策"]),
    ])

    public static let yesNo = Wording<Bool>([
        (true, ["是", "有", "已参加", "参加", "已参保", "y", "yes", "true", "1"]),
        (false, ["否", "无", "未参加", "未参保", "n", "no", "false", "0"]),
    ])

    /// Wordings that mean "none" in an optional column (监测对象类别 无).
    public static func meansNone(_ text: String) -> Bool {
        ["无", "否", "非监测对象", "-", "/", "none"].contains(Wording<Bool>.normalized(text))
    }
}
