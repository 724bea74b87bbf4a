import SanbaoCore

/// What one household's printable page (明白卡, the 帮扶手册 page) holds, as values: the
/// same facts and assessment the household screen and `sanbao show` give, worked out once
/// here so the page cannot say something else. Nothing is judged here: the facts are
/// `Household.facts(checks:on:)`, the states and reasons the `Assessor`'s, an overruled
/// choice `ChoiceOverride`'s sentence.
public struct HouseholdPage: Sendable {
    /// How many checks the page lists, newest first: the visits a reader of a wall card or
    /// a handbook asks about, and what still fits on one A4 page.
    public static let latestCheckCount = 3

    /// The household's facts on `date` (its checks' observations laid over the record),
    /// ID numbers masked unless asked for.
    public var household: Household
    public var assessment: HouseholdAssessment
    /// Members counted on `date`, and those who left by then (已减少人员), kept apart.
    public var present: [Member]
    public var departed: [Member]
    /// Per indicator, the sentence saying a state chosen on the verifying visit was overruled
    /// by the facts; absent when the choice stood.
    public var overruled: [Indicator: Bilingual]
    /// The cadre paired with the household on `date`.
    public var cadre: Cadre?
    /// The latest effective checks up to `date` (corrections applied), newest first.
    public var latestChecks: [Check]
    /// Cadre names by id, for the checks' authors.
    public var cadreNames: [String: String]

    public var date: LocalDate { assessment.date }

    /// - Parameters:
    ///   - checks: the household's checks (others' and later ones are ignored).
    ///   - fullIDs: ID numbers in full; masked otherwise (personal data on paper).
    public init(household: Household, checks: [Check], cadres: [Cadre], rules: RulesConfig, on date: LocalDate,
                fullIDs: Bool) {
        let mine = checks.filter { $0.householdID == household.id }
        var facts = household.facts(checks: mine, on: date)
        if !fullIDs {
            for i in facts.members.indices { facts.members[i].idNumber = facts.members[i].idNumber.map(IDNumber.masked) }
        }
        self.household = facts
        assessment = Assessor(config: rules).assess(household, checks: mine, on: date)
        present = facts.members.filter { $0.isPresent(on: date) }
        departed = facts.departed(by: date)
        let effective = CheckHistory.effective(mine).filter { $0.date <= date }
        overruled = Self.overruled(effective, assessment)
        cadre = household.cadreID(on: date).flatMap { id in cadres.first { $0.id == id } }
        latestChecks = Array(effective.reversed().prefix(Self.latestCheckCount))
        cadreNames = Dictionary(cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The name of the cadre who made a check; the id when no cadre has it.
    public func cadreName(_ id: String) -> String { cadreNames[id] ?? id }

    /// For each indicator, the choice of the visit that verified it (the latest effective
    /// check with a finding for it, as the assessor takes it) when the facts overrule it.
    static func overruled(_ effective: [Check], _ assessment: HouseholdAssessment) -> [Indicator: Bilingual] {
        var out: [Indicator: Bilingual] = [:]
        for i in Indicator.allCases {
            guard let finding = effective.last(where: { $0.findings[i] != nil })?.findings[i],
                  let why = ChoiceOverride.reason(chosen: finding.state, got: assessment.state(i)) else { continue }
            out[i] = why
        }
        return out
    }
}
