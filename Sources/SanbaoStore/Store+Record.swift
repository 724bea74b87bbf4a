import Foundation
import SanbaoCore

/// A check the store has recorded: the check as saved and the household's new roster
/// row, which is all a front end needs to show the result.
public struct RecordedCheck: Sendable {
    public let check: Check
    public let household: Household
    public let entry: RosterEntry
    /// Indicators recorded as met that the household's own data says are not (worth a
    /// word to the cadre; the check is recorded as given).
    public let contradictions: [(Indicator, Assessment)]
}

/// A draft the store would not record, with every reason (the draft's own words).
public struct CheckRefused: Error, Sendable {
    public let problems: [InputError]
}

extension Store {
    /// Records a check entered as `draft`: the one way a check is saved, for the app's
    /// form and `sanbao check` alike. Validates the draft against its household (read
    /// first if the store reads on demand), makes the id, appends the check durably (on
    /// disk, fsync'd, before this returns), drops the household's draft, and judges the
    /// household again for its roster row. Throws `CheckRefused` or a `StoreError`,
    /// having written nothing.
    public func record(_ draft: CheckDraft, today: LocalDate, recordedAt: String) throws -> RecordedCheck {
        if let unread = unreadCadres { throw unread }
        let h = household(draft.householdID)
        let mine = h.map { checks(of: $0.id) } ?? []
        let context = Dataset(cadres: dataset.cadres, households: h.map { [$0] } ?? [], checks: mine, rules: dataset.rules)
        let problems = draft.problems(household: h, dataset: context, today: today)
        guard problems.isEmpty, let h else {
            throw CheckRefused(problems: problems.isEmpty ? [.unknownHousehold(draft.householdID)] : problems)
        }
        let clock = FactClock(dataset.edits.filter { $0.householdID == h.id })
        let contradictions = draft.contradictions(household: h, checks: mine, config: dataset.rules, clock: clock)
        let check = draft.check(id: CheckID.make(date: draft.date), recordedAt: recordedAt, household: h)
        try save(check)
        try? dropDraft(householdID: h.id)
        // Only this household's row changes: judged again, not the whole roster.
        let assessment = Assessor(config: dataset.rules, clock: clock).assess(h, checks: mine + [check], on: today)
        let cadre = h.cadreID(on: today).flatMap { id in dataset.cadres.first { $0.id == id }?.name }
        return RecordedCheck(check: check, household: h,
                             entry: RosterEntry(h, assessment, cadreName: cadre, fileVillage: h.address.villageCode),
                             contradictions: contradictions)
    }
}

extension Store {
    /// Why no check can be recorded when `cadres.json` could not be read (damaged, or
    /// written by a newer Sanbao): every cadre would then be "unknown", which blames the
    /// cadre instead of the file. Says the file's own problem; nil when it was read.
    var unreadCadres: StoreError? {
        guard loaded.conditions[DataLayout.cadres] != nil else { return nil }
        let why = loaded.problems.first { $0.file == DataLayout.cadres }
        let zh = why.map { $0.text(.zh) } ?? DataLayout.cadres
        let en = why.map { $0.text(.en) } ?? DataLayout.cadres
        return .refused(Bilingual(zh: "无法读取干部名单，不能记录检查：\(zh)",
                                  en: "the cadres could not be read, so no check can be recorded: \(en)"), code: 65)
    }
}
