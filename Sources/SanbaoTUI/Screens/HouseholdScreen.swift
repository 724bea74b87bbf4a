import SanbaoCore
import SanbaoText

/// One household: address, type, status, cadre; members (ID numbers masked unless
/// revealed); the six indicators with reasons; open follow-ups; checks newest first.
public struct HouseholdScreen: Screen {
    public let householdID: String
    public var revealIDs = false
    var pager = Pager()
    /// Pager line → check id, for the lines that open a check.
    var checkAt: [Int: String] = [:]
    /// Pager line → indicator, for the lines that open an indicator's reasons in full.
    var indicatorAt: [Int: Indicator] = [:]
    /// Pager line → member id, for the lines a member's record form opens from.
    var memberAt: [Int: Int] = [:]
    /// Head, village and id, made with the lines: drawing asks the store for nothing.
    var title = ""

    public var context: KeyContext { .household }

    public init(householdID: String, model: Model) {
        self.householdID = householdID
        rebuild(model)
    }

    public mutating func modelChanged(_ model: Model) {
        let keep = pager.cursor
        rebuild(model)
        pager.cursor = keep
    }

    public mutating func layout(_ area: Rect) { pager.layout(Rect(row: area.row + 1, column: area.column, rows: area.rows - 1, columns: area.columns)) }

    public func unavailable(_ command: Command, model: Model) -> Bilingual? {
        let line = pager.cursor.selected
        switch command {
        case .open: return indicatorAt[line] == nil && checkAt[line] == nil ? UIText.nothingOpensHere : nil
        case .editMember: return memberAt[line] == nil ? UIText.recordOnAMember : nil
        case .memberLeaves:
            guard let id = memberAt[line] else { return UIText.recordOnAMember }
            return model.household(householdID)?.member(id)?.left != nil ? UIText.recordAlreadyLeft : nil
        default: return nil
        }
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        if pager.apply(command) { return [] }
        switch command {
        case .open:
            if let i = indicatorAt[pager.cursor.selected], let h = model.household(householdID) {
                let a = model.assessor(of: householdID).assess(h, checks: model.checks(of: householdID), on: model.today)
                return [.push(IndicatorScreen(head: h.head?.name ?? h.id, indicator: i, assessment: a.indicators[i]!, model: model))]
            }
            guard let id = checkAt[pager.cursor.selected], let c = model.checks(of: householdID).first(where: { $0.id == id }) else { return [] }
            return [.push(CheckDetailScreen(check: c, model: model))]
        case .newCheck:
            return CheckFormScreen.open(householdID: householdID, model: model)
        case .revealIDs:
            revealIDs.toggle()
            modelChanged(model)
        case .printPage:
            return [.printPage(householdID: householdID, overwrite: false)]
        case .addMember, .editMember, .memberLeaves, .editHousehold, .pairCadre:
            return recordForm(command, model: model)
        case .back, .quit:
            return [.pop]
        default: break
        }
        return []
    }

