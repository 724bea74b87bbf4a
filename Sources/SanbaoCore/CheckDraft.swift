/// A check being entered, before it is saved: what the CLI's `--set` options and the
/// TUI's form both fill in. `problems` is the one place input is judged, so both
/// front ends refuse the same things with the same words.
public struct CheckDraft: Hashable, Sendable {
    public var householdID: String
    public var date: LocalDate
    public var cadreID: String?
    public var findings: [Indicator: Finding] = [:]
    public var observations = Observations()
    public var measures: [String] = []
    public var followUp: LocalDate?
    public var confirmed = false
    public var note = ""
    public var supersedes: String?

    public init(householdID: String, date: LocalDate) {
        self.householdID = householdID
        self.date = date
    }

    /// A draft that corrects `check`: the same content, to be changed, superseding it.
    public init(amending check: Check) {
        householdID = check.householdID
        date = check.date
        cadreID = check.cadreID
        findings = check.findings
        observations = check.observations ?? Observations()
        measures = check.measures
        followUp = check.followUp
        confirmed = check.confirmed
        note = check.note
        supersedes = check.id
    }

    /// Parses `INDICATOR=STATE[:NOTE]`, as given to `sanbao check --set`.
    public static func parseAssignment(_ text: String) -> Result<(Indicator, Finding), InputError> {
        guard let eq = text.firstIndex(of: "=") else { return .failure(.assignmentShape(text)) }
        let name = String(text[..<eq])
        let rest = text[text.index(after: eq)...]
        let stateText = rest.firstIndex(of: ":").map { String(rest[..<$0]) } ?? String(rest)
        let note = rest.firstIndex(of: ":").map { String(rest[rest.index(after: $0)...]) } ?? ""
        guard let indicator = Indicator(rawValue: name) else { return .failure(.unknownIndicator(name)) }
        guard let state = IndicatorState(rawValue: stateText) else { return .failure(.unknownState(stateText)) }
        return .success((indicator, Finding(state: state, note: note)))
    }

    /// Everything that makes this draft impossible to save, in the user's words.
    public func problems(household: Household?, dataset: Dataset, today: LocalDate) -> [InputError] {
        var out: [InputError] = []
        guard let household else { return [.unknownHousehold(householdID)] }
        if date > today { out.append(.futureDate(date)) }
        if let f = followUp, f < date { out.append(.followUpBeforeDate(f, date)) }
        if findings.isEmpty && observations.isEmpty { out.append(.empty) }
        if findings.values.contains(where: { $0.state == .unchecked }) { out.append(.uncheckedFinding) }
        let cadre = cadreID ?? household.cadreID(on: date)
        if cadre == nil { out.append(.noCadre(householdID, date)) }
        if let c = cadre, dataset.cadre(c) == nil { out.append(.unknownCadre(c)) }
        for mo in observations.members where household.member(mo.memberID) == nil {
            out.append(.unknownMember(mo.memberID))
        }
        if let s = supersedes {
            if let later = dataset.checks.first(where: { $0.supersedes == s }) {
                out.append(.alreadyAmended(s, by: later.id))
            } else if !dataset.checks.contains(where: { $0.id == s }) {
                out.append(.unknownCheck(s))
            }
        }
        return out
    }

    /// The check to save. Call only when `problems` is empty.
    public func check(id: String, recordedAt: String, household: Household) -> Check {
        Check(id: id, householdID: householdID, date: date,
              cadreID: cadreID ?? household.cadreID(on: date) ?? "", recordedAt: recordedAt,
              findings: findings, observations: observations.isEmpty ? nil : observations,
              measures: measures, followUp: followUp, confirmed: confirmed, note: note, supersedes: supersedes)
    }

    /// Indicators whose chosen state the household's facts overrule (`ChoiceOverride`):
    /// the cadre is told, because the facts decide (see `Assessor`).
    public func contradictions(household: Household, checks: [Check], config: RulesConfig,
                               clock: FactClock = FactClock()) -> [(Indicator, Assessment)] {
        let probe = check(id: "~draft", recordedAt: "9999", household: household)
        let a = Assessor(config: config, clock: clock).assess(household, checks: checks + [probe], on: date)
        return findings.compactMap { i, f in
            ChoiceOverride.reason(chosen: f.state, got: a.state(i)) != nil ? (i, a.indicators[i]!) : nil
        }.sorted { $0.0 < $1.0 }
    }
}

/// Why a check cannot be saved. `isUsage` separates a malformed command line (exit 64)
/// from input that names things that do not exist or cannot be (exit 65).
public enum InputError: Error, Hashable, Sendable {
    case assignmentShape(String)
    case unknownIndicator(String)
    case unknownState(String)
    case unknownHousehold(String)
    case unknownCheck(String)
    case alreadyAmended(String, by: String)
    case unknownCadre(String)
    case unknownMember(Int)
    case noCadre(String, LocalDate)
    case futureDate(LocalDate)
    case followUpBeforeDate(LocalDate, LocalDate)
    case uncheckedFinding
    case empty

    public var isUsage: Bool {
        switch self {
        case .assignmentShape, .unknownIndicator, .unknownState, .empty, .uncheckedFinding: true
        default: false
        }
    }

