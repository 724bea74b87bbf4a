/// Derives each indicator's state for a household on a date from its record and its
/// checks. Pure: the same household, checks, date and thresholds give the same answer.
///
/// How the two sources combine, per indicator:
/// 1. Facts are the household record overlaid with the observations of every effective
///    check up to the date, in order. The indicator's rule judges them.
/// 2. The latest effective check with a finding for the indicator is the visit that
///    verified it. Without one the indicator is `unchecked` (unless the facts make it
///    not applicable, such as education in a household with no school-age child).
/// 3. Facts that fail win over a recorded "met": an uninsured member is a failure
///    whatever was ticked. A recorded not-met or follow-up stands, with its note.
///    Otherwise the facts decide; when a needed fact is missing, the recorded state does.
public struct Assessor: Sendable {
    public var config: RulesConfig
    /// When each household's facts were last edited: an observation recorded before the
    /// edit gives way to it (docs/rules.md). Empty: every observation is in force.
    public var clock: FactClock

    public init(config: RulesConfig = RulesConfig(), clock: FactClock = FactClock()) {
        self.config = config
        self.clock = clock
    }

    /// An assessor for a data set: its thresholds and its edits' times.
    public init(_ dataset: Dataset) {
        self.init(config: dataset.rules, clock: FactClock(dataset.edits))
    }

    /// The rule that judges `indicator`.
    static func rule(_ indicator: Indicator) -> any IndicatorRule.Type {
        switch indicator {
        case .income: IncomeRule.self
        case .foodClothing: FoodClothingRule.self
        case .water: WaterRule.self
        case .education: EducationRule.self
        case .medical: MedicalRule.self
        case .housing: HousingRule.self
        }
    }

    /// Assesses `household` on `date`. `checks` may hold checks of other households and
    /// from after `date`; they are ignored.
    public func assess(_ household: Household, checks: [Check], on date: LocalDate) -> HouseholdAssessment {
        // Amendments are settled over all checks first: a correction that moved a visit
        // to a later date removes the original everywhere, not only after the new date.
        // Positions, not copies: a `Check` is large, and this runs for every household.
        assess(household, checks: checks, history: CheckHistory.effectiveIndices(checks, of: household.id, through: date),
               on: date)
    }

    /// Assesses `household` on `date` from its settled history: `history` are the
    /// positions in `checks` of its effective checks up to `date`, oldest first (what
    /// `CheckHistory.effectiveIndices` gives). For a caller that needs the history too,
    /// such as the export, so it is worked out once.
    public func assess(_ household: borrowing Household, checks: [Check], history: [Int], on date: LocalDate) -> HouseholdAssessment {
        // Most histories observe nothing beyond the record: then the record is judged as it
        // is, without a copy to lay observations over.
        // Members who left by `date` (or join after it) count in no rule: judged on a copy
        // without them. Rare, so the usual household is not copied for it.
        let someoneAbsent = household.members.contains { !$0.isPresent(on: date) }
        guard someoneAbsent || history.contains(where: { checks[$0].observations?.isEmpty == false }) else {
            return assess(facts: household, checks: checks, history: history, on: date)
        }
        var facts = someoneAbsent ? household.present(on: date) : copy household
        let times = clock[household.id]
        for k in history { facts.apply(checks[k].observations, recordedAt: checks[k].recordedAt, times: times) }
        return assess(facts: facts, checks: checks, history: history, on: date)
    }

