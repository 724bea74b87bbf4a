import Foundation
import SanbaoCore

/// Household edits and conflicts.
extension Store {
    public var editLog: EditLog { EditLog(dataset.edits) }
    public var conflicts: [EditLog.Conflict] { editLog.conflicts }

    /// Records a change to one field of a household, durably. The value is checked by
    /// applying it: a value the record cannot hold is refused with the decoder's words.
    @discardableResult
    public func edit(householdID: String, field: String, value: JSONValue, cadreID: String? = nil,
                     replacing parents: [String]? = nil) throws -> HouseholdEdit {
        try edit(householdID: householdID, changes: [(field, value)], cadreID: cadreID, replacing: parents)[0]
    }

    /// Records changes to several fields of one household together: all are applied and
    /// validated as one before anything is written, then written as one append (one
    /// `write`, one fsync). A command that sets three fields saves three or none.
    @discardableResult
    public func edit(householdID: String, changes: [(field: String, value: JSONValue)], cadreID: String? = nil,
                     replacing parents: [String]? = nil) throws -> [HouseholdEdit] {
        try readEverything()
        guard let base = loaded.bases.first(where: { $0.id == householdID }) else {
            throw StoreError.badData("unknown household \(householdID)")
        }
        var log = editLog
        var made: [HouseholdEdit] = []
        for (field, value) in changes {
            try refuseUnknownField(field, householdID: householdID)
            let edit = HouseholdEdit(
                id: "e-" + StableHash.hex(Data("\(householdID)|\(field)|\(now())|\(UInt64.random(in: 0...UInt64.max))".utf8)),
                householdID: householdID, field: field, value: value,
                parents: parents ?? log.parents(householdID: householdID, field: field),
                deviceID: deviceID, cadreID: cadreID, recordedAt: now())
            made.append(edit)
            log = EditLog(dataset.edits + made)
        }
        let updated: Household
        do {
            updated = try HouseholdPatcher.apply(log, to: base)
        } catch {
            let d = DecodeFailure.describe(error)
            throw StoreError.badData("\(changes.map(\.field).joined(separator: ", ")): \(d.message.en)")
        }
        try refuseNewProblems(updated, replacing: dataset.household(householdID) ?? base, field: changes.count == 1 ? changes[0].field : "")
        try append(made, village: base.address.villageCode)
        if let i = loaded.dataset.households.firstIndex(where: { $0.id == householdID }) {
            loaded.dataset.households[i] = updated
        }
        return made
    }

    /// A field path no edit may name, or a member that is not in the household.
    func refuseUnknownField(_ field: String, householdID: String) throws {
        if let p = HouseholdEdit.fieldProblem(field) { throw StoreError.badData(p.en) }
        if let (member, key) = HouseholdEdit.memberField(field), key != nil,
           let current = dataset.household(householdID), current.member(member) == nil {
            let ids = current.members.map { String($0.id) }.joined(separator: ", ")
            throw StoreError.badData("\(householdID) has no member \(member) (members are numbered by id: \(ids))")
        }
    }

    /// Appends `edits` to the village's edit log in one write, durably.
    func append(_ edits: [HouseholdEdit], village: String) throws {
        let file = DataLayout.editsFile(village: village)
        if let refusal = refusal(for: file) { throw refusal }
        var lines = Data()
        for e in edits {
            lines.append(try JSONCoding.encoder().encode(e))
            lines.append(0x0A)
        }
        try AppendOnlyFile.append(lines, to: file, in: layout, kind: "edits", village: village)
        loaded.dataset.edits += edits
    }

    /// The domain's checks on the edited household, as `validate` runs them: an edit may
    /// not add a problem (a wrong ID check digit, a birth date in the future, a second
    /// head). Problems the record had before are not this edit's to answer for.
    func refuseNewProblems(_ updated: Household, replacing current: Household, field: String) throws {
        let validator = Validator(today: LocalDate(String(now().prefix(10))) ?? LocalDate(year: 2000, month: 1, day: 1)!)
        let cadres = Set(dataset.cadres.map(\.id))
        let before = Set(validator.problems(in: current, knownCadres: cadres).map(\.message))
        let added = validator.problems(in: updated, knownCadres: cadres).filter { $0.severity == .error && !before.contains($0.message) }
        guard let first = added.first else { return }
        let more = added.count > 1 ? Bilingual(zh: "（另有 \(added.count - 1) 处）", en: " (and \(added.count - 1) more)") : Bilingual(zh: "", en: "")
        // A member's problem names the member; `members[1048…]` would only puzzle.
        let at = field.isEmpty || HouseholdEdit.memberField(field) != nil ? "" : " " + field
        throw StoreError.refused(Bilingual(zh: "\(updated.id)\(at)：\(first.message.zh)\(more.zh)",
                                           en: "\(updated.id)\(at): \(first.message.en)\(more.en)"), code: 65)
    }

    /// Settles a conflict with `value`: a new edit that replaces every competing one.
    @discardableResult
    public func resolve(_ conflict: EditLog.Conflict, value: JSONValue, cadreID: String? = nil) throws -> HouseholdEdit {
        try edit(householdID: conflict.householdID, field: conflict.field, value: value, cadreID: cadreID,
                 replacing: conflict.heads.map(\.id))
    }
}
