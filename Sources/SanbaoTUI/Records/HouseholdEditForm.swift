import Foundation
import SanbaoCore

/// The form for a household's facts (phone, type, main cause, housing, water, food):
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
        ]
        let current: JSONValue = (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(facts))) ?? .object([:])
        let title = UIText.recordEditHouseholdTitle(head: h.head?.name ?? h.id)
        var form = editing(title, entries, fields: RecordFields.household) { (changes: [(key: String, value: JSONValue)]) -> RecordChange in
            .edit(householdID: h.id, what: h.head?.name ?? h.id, RecordFields.edits(changes, current: current))
        }
        form.facts = facts
        return form
    }

    /// A household field of the command line's table, by key.
    static func household(_ key: String) -> RecordField {
        RecordFields.find(key, in: RecordFields.household) ?? RecordFields.household[0]
    }
}
