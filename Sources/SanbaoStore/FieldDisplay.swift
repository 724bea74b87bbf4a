import Foundation
import SanbaoCore

/// A household field and its value as a person reads them: `联系电话`, `马军 在校情况`,
/// `是`, `初中`, `何志刚 → 赵德胜` — not JSON paths and file words. One helper for the
/// intake preview, `sanbao history`, `sanbao conflicts` and the app's record forms, so
/// they say a change alike. In the store, not Core: a whole housing or member record is
/// read back from its JSON form with Foundation's decoder, which Core does without.
public enum FieldDisplay {
    /// The field's name, a member's field after the member's name (`马军 在校情况`).
    public static func label(_ field: String, memberName: String?) -> Bilingual {
        guard let (_, key) = HouseholdEdit.memberField(field) else { return name(field) }
        let who = memberName ?? ""
        guard let key else { return Bilingual(zh: "成员 \(who)", en: "member \(who)") }
        let k = memberKey(key)
        return Bilingual(zh: "\(who) \(k.zh)", en: "\(who) \(k.en)")
    }

    /// The field's name alone (`与户主关系` for `members[3].relation`), for where the
    /// member is already named.
    public static func name(_ field: String) -> Bilingual {
        if let (_, key) = HouseholdEdit.memberField(field) { return key.map(memberKey) ?? Bilingual(zh: "成员", en: "member") }
        return householdKeys[field] ?? same(field.replacingOccurrences(of: "_", with: " "))
    }

    /// A member's key in the words of the app's member form (UIText+Records).
    public static func memberKey(_ key: String) -> Bilingual {
        memberKeys[key] ?? same(key.replacingOccurrences(of: "_", with: " "))
    }

    static let memberKeys: [String: Bilingual] = [
        "name": b("姓名", "name"), "sex": b("性别", "sex"), "relation": b("与户主关系", "relation to head"),
        "id_number": b("身份证号", "ID number"), "birth_date": b("出生日期", "birth date"),
        "school": b("在校情况", "school"), "education_exemption": b("就学豁免", "school exemption"),
        "health": b("健康状况", "health"), "disability_grade": b("残疾等级", "disability grade"),
        "labour": b("劳动技能", "labour"), "migrant_months": b("务工月数", "months of migrant work"),
        "insured": b("参加医保", "insured"), "chronic_card": b("慢性病卡", "chronic-illness card"),
        "family_doctor": b("签约家庭医生", "contracted family doctor"),
        "serious_illness_insurance": b("大病保险", "serious-illness insurance"),
        "medical_assistance": b("医疗救助", "medical assistance"), "subsidy_received": b("雨露计划补助", "雨露计划 subsidy"),
        "joined": b("增加", "joined"), "left": b("减少", "left"),
    ]

    /// Household fields: the roster's own header where there is one, as the intake preview
    /// has always said them.
    static let householdKeys: [String: Bilingual] = [
        "phone": b(RosterColumn.phone.header, "phone"), "number": b("户编号", "household number"),
        "type": b(RosterColumn.householdType.header, "household type"), "causes": b("致贫原因", "poverty causes"),
        "status": b(RosterColumn.povertyStatus.header, "status"), "address": b("地址", "address"),
        "pairings": b(RosterColumn.cadreName.header, "cadre"), "housing": b("住房", "housing"),
        "water": b("饮水", "water"), "food_clothing": b("吃穿", "food and clothing"), "income": b("收入", "income"),
        "measures": b("帮扶措施", "measures"),
        // The parts `sanbao household set` names (RecordFields.household), said as it was told.
        "causes.main": b("主要致贫原因", "main poverty cause"), "causes.others": b("其他致贫原因", "other poverty causes"),
        "housing.grade": b("住房等级", "housing grade"), "housing.renovation": b("改造情况", "renovation"),
        "housing.structure": b("房屋结构", "house structure"), "water.source": b("水源", "water source"),
        "water.quality_ok": b("水质达标", "water quality"), "food_clothing.enough_food": b("吃饭不愁", "enough food"),
    ]

    /// The value in words: vocabulary labels, 是/否, ID numbers masked, a whole record
    /// summed up in a few words.
    public static func value(_ field: String, _ v: JSONValue, cadres: [String: String]) -> Bilingual {
        let member = HouseholdEdit.memberField(field)
        let key = member.map { $0.1 ?? "" } ?? field
        switch (key, v) {
        case (_, .null): return Bilingual(zh: "（空）", en: "(none)")
        case (_, .bool(let b)): return yesNo(b)
        case ("id_number", .string(let s)): return same(IDNumber.masked(s))
        case (_, .string(let s)): return vocabulary(key, s) ?? same(s)
        case ("", _) where member != nil: return decode(Member.self, v).map(memberWords) ?? same(v.display)
        default: return record(key, v, cadres: cadres) ?? same(v.display)
        }
    }

