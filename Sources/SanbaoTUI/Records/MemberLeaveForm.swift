import SanbaoCore

/// The form for a member who left (死亡, 迁出, 嫁出, 参军, 服刑, 其他) on a date:
/// `sanbao member leave`. The member stays in the record.
extension RecordForm {
    static func memberLeaves(_ m: Member, of h: Household, model: Model) -> RecordForm {
        let today = model.today
        let entries: [RecordEntry] = [
            .choice("reason", UIText.recordLeaveReason, LeaveReason.self, current: .movedAway) {
                RecordFields.leaveReason.value($0).map { .string($0.rawValue) }
            },
            .date("date", UIText.recordLeaveDate, today, today: today),
        ]
        var form = RecordForm(title: UIText.recordLeaveTitle(name: m.name, head: h.head?.name ?? h.id), entries: entries,
                              draftKey: RecordDraft.Key(.memberLeave, householdID: h.id, memberID: m.id)) { (a: [String: String]) -> Outcome in
            guard let reason = RecordFields.leaveReason.value(a["reason"] ?? ""), let on = LocalDate(written: a["date"] ?? "") else {
                return .refused(UIText.recordRequired, key: "date")
            }
            return .change(.memberLeaves(householdID: h.id, memberID: m.id, name: m.name, MemberChange(reason: reason, date: on)))
        }
        form.facts = h.facts(checks: model.checks(of: h.id), times: model.factTimes(of: h.id), on: today)
        return form
    }
}
