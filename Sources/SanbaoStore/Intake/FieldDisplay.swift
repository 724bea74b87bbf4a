import Foundation
import SanbaoCore

/// A household field and its value as a person reads them: `联系电话`, `马军 在校生状况`,
/// `是`, `初中`, `何志刚 → 赵德胜` — not JSON paths and file words.
enum FieldDisplay {
    /// The field's name: the roster's own header where there is one.
    static func label(_ field: String, memberName: String?) -> Bilingual {
        if let (_, key) = HouseholdEdit.memberField(field) {
            let name = memberName ?? ""
            guard let key else { return Bilingual(zh: "成员 \(name)", en: "member \(name)") }
            let zh = key == "education_exemption" ? "就学豁免" : memberColumns[key]?.header ?? key
            return Bilingual(zh: "\(name) \(zh)", en: "\(name) \(key)")
        }
        switch field {
        case "phone": return Bilingual(zh: RosterColumn.phone.header, en: "phone")
        case "type": return Bilingual(zh: RosterColumn.householdType.header, en: "household type")
        case "causes": return Bilingual(zh: "致贫原因", en: "poverty causes")
        case "status": return Bilingual(zh: RosterColumn.povertyStatus.header, en: "status")
        case "address": return Bilingual(zh: "地址", en: "address")
        case "pairings": return Bilingual(zh: RosterColumn.cadreName.header, en: "cadre")
        default: return Bilingual(zh: field, en: field)
        }
    }

    static let memberColumns: [String: RosterColumn] = [
        "name": .name, "sex": .sex, "relation": .relation, "id_number": .idNumber, "birth_date": .birthDate,
        "school": .school, "education_exemption": .school, "health": .health, "disability_grade": .disabilityGrade,
        "labour": .labour, "migrant_months": .migrantMonths, "insured": .insured,
        "serious_illness_insurance": .seriousIllnessInsurance,
    ]

    /// The value in words; ID numbers masked.
    static func value(_ field: String, _ v: JSONValue, cadres: [String: String]) -> Bilingual {
        let key = HouseholdEdit.memberField(field).map { $0.1 ?? "" } ?? field
        switch (key, v) {
        case (_, .null): return Bilingual(zh: "（空）", en: "(none)")
        case (_, .bool(let b)): return Bilingual(zh: Wordings.yesNo.word(b), en: b ? "yes" : "no")
        case ("id_number", .string(let s)): return same(IDNumber.masked(s))
        case ("education_exemption", .string(let s)): return word(EducationExemption(rawValue: s).map { $0.label.zh }, s)
        case ("school", .string(let s)): return word(SchoolStatus(rawValue: s).map { Wordings.school.word(Wordings.School($0)) }, s)
        case ("health", .string(let s)): return word(HealthKind(rawValue: s).map(Wordings.health.word), s)
        case ("labour", .string(let s)): return word(LabourAbility(rawValue: s).map(Wordings.labour.word), s)
        case ("relation", .string(let s)): return word(Relation(rawValue: s).map(Wordings.relation.word), s)
        case ("sex", .string(let s)): return word(Sex(rawValue: s).map(Wordings.sex.word), s)
        case ("type", .string(let s)): return word(HouseholdType(rawValue: s).map(Wordings.householdType.word), s)
        case ("causes", _):
            guard let c = decode(PovertyCauses.self, v) else { break }
            return Bilingual(zh: ([c.main.label.zh + "（主）"] + c.others.map(\.label.zh)).joined(separator: "、"),
                             en: ([c.main.label.en + " (main)"] + c.others.map(\.label.en)).joined(separator: ", "))
        case ("status", _):
            if let s = decode(PovertyStatus.self, v) { return s.label }
        case ("address", _):
            if let a = decode(Address.self, v) { return same(a.village + a.group) }
        case ("pairings", _):
            guard let p = decode([Pairing].self, v)?.last else { break }
            let name = cadres[p.cadreID] ?? p.cadreID
            return Bilingual(zh: "\(name)（\(p.start) 起）", en: "\(name) (from \(p.start))")
        default: break
        }
        return same(v.display)
    }

    static func same(_ s: String) -> Bilingual { Bilingual(zh: s, en: s) }

    static func word(_ zh: String?, _ raw: String) -> Bilingual { Bilingual(zh: zh ?? raw, en: raw.replacingOccurrences(of: "_", with: " ")) }

    static func decode<T: Decodable>(_ type: T.Type, _ v: JSONValue) -> T? {
        guard let data = try? JSONCoding.encoder().encode(v) else { return nil }
        return try? JSONCoding.decoder().decode(type, from: data)
    }
}