    static func vocabulary(_ key: String, _ raw: String) -> Bilingual? {
        switch key {
        case "education_exemption": EducationExemption(rawValue: raw)?.label
        case "school": SchoolStatus(rawValue: raw)?.label
        case "health": HealthKind(rawValue: raw)?.label
        case "labour": LabourAbility(rawValue: raw)?.label
        case "relation": Relation(rawValue: raw)?.label
        case "sex": Sex(rawValue: raw)?.label
        case "type": HouseholdType(rawValue: raw)?.label
        default: nil
        }
    }

    /// A field whose value is a record of its own (causes, housing, a member's leaving …).
    static func record(_ key: String, _ v: JSONValue, cadres: [String: String]) -> Bilingual? {
        switch key {
        case "causes": decode(PovertyCauses.self, v).map { c in
            Bilingual(zh: ([c.main.label.zh + "（主）"] + c.others.map(\.label.zh)).joined(separator: "、"),
                      en: ([c.main.label.en + " (main)"] + c.others.map(\.label.en)).joined(separator: ", ")) }
        case "status": decode(PovertyStatus.self, v)?.label
        case "address": decode(Address.self, v).map { same($0.village + $0.group) }
        case "pairings": decode([Pairing].self, v)?.last.map { p in
            let name = cadres[p.cadreID] ?? p.cadreID
            return Bilingual(zh: "\(name)（\(p.start) 起）", en: "\(name) (from \(p.start))") }
        case "joined": decode(MemberChange<JoinReason>.self, v).map(change)
        case "left": decode(MemberChange<LeaveReason>.self, v).map(change)
        case "housing": decode(Housing.self, v).map(housingWords)
        case "water": decode(WaterSupply.self, v).map(waterWords)
        case "food_clothing": decode(FoodClothing.self, v).map(foodWords)
        case "income": decode([IncomeRecord].self, v)?.max { $0.year < $1.year }.map {
            Bilingual(zh: "\($0.year) 年人均 \($0.perCapita) 元", en: "\($0.year): \($0.perCapita) yuan a person") }
        default: nil
        }
    }

    static func change<R: Labelled & Sendable & Codable & Hashable>(_ c: MemberChange<R>) -> Bilingual {
        Bilingual(zh: "\(c.reason.label.zh)（\(c.date)）", en: "\(c.reason.label.en) (\(c.date))")
    }

    /// A member added: `张小宝（之子，2026-10-01 生）`.
    static func memberWords(_ m: Member) -> Bilingual {
        Bilingual(zh: "\(m.name)（\(m.relation.label.zh)，\(m.birthDate) 生）", en: "\(m.name) (\(m.relation.label.en), born \(m.birthDate))")
    }

    static func housingWords(_ h: Housing) -> Bilingual {
        // 未改造 says nothing of a safe house; a renovation done or under way does.
        joined([h.grade?.label, h.structure?.label, h.renovation == Renovation.none ? nil : h.renovation.label, h.relocated ? b("易地搬迁", "relocated") : nil])
    }

    static func waterWords(_ w: WaterSupply) -> Bilingual {
        joined([w.source.label, w.qualityOK.map { $0 ? b("水质达标", "water quality met") : b("水质不达标", "water quality not met") }])
    }

    static func foodWords(_ f: FoodClothing) -> Bilingual {
        joined([flag("吃饭不愁", "enough food", f.enoughFood), flag("四季衣服", "seasonal clothes", f.seasonalClothes),
                flag("冬季被褥", "winter bedding", f.winterBedding)])
    }

    static func flag(_ zh: String, _ en: String, _ on: Bool) -> Bilingual {
        Bilingual(zh: "\(zh) \(yesNo(on).zh)", en: "\(en) \(yesNo(on).en)")
    }

    static func joined(_ parts: [Bilingual?]) -> Bilingual {
        let p = parts.compactMap { $0 }
        return Bilingual(zh: p.map(\.zh).joined(separator: "，"), en: p.map(\.en).joined(separator: ", "))
    }

    static func yesNo(_ on: Bool) -> Bilingual { Bilingual(zh: Wordings.yesNo.word(on), en: on ? "yes" : "no") }

    static func b(_ zh: String, _ en: String) -> Bilingual { Bilingual(zh: zh, en: en) }

    static func same(_ s: String) -> Bilingual { Bilingual(zh: s, en: s) }

    static func decode<T: Decodable>(_ type: T.Type, _ v: JSONValue) -> T? {
        guard let data = try? JSONCoding.encoder().encode(v) else { return nil }
        return try? JSONCoding.decoder().decode(type, from: data)
    }
}
