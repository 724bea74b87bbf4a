import SanbaoCore

/// The questions of each page of the check form.
extension CheckFormScreen {
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
        return [FormField(label: UIText.visitDate, kind: .date(optional: false, get: { $0.date }, set: { d, v in if let v { d.date = v } })),
                FormField(label: UIText.visitCadre, kind: .choice(names.isEmpty ? [UIText.unknown] : names,
                    get: { d in cadres.firstIndex { $0.id == d.cadreID } ?? 0 },
                    set: { d, i in if cadres.indices.contains(i) { d.cadreID = cadres[i].id } }))]
    }

    /// The cadre's own judgement (or "from the facts") and a note, on every indicator page.
    static func verdict(_ i: Indicator) -> [FormField] {
        [Fields.pick(UIText.verdict, stateChoices, none: UIText.auto,
                     get: { $0.findings[i]?.state }, set: { d, v in d.findings[i, default: Finding()].state = v }),
         FormField(label: UIText.note, kind: .text(get: { $0.findings[i]?.note ?? "" }, set: { d, v in d.findings[i, default: Finding()].note = v }))]
    }

    static func income() -> [FormField] {
        [FormField(label: UIText.incomeYear, kind: .number(
            get: { $0.observations.income?.year ?? $0.date.year },
            set: { d, v in if let v { d.observations.income = IncomeRecord(year: v, perCapita: d.observations.income?.perCapita ?? 0) } })),
         FormField(label: UIText.perCapitaIncome, kind: .number(
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
        return [item(UIText.enoughFood, \.enoughFood),
                item(UIText.seasonalClothes, \.seasonalClothes),
                item(UIText.winterBedding, \.winterBedding)]
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
            Fields.pick(UIText.waterSource, WaterSource.allCases, allowNone: false,
                        get: { $0.observations.water?.source }, set: { d, v in var x = w(d); x.source = v ?? .piped; d.observations.water = x }),
            number(UIText.litresPerPersonDay, \.litresPerPersonDay),
            bool(UIText.waterQuality, \.qualityOK),
            Fields.bool(UIText.pipedToYard, get: { $0.observations.water?.pipedToYard },
                        set: { d, v in var x = w(d); x.pipedToYard = v ?? false; d.observations.water = x }),
            number(UIText.roundTripMinutes, \.roundTripMinutes),
            number(UIText.daysCutPerYear, \.daysCutPerYear),
            Fields.bool(UIText.scarceArea, get: { $0.observations.water?.scarceArea },
                        set: { d, v in var x = w(d); x.scarceArea = v ?? false; d.observations.water = x }),
        ]
    }

    /// One school question per member of compulsory-school age on the visit date.
    static func education(_ h: Household, _ draft: CheckDraft, _ config: RulesConfig) -> [FormField] {
        var out: [FormField] = []
        for m in h.members {
            let age = m.birthDate.age(on: draft.date)
            guard config.isSchoolAge(age) else { continue }
            out.append(Fields.pick(UIText.memberSchool(m.name, age: age), SchoolStatus.allCases,
                                   get: { d in d.observations.members.first { $0.memberID == m.id }?.school },
                                   set: { d, v in update(&d, m.id) { $0.school = v } }))
            out.append(Fields.pick(UIText.memberExemption(m.name), EducationExemption.allCases,
                                   none: UIText.none,
                                   get: { d in d.observations.members.first { $0.memberID == m.id }?.educationExemption },
                                   set: { d, v in update(&d, m.id) { $0.educationExemption = v } }))
        }
        return out
    }

    /// Insurance for everyone; a chronic-illness card for chronic patients.
    static func medical(_ h: Household) -> [FormField] {
        var out: [FormField] = []
        for m in h.members {
            out.append(Fields.bool(UIText.memberInsured(m.name),
                                   get: { d in d.observations.members.first { $0.memberID == m.id }?.insured },
                                   set: { d, v in update(&d, m.id) { $0.insured = v } }))
            if m.health == .chronic {
                out.append(Fields.bool(UIText.memberChronicCard(m.name),
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
            Fields.pick(UIText.appraisedGrade, HousingGrade.allCases,
                        get: { $0.observations.housing?.grade }, set: { d, v in var x = hs(d); x.grade = v; d.observations.housing = x }),
            Fields.pick(UIText.renovation, Renovation.allCases, allowNone: false,
                        get: { $0.observations.housing?.renovation }, set: { d, v in var x = hs(d); x.renovation = v ?? .none; d.observations.housing = x }),
            FormField(label: UIText.renovationDate, kind: .date(optional: true,
                        get: { $0.observations.housing?.renovationDate }, set: { d, v in var x = hs(d); x.renovationDate = v; d.observations.housing = x })),
            Fields.bool(UIText.relocated, get: { $0.observations.housing?.relocated },
                        set: { d, v in var x = hs(d); x.relocated = v ?? false; d.observations.housing = x }),
        ]
    }

    static func wrapUp() -> [FormField] {
        [FormField(label: UIText.measuresField, kind: .text(
            get: { $0.measures.joined(separator: UIText.measuresJoiner) },
            set: { d, v in d.measures = v.split(whereSeparator: { UIText.measuresSeparators.contains($0) }).map { $0.trimmingSpaces }.filter { !$0.isEmpty } })),
         FormField(label: UIText.followUpDate, kind: .date(optional: true, get: { $0.followUp }, set: { d, v in d.followUp = v })),
         Fields.bool(UIText.householdConfirmed, get: { $0.confirmed }, set: { d, v in d.confirmed = v ?? false }),
         FormField(label: UIText.overallNote, kind: .text(get: { $0.note }, set: { d, v in d.note = v }))]
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