    /// The record form `command` opens for this household (or its selected member).
    func recordForm(_ command: Command, model: Model) -> [Effect] {
        if let why = model.readOnly { return [.error(why)] }
        guard let h = model.household(householdID) else { return [] }
        let facts = h.facts(checks: model.checks(of: householdID), times: model.factTimes(of: householdID), on: model.today)
        let member = memberAt[pager.cursor.selected].flatMap { facts.member($0) }
        let form: RecordForm
        switch (command, member) {
        case (.addMember, _): form = .addMember(to: h, model: model)
        case (.editMember, let m?): form = .editMember(m, of: h, model: model)
        case (.memberLeaves, let m?): form = .memberLeaves(m, of: h, model: model)
        case (.pairCadre, _): form = .pair(h, model: model)
        case (.editHousehold, _): form = .editHousehold(h, model: model)
        default: return []
        }
        return [.openRecord(RecordFormScreen(form))]
    }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        guard !title.isEmpty else { return }
        canvas.put(title, row: area.row, column: area.column, style: Style(.title))
        pager.render(into: &canvas, area: Rect(row: area.row + 1, column: area.column, rows: area.rows - 1, columns: area.columns), model: model)
    }

    mutating func rebuild(_ model: Model) {
        pager.lines = []
        checkAt = [:]
        indicatorAt = [:]
        memberAt = [:]
        title = ""
        guard let h = model.household(householdID) else { return }
        title = "\(h.head?.name ?? "")  \(h.address.village)\(h.address.group)  [\(h.id)]"
        let lang = model.language
        let say = model.say
        let a = h.address
        pager.add(say(UIText.addressLine([a.province, a.city, a.county, a.township, a.village, a.group], villageCode: a.villageCode)))
        pager.add(say(UIText.numberLine(number: h.number, phone: h.phone)))
        pager.add(say(UIText.typeLine(type: h.type.label, status: h.status.label)))
        pager.add(say(UIText.causesLine(([h.causes.main] + h.causes.others).map(\.label))))
        if let cid = h.cadreID(on: model.today), let c = model.cadre(cid) {
            pager.add(say(UIText.cadreLine(name: c.name, unit: c.unit, phone: c.phone)))
        }
        pager.blank()
        let checks = model.checks(of: h.id)
        let facts = h.currentFacts(checks: checks, times: model.factTimes(of: h.id), on: model.today)
        members(facts.household, model)
        pager.blank()
        let assessment = model.assessor(of: h.id).assess(h, checks: checks, on: model.today)
        pager.add(say(UIText.indicators) + " (\(model.today))" + (assessment.meetsStandard ? "  " + say(UIText.meetsAll) : "")
                  + "  " + say(UIText.indicatorsOpen), Style(.title))
        for i in Indicator.allCases {
            let s = assessment.indicators[i]!
            let reasons = say(UIText.reasons((facts.source(of: i).map { [$0] } ?? []) + s.reasons))
            indicatorAt[pager.lines.count] = i
            pager.add([("  " + DisplayWidth.fit(say(i.label), width: UIWidth.householdIndicator(lang)), .normal),
                       ("\(s.state.letter) " + DisplayWidth.fit(say(s.state.label), width: UIWidth.householdState(lang)), Style(s.state.role)),
                       (reasons, .normal)])
        }
        followUps(h, assessment, model)
        pager.blank()
        pager.add(say(UIText.checks), Style(.title))
        let ordered = CheckHistory.chronological(checks).reversed()
        let superseded = Set(checks.compactMap(\.supersedes))
        if ordered.isEmpty { pager.add("  " + say(UIText.noChecks), Style(.muted)) }
        for c in ordered {
            checkAt[pager.lines.count] = c.id
            let who = model.cadreNames[c.cadreID] ?? c.cadreID
            let letters = Indicator.allCases.map { c.findings[$0]?.state.map { String($0.letter) } ?? (c.findings[$0] == nil ? " " : "*") }.joined()
            var text = "  \(c.date)  \(DisplayWidth.fit(who, width: 8)) [\(letters)]  \(c.note.split(separator: "\n").first.map(String.init) ?? "")"
            if superseded.contains(c.id) { text += say(UIText.corrected) }
            pager.add(text, Style(superseded.contains(c.id) ? .muted : .normal))
        }
    }

    mutating func members(_ h: Household, _ model: Model) {
        let say = model.say
        pager.add(say(UIText.members), Style(.title))
        // Columns as wide as their longest text in this household (English labels such as
        // "daughter-in-law" or "senior middle" are long), so no label is cut.
        // Who left by today is listed apart, under the table (人口自然变更: nobody is deleted).
        let present = h.members.filter { $0.isPresent(on: model.today) || $0.left == nil }
        let rows: [[String]] = present.map { m in
            let id = m.idNumber.map { revealIDs ? $0 : IDNumber.masked($0) } ?? "-"
            let insured = m.insured.map { $0 ? say(UIText.yes) : say(UIText.no) } ?? "?"
            var health = say(m.health.label)
            if let g = m.disabilityGrade { health += say(UIText.disabilityGrade(g)) }
            if m.health == .chronic, m.chronicCard == true { health += say(UIText.hasChronicCard) }
            return [m.name, say(m.relation.label), String(m.birthDate.age(on: model.today)), id,
                    m.school.map { say($0.label) } ?? "-", insured, health]
        }
        let head = [UIText.nameColumn, UIText.relationColumn, UIText.ageColumn, UIText.idColumn, UIText.schoolColumn,
                    UIText.insuredColumn, UIText.healthColumn].map(say)
        let widths = head.indices.map { c in ([head] + rows).map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "  " + cells.enumerated().map { c, t in
                c == cells.count - 1 ? t : (c == 2 ? DisplayWidth.fitRight(t, width: widths[c]) : DisplayWidth.fit(t, width: widths[c]))
            }.joined(separator: " ")
        }
        pager.add(line(head), Style(.muted))
        for (m, cells) in zip(present, rows) {
            memberAt[pager.lines.count] = m.id
            pager.add([(line(cells), m.insured == false ? Style(.notMet) : .normal)])
        }
        let departed = h.departed(by: model.today)
        guard !departed.isEmpty else { return }
        pager.add(say(UIText.membersWhoLeft), Style(.title))
        for m in departed {
            memberAt[pager.lines.count] = m.id
            let left = m.left.map { say($0.reason.label) + " \($0.date)" } ?? ""
            pager.add("  " + DisplayWidth.fit(m.name, width: widths[0]) + " " + DisplayWidth.fit(say(m.relation.label), width: widths[1]) + " " + left,
                      Style(.muted))
        }
    }

    mutating func followUps(_ h: Household, _ a: HouseholdAssessment, _ model: Model) {
        let open = h.measures.filter { $0.progress != .done }
        guard a.followUp != nil || !open.isEmpty else { return }
        pager.blank()
        pager.add(model.say(UIText.followUps), Style(.title))
        if let due = a.followUp {
            let late = due < model.today
            pager.add("  " + model.say(UIText.followUpDue(due)) + (late ? model.say(UIText.followUpLate) : ""),
                      Style(late ? .warning : .normal))
        }
        for m in open {
            pager.add("  [\(model.say(m.breakthrough.label))] \(m.what)  \(model.say(m.progress.label))")
        }
    }
}
