import SanbaoCore
import SanbaoStore

/// Saving what a record form asks (`Effect.saveRecord`): the same store calls as
/// `sanbao member`, `household`, `pair`, each durable when it returns, so "saved" is said
/// only of what is on disk. A refusal keeps the form open and says why (and its draft).
extension App {
    func save(_ change: RecordChange, draft: RecordDraft.Key) {
        let added: String?
        do {
            added = try apply(change)
        } catch let e as StoreError {
            status = (UIText.recordNotSaved(e.message), true)
            return
        } catch {
            status = (UIText.recordNotSaved(Bilingual(zh: "\(error)", en: "\(error)")), true)
            return
        }
        // The record is on disk: the form's draft has nothing left to keep.
        try? store.dropRecordDraft(draft)
        if let added {
            showNewHousehold(added)
        } else {
            refreshRow(of: change.householdID)
            if stack.count > 1 { stack.removeLast() }
            for i in stack.indices { stack[i].modelChanged(model) }
        }
        status = (UIText.recordSaved(change.summary), false)
    }

    /// The store call for `change`; the new household's id when it adds one.
    private func apply(_ change: RecordChange) throws -> String? {
        let editor = model.cadreID
        switch change {
        case .addMember(let id, let m, let joined):
            try store.addMember(m, to: id, joined: joined, cadreID: editor)
        case .memberLeaves(let id, let member, _, let leave):
            try store.memberLeaves(member, householdID: id, change: leave, cadreID: editor)
        case .edit(let id, _, let edits):
            // One form's fields are saved together or not at all.
            try store.edit(householdID: id, changes: edits.map { (field: $0.field, value: $0.value) }, cadreID: editor)
        case .pair(let id, let cadre, _, let from):
            try store.pair(householdID: id, cadreID: cadre, from: from, by: editor)
        case .pairNew(let id, let cadre, let from):
            let added = try store.addCadre(cadre, today: model.today)
            model.cadres = store.dataset.cadres
            model.cadreNames[added.id] = added.name
            try store.pair(householdID: id, cadreID: added.id, from: from, by: editor)
        case .addHousehold(var h):
            // Numbered from every household here, not only the ones the roster shows.
            try store.readEverything()
            h.number = RecordFields.nextNumber(village: h.address.villageCode, taken: store.dataset.households.map(\.number))
            return try store.addHousehold(h, today: model.today).id
        }
        return nil
    }

    /// The household's roster row judged again from its changed record.
    private func refreshRow(of householdID: String) {
        guard let h = model.household(householdID) else { return }
        let assessment = model.assessor(of: householdID).assess(h, checks: model.checks(of: householdID), on: model.today)
        let cadre = h.cadreID(on: model.today).flatMap { model.cadreNames[$0] ?? model.cadre($0)?.name }
        model.replace(RosterEntry(h, assessment, cadreName: cadre, fileVillage: h.address.villageCode))
    }

    /// A new household is a new roster row: the roster is read again (as after an
    /// intake) and the household opened.
    private func showNewHousehold(_ id: String) {
        reloadModel()
        stack = [RosterScreen(model: model), HouseholdScreen(householdID: id, model: model)]
    }
}
