import SanbaoCore

/// One visit of the demo village or of generated data before it becomes a `Check`: the
/// visits of a household are planned and reworked first, and only turned into checks
/// when their ids can be handed out.
struct Visit {
    var date: LocalDate
    /// Minutes after midnight UTC when the check was saved (the Beijing working day).
    var minute: Int
    /// What the cadre looked at; by default all six indicators, each left for the facts to decide.
    var findings: [Indicator: Finding]
    var observations: Observations?
    var measures: [String] = []
    var followUp: LocalDate?
    var confirmed = true
    var note = ""
    /// This visit corrects the household's visit listed just before it.
    var supersedesPrevious = false

    static let allSix: [Indicator: Finding] = Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0, Finding()) })

    init(date: LocalDate, minute: Int, findings: [Indicator: Finding] = Visit.allSix) {
        self.date = date
        self.minute = minute
        self.findings = findings
    }

    /// Records what the cadre found for one indicator. A nil state lets the facts decide.
    mutating func find(_ indicator: Indicator, _ state: IndicatorState? = nil, _ note: String) {
        findings[indicator] = Finding(state: state, note: note)
    }

    /// Adds per-member facts found on this visit.
    mutating func observe(_ member: MemberObservation) {
        var o = observations ?? Observations()
        o.members.append(member)
        observations = o
    }

    /// Changes the household facts found on this visit.
    mutating func observe(_ edit: (inout Observations) -> Void) {
        var o = observations ?? Observations()
        edit(&o)
        observations = o
    }

    /// When the check was saved: `YYYY-MM-DDTHH:MM:00Z`.
    var recordedAt: String {
        date.description + "T" + SampleText.pad(minute / 60, 2) + ":" + SampleText.pad(minute % 60, 2) + ":00Z"
    }

    /// The check this visit becomes, by the cadre paired with `household` on its date.
    func check(id: String, of household: Household, supersedes: String?) -> Check {
        Check(id: id, householdID: household.id, date: date,
              cadreID: household.cadreID(on: date) ?? household.pairings.first?.cadreID ?? "",
              recordedAt: recordedAt, findings: findings, observations: observations, measures: measures,
              followUp: followUp, confirmed: confirmed, note: note,
              supersedes: supersedesPrevious ? supersedes : nil)
    }
}