    /// The assessment of `facts` (the household with its history's observations laid
    /// over it). Borrowed, not copied: a household is a dozen strings and arrays.
    private func assess(facts: borrowing Household, checks: [Check], history: [Int], on date: LocalDate) -> HouseholdAssessment {
        var indicators: [Indicator: Assessment] = [:]
        indicators.reserveCapacity(Indicator.allCases.count)
        for indicator in Indicator.allCases {
            let judgement = Self.rule(indicator).judge(facts, on: date, config: config)
            // The verifying check's fields are read in place: a `Check` is large to copy.
            let verifying = history.last { checks[$0].findings[indicator] != nil }
            indicators[indicator] = combine(judgement, finding: verifying.flatMap { checks[$0].findings[indicator] },
                                            followUp: verifying.flatMap { checks[$0].followUp }, on: date)
        }
        let last = history.last
        let overdue = isOverdue(lastCheck: last.map { checks[$0].date }, on: date)
        return HouseholdAssessment(householdID: facts.id, date: date, indicators: indicators,
                                   lastCheck: last.map { checks[$0].date }, followUp: last.flatMap { checks[$0].followUp },
                                   overdue: overdue)
    }

    /// The state and reasons from the facts' judgement and the verifying check.
    /// `finding` is the verifying check's finding for the indicator, `followUp` that
    /// check's follow-up date; both nil when no check has a finding for it.
    func combine(_ j: Judgement, finding: Finding?, followUp: LocalDate?, on date: LocalDate) -> Assessment {
        guard let finding else {
            if j.verdict == .notApplicable { return Assessment(state: .notApplicable, reasons: j.reasons) }
            return Assessment(state: .unchecked, reasons: [Texts.neverChecked] + j.reasons)
        }
        let note = finding.note.isEmpty ? [] : [Bilingual(zh: finding.note, en: finding.note)]
        if j.verdict == .notMet { return Assessment(state: .notMet, reasons: j.reasons + note) }
        switch finding.state {
        case .notMet?:
            return Assessment(state: .notMet, reasons: (note.isEmpty ? [Texts.recordedNotMet] : note) + j.reasons)
        case .followUp?:
            return Assessment(state: .followUp, reasons: (note.isEmpty ? [Texts.recordedFollowUp] : note)
                + dueReason(followUp, on: date) + j.reasons)
        case .notApplicable?:
            return Assessment(state: .notApplicable, reasons: note + j.reasons)
        case .unchecked?:
            return Assessment(state: .unchecked, reasons: [Texts.neverChecked] + note)
        case .met?, nil:
            switch j.verdict {
            case .met: return Assessment(state: .met, reasons: j.reasons + note)
            case .notApplicable: return Assessment(state: .notApplicable, reasons: j.reasons + note)
            case .followUp: return Assessment(state: .followUp, reasons: j.reasons + dueReason(followUp, on: date) + note)
            case .unknown:
                if finding.state == .met { return Assessment(state: .met, reasons: [Texts.recordedMet] + note + j.reasons) }
                return Assessment(state: .followUp, reasons: j.reasons + note)
            case .notMet: return Assessment(state: .notMet, reasons: j.reasons + note)
            }
        }
    }

    private func dueReason(_ followUp: LocalDate?, on date: LocalDate) -> [Bilingual] {
        guard let due = followUp else { return [] }
        return due < date
            ? [Bilingual(zh: "跟进日期 \(due) 已过", en: "follow-up was due \(due)")]
            : [Bilingual(zh: "跟进日期 \(due)", en: "follow-up due \(due)")]
    }
}

/// Fixed texts of the assessor.
enum Texts {
    static let neverChecked = Bilingual(zh: "尚未入户核查", en: "not yet checked on a visit")
    static let recordedNotMet = Bilingual(zh: "核查记为未达标", en: "recorded as not met")
    static let recordedFollowUp = Bilingual(zh: "核查记为需跟进", en: "recorded as needing follow-up")
    static let recordedMet = Bilingual(zh: "核查记为达标", en: "recorded as met")
}

extension Household {
    /// The facts on `date`: the record overlaid with the observations of every effective
    /// check up to that date, each fact as recorded last (`times`: when the record's
    /// facts were edited). What the rules judge and what screens show.
    public func facts(checks: [Check], times: FactTimes = FactTimes(), on date: LocalDate) -> Household {
        currentFacts(checks: checks, times: times, on: date).household
    }

