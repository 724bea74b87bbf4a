import SanbaoCore

/// Makes the cells of a household or gap row, in one language, into a `RowBuffer`.
///
/// Separate from `ReportTables` so the closures that fill rows on every core capture a
/// language and a flag rather than the whole report.
struct RowMaker: Sendable {
    let zh: Bool
    /// A roll-up's households have a source column.
    let rollup: Bool

    init(language: Language, rollup: Bool) {
        zh = language == .zh
        self.rollup = rollup
    }

    var listSeparator: String { zh ? "；" : "; " }

    /// The cells of household `i`, in the order of `ReportTables.householdColumns`. The
    /// record is read in place through the buffer, field by field: passed as a value it is
    /// copied whole (a retain and a release for each of its strings and arrays).
    func household(_ households: UnsafeBufferPointer<HouseholdRecord>, _ i: Int, into row: inout RowBuffer) {
        row.text(households[i].number)
        row.text(households[i].id)
        row.text(households[i].head)
        optional(households[i].headIDNumber, into: &row)
        row.text(households[i].village)
        row.text(households[i].villageCode)
        row.text(households[i].group)
        optional(households[i].cadre, into: &row)
        row.int(households[i].members)
        label(households[i].type.label, into: &row)
        if let m = households[i].monitoring { label(m.label, into: &row) } else { row.empty() }
        yesNo(households[i].meetsStandard, into: &row)
        indicator(households[i].indicators.income, into: &row)
        indicator(households[i].indicators.foodClothing, into: &row)
        indicator(households[i].indicators.water, into: &row)
        indicator(households[i].indicators.education, into: &row)
        indicator(households[i].indicators.medical, into: &row)
        indicator(households[i].indicators.housing, into: &row)
        optional(households[i].lastCheck?.date, into: &row)
        optional(households[i].nextFollowUp, into: &row)
        yesNo(households[i].overdue, into: &row)
        row.int(households[i].visitsInPeriod)
        if households[i].notes.isEmpty {
            row.empty()
        } else {
            // Each note as "YYYY-MM-DD note", one per line.
            row.beginText()
            for k in households[i].notes.indices {
                if k > 0 { row.piece("\n") }
                row.pieceDate(households[i].notes[k].date)
                row.piece(" ")
                row.piece(households[i].notes[k].text)
            }
            row.endText()
        }
        if rollup { optional(households[i].source, into: &row) }
    }

    /// `Indicator.allCases` order; the state, then its reasons.
    private func indicator(_ r: borrowing IndicatorRecord, into row: inout RowBuffer) {
        state(r.state, into: &row)
        reasons(r.reasons, into: &row)
    }

    /// Texts most rows repeat (yes and no, the states, the indicators), in the language:
    /// a workbook lists them once and its cells refer to them, a fifth of the bytes of
    /// writing each one out. `yesNo`, `state` and `indicator` give their positions.
    var sharedLabels: [String] {
        [zh ? "是" : "yes", zh ? "否" : "no"]
            + IndicatorState.allCases.map { zh ? $0.label.zh : $0.label.en }
            + Indicator.allCases.map { zh ? $0.label.zh : $0.label.en }
    }

    func state(_ s: IndicatorState, into row: inout RowBuffer) {
        row.label(zh ? s.label.zh : s.label.en, shared: 2 + s.ordinal)
    }

    func indicator(_ i: Indicator, into row: inout RowBuffer) {
        row.label(zh ? i.label.zh : i.label.en, shared: 2 + IndicatorState.allCases.count + i.ordinal)
    }

    /// The cells of gap `i`, in the order of `ReportTables.gapColumns`.
    func gap(_ gaps: UnsafeBufferPointer<Gap>, _ i: Int, into row: inout RowBuffer) {
        row.text(gaps[i].number)
        row.text(gaps[i].householdID)
        row.text(gaps[i].head)
        row.text(gaps[i].village)
        row.text(gaps[i].group)
        optional(gaps[i].cadre, into: &row)
        indicator(gaps[i].indicator, into: &row)
        state(gaps[i].state, into: &row)
        reasons(gaps[i].reasons, into: &row)
        if gaps[i].measures.isEmpty {
            row.empty()
        } else {
            row.beginText()
            for k in gaps[i].measures.indices {
                if k > 0 { row.piece(listSeparator) }
                row.piece(gaps[i].measures[k])
            }
            row.endText()
        }
        optional(gaps[i].followUp, into: &row)
        optional(gaps[i].checkDate, into: &row)
    }

    func label(_ b: Bilingual, into row: inout RowBuffer) {
        row.text(zh ? b.zh : b.en)
    }

    func yesNo(_ yes: Bool, into row: inout RowBuffer) {
        row.label(yes ? (zh ? "是" : "yes") : (zh ? "否" : "no"), shared: yes ? 0 : 1)
    }

    /// The reasons joined by the list separator; an empty cell when there are none.
    func reasons(_ list: [Bilingual], into row: inout RowBuffer) {
        guard !list.isEmpty else { return row.empty() }
        row.beginText()
        list.withUnsafeBufferPointer { reasons in
            for k in reasons.indices {
                if k > 0 { row.piece(listSeparator) }
                row.piece(zh ? reasons[k].zh : reasons[k].en)
            }
        }
        row.endText()
    }

    func optional(_ s: String?, into row: inout RowBuffer) {
        if let s, !s.isEmpty { row.text(s) } else { row.empty() }
    }

    func optional(_ d: LocalDate?, into row: inout RowBuffer) {
        if let d { row.date(d) } else { row.empty() }
    }
}
