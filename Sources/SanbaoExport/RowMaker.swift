import SanbaoCore

/// Makes the cells of a household or gap row, in one language, into a `RowBuffer`.
///
/// Separate from `ReportTables` so the closures that fill rows on every core capture a
/// language and a flag rather than the whole report; records are borrowed, never copied
/// (a copy of a household record retains and releases each of its strings, which was
/// most of the time rendering took).
struct RowMaker: Sendable {
    let zh: Bool
    /// A roll-up's households have a source column.
    let rollup: Bool

    init(language: Language, rollup: Bool) {
        zh = language == .zh
        self.rollup = rollup
    }

    var listSeparator: String { zh ? "；" : "; " }

    /// One household's cells, in the order of `ReportTables.householdColumns`.
    func household(_ h: borrowing HouseholdRecord, into row: inout RowBuffer) {
        row.text(h.number)
        row.text(h.id)
        row.text(h.head)
        optional(h.headIDNumber, into: &row)
        row.text(h.village)
        row.text(h.villageCode)
        row.text(h.group)
        optional(h.cadre, into: &row)
        row.int(h.members)
        label(h.type.label, into: &row)
        if let m = h.monitoring { label(m.label, into: &row) } else { row.empty() }
        yesNo(h.meetsStandard, into: &row)
        indicator(h.indicators.income, into: &row)
        indicator(h.indicators.foodClothing, into: &row)
        indicator(h.indicators.water, into: &row)
        indicator(h.indicators.education, into: &row)
        indicator(h.indicators.medical, into: &row)
        indicator(h.indicators.housing, into: &row)
        optional(h.lastCheck?.date, into: &row)
        optional(h.nextFollowUp, into: &row)
        yesNo(h.overdue, into: &row)
        row.int(h.visitsInPeriod)
        if h.notes.isEmpty {
            row.empty()
        } else {
            // Each note as "YYYY-MM-DD note", one per line.
            row.beginText()
            for k in h.notes.indices {
                if k > 0 { row.piece("\n") }
                row.pieceDate(h.notes[k].date)
                row.piece(" ")
                row.piece(h.notes[k].text)
            }
            row.endText()
        }
        if rollup { optional(h.source, into: &row) }
    }

    /// `Indicator.allCases` order; the state, then its reasons.
    private func indicator(_ r: borrowing IndicatorRecord, into row: inout RowBuffer) {
        label(r.state.label, into: &row)
        reasons(r.reasons, into: &row)
    }

    /// One gap's cells, in the order of `ReportTables.gapColumns`.
    func gap(_ g: borrowing Gap, into row: inout RowBuffer) {
        row.text(g.number)
        row.text(g.householdID)
        row.text(g.head)
        row.text(g.village)
        row.text(g.group)
        optional(g.cadre, into: &row)
        label(g.indicator.label, into: &row)
        label(g.state.label, into: &row)
        reasons(g.reasons, into: &row)
        if g.measures.isEmpty {
            row.empty()
        } else {
            row.beginText()
            for k in g.measures.indices {
                if k > 0 { row.piece(listSeparator) }
                row.piece(g.measures[k])
            }
            row.endText()
        }
        optional(g.followUp, into: &row)
        optional(g.checkDate, into: &row)
    }

    func label(_ b: Bilingual, into row: inout RowBuffer) {
        row.text(zh ? b.zh : b.en)
    }

    func yesNo(_ yes: Bool, into row: inout RowBuffer) {
        row.text(yes ? (zh ? "是" : "yes") : (zh ? "否" : "no"))
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
