import SanbaoCore

/// The questions of each page of the check form.
extension CheckForm {
    static let stateChoices: [IndicatorState] = [.met, .notMet, .followUp, .notApplicable]

    static func fields(_ page: Page, household h: Household, draft: CheckDraft, config: RulesConfig, cadres: [Cadre]) -> [FormField] {
        switch page {
        case .visit: return visit(cadres)
        case .income: return income() + verdict(.income)
        case .foodClothing: return food() + verdict(.foodClothing)
        case .water: return water() + verdict(.water)
        case .education: return education(h, draft, config) + verdict(.education)
        case .medical: return medical(h) + verdict(.medical)
        case .housing: return housing() + verdict(.housing)
        case .wrapUp: return wrapUp()
        }
    }

    static func visit(_ cadres: [Cadre]) -> [FormField] {
        let names = cadres.map { Bilingual(zh: $0.name, en: $0.name) }
        return [FormField(label: Bilingual(zh: "走访日期", en: "Visit date"), kind: .date(optional: false, get: { $0.date }, set: { d, v in if let v { d.date = v } })),
                FormField(label: Bilingual(zh: "走访干部", en: "Cadre"), kind: .choice(names.isEmpty ? [UIText.unknown] : names,
                    get: { d in cadres.firstIndex { $0.id == d.cadreID } ?? 0 },
                    set: { d, i in if cadres.indices.contains(i) { d.cadreID = cadres[i].id } }))]
    }

    /// The cadre's own judgement (or "from the facts") and a note, on every indicator page.
    static func verdict(_ i: Indicator) -> [FormField] {
        [Fields.pick(Bilingual(zh: "判定", en: "State"), stateChoices, none: UIText.auto,
                     get: { $0.findings[i]?.state }, set: { d, v in d.findings[i, default: Finding()].state = v }),
         FormField(label: UIText.note, kind: .text(get: { $0.findings[i]?.note ?? "" }, set: { d, v in d.findings[i, default: Finding()].note = v }))]
    }

    static func income() -> [FormField] {
        [FormField(label: Bilingual(zh: "收入年份", en: "Income year"), kind: .number(
            get: { $0.observations.income?.year ?? $0.date.year },
            set: { d, v in if let v { d.observations.income = IncomeRecord(year: v, perCapita: d.observations.income?.perCapita ?? 0) } })),
         FormField(label: Bilingual(zh: "人均纯收入（元）", en: "Per-capita income (yuan)"), kind: .number(
            get: { $0.observations.income?.perCapita },
            set: { d, v in d.observations.income = v.map { IncomeRecord(year: d.observations.income?.year ?? d.date.year, perCapita: $0) } }))]
    }

    static func food() -> [FormField] {
        func item(_ label: Bilingual, _ kp: WritableKeyPath<FoodClothing, Bool>) -> FormField {
            Fields.bool(label, get: { $0.observations.foodClothing?[keyPath: kp] }, set: { d, v in
                var f = d.observations.foodClothing ?? FoodClothing(enoughFood: true, seasonalClothes: true, winterBedding: true)
                f[keyPath: kp] = v ?? true
                d.observations.foodClothing = f
            })
        }
        return [item(Bilingual(zh: "全年口粮充足", en: "Enough staple food all year"), \.enoughFood),
                item(Bilingual(zh: "有换季衣服", en: "Seasonal clothes"), \.seasonalClothes),
                item(Bilingual(zh: "有冬季被褥", en: "Winter bedding"), \.winterBedding)]
    }

    static func water() -> [FormField] {
        func w(_ d: CheckDraft) -> WaterSupply { d.observations.water ?? WaterSupply(source: .piped, pipedToYard: false) }
        func bool(_ label: Bilingual, _ kp: WritableKeyPath<WaterSupply, Bool?>) -> FormField {
            Fields.bool(label, get: { $0.observations.water?[keyPath: kp] }, set: { d, v in var x = w(d); x[keyPath: kp] = v; d.observations.water = x })
        }
        func number(_ label: Bilingual, _ kp: WritableKeyPath<WaterSupply, Int?>) -> FormField {
            FormField(label: label, kind: .number(get: { $0.observations.water?[keyPath: kp] }, set: { d, v in var x = w(d); x[keyPath: kp] = v; d.observations.water = x }))
        }
        return [
            Fields.pick(Bilingual(zh: "水源", en: "Source"), WaterSource.allCases, allowNone: false,
                        get: { $0.observations.water?.source }, set: { d, v in var x = w(d); x.source = v ?? .piped; d.observations.water = x }),
            number(Bilingual(zh: "每人每天水量（升）", en: "Litres per person per day"), \.litresPerPersonDay),
            bool(Bilingual(zh: "水质达标（检测或现场查看）", en: "Quality OK (tested / on site)"), \.qualityOK),
            Fields.bool(Bilingual(zh: "自来水入户到院", en: "Piped to the yard"), get: { $0.observations.water?.pipedToYard },
                        set: { d, v in var x = w(d); x.pipedToYard = v ?? false; d.observations.water = x }),
            number(Bilingual(zh: "取水往返（分钟）", en: "Round trip to fetch (min)"), \.roundTripMinutes),
            number(Bilingual(zh: "每年断水天数", en: "Days cut per year"), \.daysCutPerYear),
            Fields.bool(Bilingual(zh: "缺水地区", en: "Water-scarce area"), get: { $0.observations.water?.scarceArea },
                        set: { d, v in var x = w(d); x.scarceArea = v ?? false; d.observations.water = x }),
        ]
    }

