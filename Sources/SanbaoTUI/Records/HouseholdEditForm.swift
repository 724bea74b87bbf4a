import Foundation
import SanbaoCore

/// The form for a household's facts (phone, type, main cause and up to two others,
/// housing, water, food, the per-capita income of a year):
/// `sanbao household set`. It opens with the current facts (a visit's later observation
/// included) and saves the answers changed; `housing.grade` is an edit of the whole
/// housing record as it stands with the grade changed (`RecordFields.edits`).
extension RecordForm {
    static func editHousehold(_ h: Household, model: Model) -> RecordForm {
        let facts = h.facts(checks: model.checks(of: h.id), times: model.factTimes(of: h.id), on: model.today)
        let entries: [RecordEntry] = [
            .field(household("phone"), UIText.recordPhone, current: facts.phone),
            .choice("type", UIText.recordType, HouseholdType.self, current: facts.type, parse: household("type").parse),
            .choice("causes.main", UIText.recordCause, PovertyCause.self, current: facts.causes.main, parse: household("causes.main").parse),
            otherCause(1, facts), otherCause(2, facts),
            .choice("housing.grade", UIText.appraisedGrade, HousingGrade.self, current: facts.housing?.grade, unknown: true,
                    parse: household("housing.grade").parse),
            .choice("housing.renovation", UIText.renovation, Renovation.self, current: facts.housing?.renovation ?? Renovation.none,
                    parse: household("housing.renovation").parse),
            .choice("housing.structure", UIText.recordStructure, HouseStructure.self, current: facts.housing?.structure, unknown: true,
                    parse: household("housing.structure").parse),
            .choice("water.source", UIText.waterSource, WaterSource.self, current: facts.water?.source, unknown: true,
                    parse: household("water.source").parse),
            .flag("water.quality_ok", UIText.waterQuality, current: facts.water?.qualityOK),
            .flag("food_clothing.enough_food", UIText.enoughFood, current: facts.foodClothing?.enoughFood),
        ] + incomeEntries(facts, today: model.today)
        let current: JSONValue = (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(facts))) ?? .object([:])
        let title = UIText.recordEditHouseholdTitle(head: h.head?.name ?? h.id)
        var form = editing(title, entries, key: RecordDraft.Key(.householdEdit, householdID: h.id), fields: RecordFields.household) { (changes: [(key: String, value: JSONValue)]) -> RecordChange in
            .edit(householdID: h.id, what: h.head?.name ?? h.id, RecordFields.edits(changes, current: current))
        }
        form.facts = facts
        let fieldEdits = form.make
        form.make = { (answers: [String: String]) -> Outcome in
            withIncome(fieldEdits(answers), answers, initial: form.entries, facts: facts)
        }
        return form
    }

    /// The year (the latest one recorded, else this year) and its per-capita figure.
    static func incomeEntries(_ facts: Household, today: LocalDate) -> [RecordEntry] {
        let latest = facts.income.max { $0.year < $1.year }
        let year = RecordEntry("income.year", UIText.incomeYear, text: String(latest?.year ?? today.year)) { (text: String) -> Bilingual? in
            guard let y = Int(text), (2000...today.year).contains(y) else { return UIText.recordRefused(text, accepted: ["2000…\(today.year)"]) }
            return nil
        }
        let yuan = RecordEntry("income.per_capita", UIText.perCapitaIncome, text: latest.map { String($0.perCapita) } ?? "") { (text: String) -> Bilingual? in
            text.isEmpty || (Int(text).map { $0 >= 0 } ?? false) ? nil : UIText.invalidNumber(text)
        }
        return [year, yuan]
    }

    /// The field edits with the income of the year added when its answers changed: one
    /// edit of `income`, the current figures with that year's replaced.
    static func withIncome(_ outcome: Outcome, _ answers: [String: String], initial entries: [RecordEntry], facts: Household) -> Outcome {
        let was: [String: String] = Dictionary(entries.map { ($0.key, $0.initial) }, uniquingKeysWith: { a, _ in a })
        let yearText = answers["income.year"] ?? "", yuanText = answers["income.per_capita"] ?? ""
        guard yearText != was["income.year"] || yuanText != was["income.per_capita"], !yuanText.isEmpty else { return outcome }
        guard let year = Int(yearText), let yuan = Int(yuanText) else { return .refused(UIText.invalidNumber(yuanText), key: "income.per_capita") }
        if facts.income(forYear: year)?.perCapita == yuan { return outcome }
        var records = facts.income.filter { $0.year != year }
        records.append(IncomeRecord(year: year, perCapita: yuan))
        records.sort { $0.year < $1.year }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(records)) else { return outcome }
        let head = facts.head?.name ?? facts.id
        switch outcome {
        case .refused: return outcome
        case .nothing: return .change(.edit(householdID: facts.id, what: head, [(field: "income", value: value)]))
        case .change(.edit(let id, let what, let edits)): return .change(.edit(householdID: id, what: what, edits + [(field: "income", value: value)]))
        case .change: return outcome
        }
    }

    /// One of the two other causes (`causes.others#1`, `#2`): a cause or none; the two are
    /// one answer of `causes.others`, as `household set causes.others=缺技术、缺资金` takes it.
    static func otherCause(_ k: Int, _ facts: Household) -> RecordEntry {
        let others = facts.causes.others
        var entry = RecordEntry.choice("causes.others#\(k)", UIText.recordOtherCause(k), PovertyCause.self,
                                       current: others.indices.contains(k - 1) ? others[k - 1] : nil, unknown: true,
                                       parse: household("causes.main").parse)
        if case .choice(var options) = entry.kind {
            options[0].label = UIText.none
            entry.kind = .choice(options)
        }
        return entry
    }

    /// A household field of the command line's table, by key.
    static func household(_ key: String) -> RecordField {
        RecordFields.find(key, in: RecordFields.household) ?? RecordFields.household[0]
    }
}
