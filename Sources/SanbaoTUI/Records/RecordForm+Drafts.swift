import SanbaoCore

/// A record form's answers as a draft, and back: what the app keeps on disk as they are
/// typed (`Effect.keepRecordDraft`) and puts back when the same form is opened again, or
/// offered on the next start, after a kill.
extension RecordForm {
    /// The answers now, to keep.
    var draft: RecordDraft { RecordDraft(key: draftKey, answers: answers) }

    /// Puts the kept answers back. An answer for a question the form no longer asks is
    /// dropped; the form's opening answers stay what an edit compares with, so only
    /// what differs from the record is saved.
    mutating func restore(_ draft: RecordDraft) {
        for k in entries.indices {
            if let text = draft.answers[entries[k].key] { entries[k].text = text }
        }
    }

    /// The form a draft was kept for, made afresh from the data (nil when its household
    /// or member is no longer there).
    static func reopening(_ key: RecordDraft.Key, model: Model) -> RecordForm? {
        if key.kind == .householdAdd { return model.rows.isEmpty ? nil : addHousehold(model: model) }
        guard let id = key.householdID, let h = model.household(id) else { return nil }
        let facts = h.facts(checks: model.checks(of: id), times: model.factTimes(of: id), on: model.today)
        let member = key.memberID.flatMap { facts.member($0) }
        switch (key.kind, member) {
        case (.memberAdd, _): return addMember(to: h, model: model)
        case (.memberEdit, let m?): return editMember(m, of: h, model: model)
        case (.memberLeave, let m?) where m.left == nil: return memberLeaves(m, of: h, model: model)
        case (.householdEdit, _): return editHousehold(h, model: model)
        case (.pair, _): return pair(h, model: model)
        default: return nil
        }
    }
}