    /// One school question per member of compulsory-school age on the visit date.
    static func education(_ h: Household, _ draft: CheckDraft, _ config: RulesConfig) -> [FormField] {
        var out: [FormField] = []
        for m in h.members {
            let age = m.birthDate.age(on: draft.date)
            guard (config.schoolAgeMin...config.schoolAgeMax).contains(age) else { continue }
            out.append(Fields.pick(Bilingual(zh: "\(m.name)（\(age)岁）就学", en: "\(m.name) (\(age)) school"), SchoolStatus.allCases,
                                   get: { d in d.observations.members.first { $0.memberID == m.id }?.school },
                                   set: { d, v in update(&d, m.id) { $0.school = v } }))
            out.append(Fields.pick(Bilingual(zh: "\(m.name) 豁免", en: "\(m.name) exemption"), EducationExemption.allCases,
                                   none: Bilingual(zh: "无", en: "none"),
                                   get: { d in d.observations.members.first { $0.memberID == m.id }?.educationExemption },
                                   set: { d, v in update(&d, m.id) { $0.educationExemption = v } }))
        }
        return out
    }

    /// Insurance for everyone; a chronic-illness card for chronic patients.
    static func medical(_ h: Household) -> [FormField] {
        var out: [FormField] = []
        for m in h.members {
            out.append(Fields.bool(Bilingual(zh: "\(m.name) 参加医保", en: "\(m.name) insured"),
                                   get: { d in d.observations.members.first { $0.memberID == m.id }?.insured },
                                   set: { d, v in update(&d, m.id) { $0.insured = v } }))
            if m.health == .chronic {
                out.append(Fields.bool(Bilingual(zh: "\(m.name) 慢病卡", en: "\(m.name) chronic card"),
                                       get: { d in d.observations.members.first { $0.memberID == m.id }?.chronicCard },
                                       set: { d, v in update(&d, m.id) { $0.chronicCard = v } }))
            }
        }
        return out
    }

    static func update(_ d: inout CheckDraft, _ id: Int, _ change: (inout MemberObservation) -> Void) {
        if let i = d.observations.members.firstIndex(where: { $0.memberID == id }) {
            change(&d.observations.members[i])
        } else {
            var o = MemberObservation(memberID: id)
            change(&o)
            d.observations.members.append(o)
        }
    }

    static func housing() -> [FormField] {
        func hs(_ d: CheckDraft) -> Housing { d.observations.housing ?? Housing(grade: nil) }
        return [
            Fields.pick(Bilingual(zh: "鉴定等级", en: "Appraised grade"), HousingGrade.allCases,
                        get: { $0.observations.housing?.grade }, set: { d, v in var x = hs(d); x.grade = v; d.observations.housing = x }),
            Fields.pick(Bilingual(zh: "改造情况", en: "Renovation"), Renovation.allCases, allowNone: false,
                        get: { $0.observations.housing?.renovation }, set: { d, v in var x = hs(d); x.renovation = v ?? .none; d.observations.housing = x }),
            FormField(label: Bilingual(zh: "改造完成日期", en: "Renovation date"), kind: .date(optional: true,
                        get: { $0.observations.housing?.renovationDate }, set: { d, v in var x = hs(d); x.renovationDate = v; d.observations.housing = x })),
            Fields.bool(Bilingual(zh: "已易地搬迁", en: "Relocated"), get: { $0.observations.housing?.relocated },
                        set: { d, v in var x = hs(d); x.relocated = v ?? false; d.observations.housing = x }),
        ]
    }

    static func wrapUp() -> [FormField] {
        [FormField(label: Bilingual(zh: "商定措施（用；分隔）", en: "Measures agreed (; between)"), kind: .text(
            get: { $0.measures.joined(separator: "；") },
            set: { d, v in d.measures = v.split(whereSeparator: { $0 == "；" || $0 == ";" }).map { $0.trimmingSpaces }.filter { !$0.isEmpty } })),
         FormField(label: Bilingual(zh: "跟进日期", en: "Follow-up date"), kind: .date(optional: true, get: { $0.followUp }, set: { d, v in d.followUp = v })),
         Fields.bool(Bilingual(zh: "户主已签字确认", en: "Household confirmed (signed)"), get: { $0.confirmed }, set: { d, v in d.confirmed = v ?? false }),
         FormField(label: Bilingual(zh: "总体备注", en: "Overall note"), kind: .text(get: { $0.note }, set: { d, v in d.note = v }))]
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