    public var message: Bilingual {
        let indicators = Indicator.allCases.map(\.rawValue).joined(separator: ", ")
        let states = IndicatorState.allCases.filter { $0 != .unchecked }.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .assignmentShape(let t):
            return Bilingual(zh: "“\(t)”应写成 指标=状态[:备注]，如 water=not_met:水窖干涸",
                             en: "\"\(t)\" should be INDICATOR=STATE[:NOTE], e.g. water=not_met:cellar dry")
        case .unknownIndicator(let n):
            return Bilingual(zh: "未知指标“\(n)”，应为 \(indicators) 之一", en: "unknown indicator \"\(n)\" (expected one of \(indicators))")
        case .unknownState(let s):
            return Bilingual(zh: "未知状态“\(s)”，应为 \(states) 之一", en: "unknown state \"\(s)\" (expected one of \(states))")
        case .unknownHousehold(let h):
            return Bilingual(zh: "没有编号为 \(h) 的户", en: "no household \(h)")
        case .unknownCheck(let c):
            return Bilingual(zh: "没有编号为 \(c) 的检查记录", en: "no check \(c)")
        case .alreadyAmended(let c, let by):
            return Bilingual(zh: "检查记录 \(c) 已被 \(by) 更正，请更正 \(by)", en: "check \(c) was already corrected by \(by); amend \(by) instead")
        case .unknownCadre(let c):
            return Bilingual(zh: "未知的帮扶干部 \(c)", en: "unknown cadre \(c)")
        case .unknownMember(let m):
            return Bilingual(zh: "户内没有编号为 \(m) 的成员", en: "no member \(m) in this household")
        case .noCadre(let h, let d):
            return Bilingual(zh: "\(d) 时 \(h) 没有结对干部，请用 --cadre 指定", en: "\(h) has no paired cadre on \(d); name one with --cadre")
        case .futureDate(let d):
            return Bilingual(zh: "检查日期 \(d) 在未来", en: "check date \(d) is in the future")
        case .followUpBeforeDate(let f, let d):
            return Bilingual(zh: "跟进日期 \(f) 早于检查日期 \(d)", en: "follow-up \(f) is before the check date \(d)")
        case .uncheckedFinding:
            return Bilingual(zh: "不能把指标记为 unchecked；不检查就不要写该项", en: "a finding cannot be \"unchecked\"; leave the indicator out instead")
        case .empty:
            return Bilingual(zh: "检查记录为空：至少用 --set 记录一项指标", en: "empty check: record at least one indicator with --set")
        }
    }
}

extension CheckDraft: Codable {
    enum CodingKeys: String, CodingKey {
        case householdID = "household_id"
        case date
        case cadreID = "cadre_id"
        case findings, observations, measures
        case followUp = "follow_up"
        case confirmed, note, supersedes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        householdID = try c.decode(String.self, forKey: .householdID)
        date = try c.decode(LocalDate.self, forKey: .date)
        cadreID = try c.decodeIfPresent(String.self, forKey: .cadreID)
        let raw = try c.decode([String: Finding].self, forKey: .findings)
        findings = Dictionary(uniqueKeysWithValues: raw.compactMap { k, v in Indicator(rawValue: k).map { ($0, v) } })
        observations = try c.decode(Observations.self, forKey: .observations)
        measures = try c.decode([String].self, forKey: .measures)
        followUp = try c.decodeIfPresent(LocalDate.self, forKey: .followUp)
        confirmed = try c.decode(Bool.self, forKey: .confirmed)
        note = try c.decode(String.self, forKey: .note)
        supersedes = try c.decodeIfPresent(String.self, forKey: .supersedes)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(householdID, forKey: .householdID)
        try c.encode(date, forKey: .date)
        try c.encodeIfPresent(cadreID, forKey: .cadreID)
        try c.encode(Dictionary(uniqueKeysWithValues: findings.map { ($0.key.rawValue, $0.value) }), forKey: .findings)
        try c.encode(observations, forKey: .observations)
        try c.encode(measures, forKey: .measures)
        try c.encodeIfPresent(followUp, forKey: .followUp)
        try c.encode(confirmed, forKey: .confirmed)
        try c.encode(note, forKey: .note)
        try c.encodeIfPresent(supersedes, forKey: .supersedes)
    }
}

extension CheckDraft {
    /// A new check of `household` on `date`, prefilled with every fact known on that
    /// date (the record overlaid with earlier checks' observations): the cadre confirms
    /// or corrects them on the visit. Each indicator starts "from the facts".
    /// `times`: when the record's facts were edited, so the form starts from the facts as
    /// recorded last, not from an older visit's observation.
    public init(prefilledFor household: Household, checks: [Check], times: FactTimes = FactTimes(), date: LocalDate,
                config: RulesConfig) {
        self.init(householdID: household.id, date: date)
        let facts = household.facts(checks: checks, times: times, on: date)
        cadreID = household.cadreID(on: date)
        observations.income = facts.income(forYear: date.year)
        observations.foodClothing = facts.foodClothing
        observations.water = facts.water
        observations.housing = facts.housing
        observations.members = facts.members.map { m in
            let age = m.birthDate.age(on: date)
            let schoolAge = config.isSchoolAge(age)
            return MemberObservation(memberID: m.id, school: schoolAge ? m.school : nil,
                                     educationExemption: schoolAge ? m.educationExemption : nil, insured: m.insured,
                                     chronicCard: m.health == .chronic ? m.chronicCard : nil)
        }
        for i in Indicator.allCases { findings[i] = Finding() }
    }
}
