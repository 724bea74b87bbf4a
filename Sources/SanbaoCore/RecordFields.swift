/// The fields a person may set by name on the command line (`sanbao member set`,
/// `sanbao household set`), each with its Chinese and English names and the wordings its
/// value accepts (the roster's vocabulary, `Wordings`). One table, so the commands, their
/// refusals and docs/cli.md say the same thing.
public struct RecordField: Sendable {
    /// The record's key (`school`, `housing.grade`): what the edit changes.
    public let key: String
    /// What a person may type for the key: the key itself and its Chinese names.
    public let names: [String]
    /// A typed value as the record's JSON value, or nil when it is no accepted wording.
    public let parse: @Sendable (String) -> JSONValue?
    /// Examples of accepted values, for the refusal message.
    public let accepted: [String]

    init(_ key: String, _ names: [String], accepted: [String], _ parse: @escaping @Sendable (String) -> JSONValue?) {
        self.key = key
        self.names = [key] + names
        self.accepted = accepted
        self.parse = parse
    }

    static func word<V: RawRepresentable>(_ key: String, _ names: [String], _ wording: Wording<V>) -> RecordField
    where V.RawValue == String {
        RecordField(key, names, accepted: Array(wording.accepted.prefix(8))) { wording.value($0).map { .string($0.rawValue) } }
    }

    static func flag(_ key: String, _ names: [String]) -> RecordField {
        RecordField(key, names, accepted: ["是", "否", "yes", "no"]) { Wordings.yesNo.value($0).map { .bool($0) } }
    }

    static func number(_ key: String, _ names: [String], _ range: ClosedRange<Int>) -> RecordField {
        RecordField(key, names, accepted: ["\(range.lowerBound)…\(range.upperBound)"]) { text in
            Int(text).flatMap { range.contains($0) ? .number(Double($0)) : nil }
        }
    }

    static func text(_ key: String, _ names: [String]) -> RecordField {
        RecordField(key, names, accepted: ["…"]) { $0.isEmpty ? nil : .string($0) }
    }
}

public enum RecordFields {
    /// What `sanbao member set` may change.
    public static let member: [RecordField] = [
        .text("name", ["姓名"]),
        .text("id_number", ["身份证号", "证件号码"]),
        .word("relation", ["与户主关系", "关系"], Wordings.relation),
        RecordField("school", ["在校情况", "在校生状况", "就学"], accepted: Array(Wordings.school.accepted.prefix(8))) {
            Wordings.school.value($0).map { .string($0.status.rawValue) }
        },
        .word("health", ["健康状况", "健康"], Wordings.health),
        .number("disability_grade", ["残疾等级"], 1...4),
        .flag("insured", ["参加医保", "医保", "参保"]),
        .flag("chronic_card", ["慢性病卡"]),
        .flag("family_doctor", ["签约医生", "家庭医生"]),
        .flag("serious_illness_insurance", ["大病保险"]),
        .flag("medical_assistance", ["医疗救助"]),
        .flag("subsidy_received", ["雨露计划"]),
        .word("labour", ["劳动技能", "劳动能力"], Wordings.labour),
        .number("migrant_months", ["务工月数", "务工时间"], 0...12),
    ]

    /// What `sanbao household set` may change.
    public static let household: [RecordField] = [
        .text("phone", ["电话", "联系电话"]),
        .text("number", ["户编号", "户码"]),
        .word("type", ["户类型", "类型"], Wordings.householdType),
        .word("causes.main", ["主要致贫原因", "致贫原因"], Wordings.cause),
        RecordField("causes.others", ["其他致贫原因", "次要致贫原因"], accepted: ["缺技术、缺资金", "因学", "无", "none"]) { RecordFields.otherCauses($0) },
        .word("housing.grade", ["住房等级", "危房等级"], Wording<HousingGrade>(extending: [])),
        .word("housing.renovation", ["改造情况", "危房改造"], Wording<Renovation>(extending: [])),
        .word("housing.structure", ["房屋结构", "结构"], Wording<HouseStructure>(extending: [])),
        .word("water.source", ["水源", "饮水来源"], Wording<WaterSource>(extending: [])),
        .flag("water.quality_ok", ["水质达标"]),
        .flag("food_clothing.enough_food", ["吃饭不愁", "口粮"]),
    ]

    /// Up to two poverty causes besides the main one, as a list (`缺技术、缺资金`, `lack_of_skills,lack_of_funds`),
    /// each a wording of `Wordings.cause`, a repeat counted once; `无` or `none` for none.
    /// A list written as `otherCauses` reads it: the words joined by `、`, `无` for none
    /// (the app's form chooses a list one item at a time and hands it over so).
    public static func listed(_ words: [String]) -> String {
        words.isEmpty ? "无" : words.joined(separator: "、")
    }

    static func otherCauses(_ text: String) -> JSONValue? {
        if ["无", "none", "没有"].contains(String(text.trimmingBlanks)) { return .array([]) }
        var causes: [PovertyCause] = []
        for part in text.split(whereSeparator: { "、,，;；/".contains($0) }) {
            guard let cause = Wordings.cause.value(String(part)) else { return nil }
            if !causes.contains(cause) { causes.append(cause) }
        }
        guard (1...2).contains(causes.count) else { return nil }
        return .array(causes.map { .string($0.rawValue) })
    }

    /// The field `name` names, in `fields`.
    public static func find(_ name: String, in fields: [RecordField]) -> RecordField? {
        fields.first { $0.names.contains(name) }
    }

    /// `school, health, …` for the message that refuses an unknown name.
    public static func known(_ fields: [RecordField]) -> String {
        fields.map { "\($0.key)（\($0.names.dropFirst().first ?? $0.key)）" }.joined(separator: ", ")
    }

    /// The edits that set `changes` on a household whose current facts are `current` (its
    /// JSON form): `housing.grade` changes one key of the housing record, so the edit is of
    /// the whole `housing` as it stands with that key changed. In the order first named.
    /// The command line and the app's household form make their edits with it.
    public static func edits(_ changes: [(key: String, value: JSONValue)], current: JSONValue) -> [(field: String, value: JSONValue)] {
        var values: [String: JSONValue] = [:]
        var order: [String] = []
        for change in changes {
            let parts: [String] = change.key.split(separator: ".", maxSplits: 1).map(String.init)
            let top = parts[0]
            if !order.contains(top) { order.append(top) }
            if parts.count == 1 {
                values[top] = change.value
                continue
            }
            guard case .object(var o) = values[top] ?? current[top] ?? .object([:]) else { continue }
            o[parts[1]] = change.value
            values[top] = .object(o)
        }
        var out: [(field: String, value: JSONValue)] = []
        for top in order { if let v = values[top] { out.append((top, v)) } }
        return out
    }

    /// The village's next free household number: its code and one more than the highest
    /// four-digit sequence among `taken`.
    public static func nextNumber(village: String, taken: [String]) -> String {
        var highest = 0
        for number in taken where number.hasPrefix(village) {
            if let n = Int(number.dropFirst(village.count)), n > highest { highest = n }
        }
        let digits = String(highest + 1)
        return village + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static let joinReason = Wording<JoinReason>(extending: [
        (.born, ["新生", "新生儿", "出生"]), (.marriedIn, ["婚入", "娶入"]), (.movedIn, ["迁入"]),
    ])

    public static let leaveReason = Wording<LeaveReason>(extending: [
        (.died, ["死亡", "去世"]), (.movedAway, ["迁出", "moved"]), (.marriedOut, ["嫁出", "出嫁", "婚出"]),
        (.army, ["参军"]), (.prison, ["服刑"]),
    ])
}