    /// The facts on `date` and which visits decided them.
    public func currentFacts(checks: [Check], times: FactTimes = FactTimes(), on date: LocalDate) -> CurrentFacts {
        let mine: [Check] = checks.filter { (c: Check) -> Bool in c.householdID == id }
        let history: [Check] = CheckHistory.effective(mine).filter { (c: Check) -> Bool in c.date <= date }
        var current = CurrentFacts(household: self, observedOn: [:])
        for check in history {
            let set = current.household.apply(check.observations, recordedAt: check.recordedAt, times: times)
            for indicator in set.indicators {
                current.observedOn[indicator] = check.date
                current.observedIn[indicator] = check.id
            }
        }
        return current
    }

    /// The household with the facts of `observations` laid over its own, whatever the
    /// record's edits: for a visit being entered, which is recorded after all of them.
    public func applying(_ observations: Observations?) -> Household {
        var h = self
        h.apply(observations, recordedAt: "9999", times: FactTimes())
        return h
    }

    /// Lays the facts of `observations` (recorded at `recordedAt`) over the household's
    /// own, in place, except those an edit recorded later has set: a fact recorded later
    /// wins. Returns the indicators whose facts it changed (a visit that confirms what
    /// the record says decides nothing worth saying). In place: the assessor applies
    /// every check of a history in turn, and copying the household (its members and
    /// their texts) once per check was a large part of judging a county.
    @discardableResult
    public mutating func apply(_ observations: Observations?, recordedAt: String, times: FactTimes) -> ObservedFacts {
        guard let o = observations, !o.isEmpty else { return [] }
        let time = RecordedTime(recordedAt)
        var set: ObservedFacts = []
        if let income = o.income, times.observation(ofIncome: income.year, at: time) {
            if self.income(forYear: income.year) != income { set.insert(ObservedFacts(.income)) }
            self.income.removeAll { (r: IncomeRecord) -> Bool in r.year == income.year }
            self.income.append(income)
        }
        if let f = o.foodClothing, times.observation(of: "food_clothing", at: time) {
            if foodClothing != f { set.insert(ObservedFacts(.foodClothing)) }
            foodClothing = f
        }
        if let w = o.water, times.observation(of: "water", at: time) {
            if water != w { set.insert(ObservedFacts(.water)) }
            water = w
        }
        if let housing = o.housing, times.observation(of: "housing", at: time) {
            if self.housing != housing { set.insert(ObservedFacts(.housing)) }
            self.housing = housing
        }
        for mo in o.members { set.formUnion(apply(mo, at: time, times: times)) }
        return set
    }

    /// One member's observed facts, each unless an edit recorded later set it.
    private mutating func apply(_ mo: MemberObservation, at time: RecordedTime, times: FactTimes) -> ObservedFacts {
        guard let i = members.firstIndex(where: { (m: Member) -> Bool in m.id == mo.memberID }) else { return [] }
        var set: ObservedFacts = []
        /// `observed` put in the member's `fact` unless an edit of `key` was recorded later;
        /// a change marks the indicator the fact counts in.
        func take<T: Equatable>(_ observed: T?, _ key: String, _ fact: WritableKeyPath<Member, T>, _ indicator: Indicator) {
            guard let v = observed, times.observation(ofMember: mo.memberID, key, at: time) else { return }
            if members[i][keyPath: fact] != v { set.insert(ObservedFacts(indicator)) }
            members[i][keyPath: fact] = v
        }
        take(mo.school.map(Optional.some), "school", \.school, .education)
        take(mo.educationExemption.map(Optional.some), "education_exemption", \.educationExemption, .education)
        take(mo.insured.map(Optional.some), "insured", \.insured, .medical)
        take(mo.health, "health", \.health, .medical)
        take(mo.chronicCard.map(Optional.some), "chronic_card", \.chronicCard, .medical)
        take(mo.familyDoctor.map(Optional.some), "family_doctor", \.familyDoctor, .medical)
        return set
    }
}
