import Foundation
import SanbaoCore

/// What saving a record form would do to the six indicators, shown on the form as the
/// answers change (as the check form shows its derived state): the household's current
/// facts with the change laid over them, judged with the visits' findings. The change is
/// recorded after every visit, so the visits' observations are already in the facts and
/// give way to it.
extension RecordChange {
    /// `facts` (a household's current facts) as they would be after this change; nil
    /// when the change does not touch the facts (a pairing) or cannot be laid over them.
    func applied(to facts: Household) -> Household? {
        var h = facts
        switch self {
        case .addMember(_, let m, let joined):
            var added = m
            added.id = NewID.member(for: m, in: facts)
            added.joined = joined
            h.members.append(added)
            return h
        case .memberLeaves(_, let id, _, let change):
            guard let i = h.members.firstIndex(where: { $0.id == id }) else { return nil }
            h.members[i].left = change
            return h
        case .edit(_, _, let edits):
            return Self.edited(facts, edits)
        case .pair, .pairNew, .addHousehold:
            return nil
        }
    }

    /// The household with `edits` set on its JSON form: `members[3].school` on member 3,
    /// anything else on the household.
    static func edited(_ h: Household, _ edits: [(field: String, value: JSONValue)]) -> Household? {
        guard case .object(var json)? = try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(h)) else { return nil }
        for e in edits {
            guard let (id, key) = HouseholdEdit.memberField(e.field) else {
                json[e.field] = e.value
                continue
            }
            guard let key, case .array(var members)? = json["members"],
                  let i = members.firstIndex(where: { $0["id"] == .number(Double(id)) }),
                  case .object(var m) = members[i] else { return nil }
            m[key] = e.value
            members[i] = .object(m)
            json["members"] = .array(members)
        }
        guard let data = try? JSONEncoder().encode(JSONValue.object(json)) else { return nil }
        return try? JSONDecoder().decode(Household.self, from: data)
    }
}

extension RecordForm {
    /// The six states if the answers were saved: nil when they are refused, change
    /// nothing, or touch no fact.
    func effect(facts: Household?, checks: [Check], model: Model) -> HouseholdAssessment? {
        guard let facts, case .change(let change) = outcome(), let after = change.applied(to: facts) else { return nil }
        // The observations are in `facts` already: only the visits' findings are judged again.
        let findings: [Check] = checks.map { (c: Check) -> Check in
            var bare = c
            bare.observations = nil
            return bare
        }
        return Assessor(config: model.rules).assess(after, checks: findings, on: model.today)
    }
}
