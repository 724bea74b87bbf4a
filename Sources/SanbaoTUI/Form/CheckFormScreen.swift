import SanbaoCore
import SanbaoText

/// The guided check: one page per indicator, prefilled from the last check and the
/// household record, the derived state shown live as answers change. Every change is
/// kept as a draft on disk, so a crash or kill loses nothing; saving goes through the
/// store and is reported only once durable.
public struct CheckFormScreen: Screen {
    public enum Page: Int, CaseIterable, Sendable {
        case visit, income, foodClothing, water, education, medical, housing, wrapUp

        var indicator: Indicator? {
            switch self {
            case .income: .income
            case .foodClothing: .foodClothing
            case .water: .water
            case .education: .education
            case .medical: .medical
            case .housing: .housing
            case .visit, .wrapUp: nil
            }
        }
    }

    public private(set) var draft: CheckDraft
    public var page = Page.visit
    public var field = 0
    /// What is typed in the focused textual field (may not parse yet).
    var buffer = TextField()
    var bufferInvalid = false
    public private(set) var isDirty = false
    var household: Household
    let config: RulesConfig
    let cadres: [Cadre]

    public var context: KeyContext { .form }
    public var isEditingText: Bool { currentField?.isTextual ?? false }

    public init(householdID: String, model: Model) {
        household = model.household(householdID)!
        config = model.rules
        cadres = model.cadres
        draft = CheckDraft(prefilledFor: household, checks: model.checks(of: householdID), times: model.factTimes(of: householdID),
                           date: model.today, config: model.rules)
        loadBuffer(model.language)
    }

    /// The form for a new check of `householdID`: the draft kept for it when there is
    /// one (a draft is never started over silently), else a fresh, prefilled one.
    public static func open(householdID: String, model: Model) -> [Effect] {
        if let why = model.readOnly { return [.error(why)] }
        if let kept = model.drafts[householdID] {
            let form = CheckFormScreen(draft: kept, model: model)
            return [.push(form), .status(UIText.draftContinued(head: form.household.head?.name ?? householdID))]
        }
        return [.push(CheckFormScreen(householdID: householdID, model: model))]
    }

    /// Reopens a draft kept from an earlier session.
    public init(draft: CheckDraft, model: Model) {
        household = model.household(draft.householdID)!
        config = model.rules
        cadres = model.cadres
        self.draft = draft
        isDirty = true
        loadBuffer(model.language)
    }

    var fields: [FormField] { Self.fields(page, household: household, draft: draft, config: config, cadres: cadres) }
    var currentField: FormField? { fields.indices.contains(field) ? fields[field] : nil }

    mutating func loadBuffer(_ language: Language) {
        buffer = TextField(currentField.map { $0.text(draft, language) } ?? "")
        bufferInvalid = false
    }

    /// PgUp on the first page and PgDn on the last have nowhere to go.
    public func unavailable(_ command: Command, model: Model) -> Bilingual? {
        switch command {
        case .previousPage where page == Page.allCases.first: UIText.firstPage
        case .nextPage where page == Page.allCases.last: UIText.lastPage
        default: nil
        }
    }

    /// Typing goes to the focused text field (`isEditingText`).
    public mutating func type(_ character: Character, model: Model) -> [Effect] {
        guard let f = currentField, f.isTextual, buffer.insert(character) else { return [] }
        let before = draft
        bufferInvalid = !f.store(buffer.text, into: &draft)
        return changed(before)
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        let before = draft
        // The text keys edit the focused text field; movement keys still move.
        if let f = currentField, f.isTextual, buffer.edit(command) {
            bufferInvalid = !f.store(buffer.text, into: &draft)
            return changed(before)
        }
        if let f = currentField, [.yes, .no].contains(command), let yn = f.yesNo {
            f.choose(&draft, command == .yes ? yn.yes : yn.no)
            return changed(before)
        }
        // Text that does not parse is not left behind silently: say what is expected.
        if bufferInvalid, let f = currentField, [.nextField, .previousField, .nextPage, .previousPage, .save].contains(command) {
            return [.error(f.refusal(buffer.text, today: model.today))]
        }
        switch command {
        case .nextField, .previousField:
            // Past a page's last field is the next page; before its first, the previous.
            let step = command == .nextField ? 1 : -1
            if fields.indices.contains(field + step) {
                field += step
            } else if Page.allCases.indices.contains(page.rawValue + step) {
                page = Page.allCases[page.rawValue + step]
                field = step > 0 ? 0 : max(0, fields.count - 1)
            }
            loadBuffer(model.language)
        case .nextPage, .previousPage:
            let all = Page.allCases
            let k = page.rawValue + (command == .nextPage ? 1 : -1)
            guard all.indices.contains(k) else { return [] }
            page = all[k]
            field = 0
            loadBuffer(model.language)
        case .increase, .decrease:
            currentField?.step(&draft, by: command == .decrease ? -1 : 1)
            return changed(before)
        case .toggle:
            currentField?.toggle(&draft)
            return changed(before)
        case .save:
            if let why = model.readOnly { return [.error(why)] }
            return [.save(draft)]
        case .back:
            // Only a question that names the draft may throw it away; an unchanged form
            // has kept nothing, so leaving it touches no file.
            guard isDirty else { return [.pop] }
            return [.confirm(UIText.discardDraft(head: household.head?.name ?? household.id),
                             [.dropDraft(householdID: draft.householdID), .pop])]
        default: break
        }
        return []
    }

    mutating func changed(_ before: CheckDraft) -> [Effect] {
        guard draft != before else { return [] }
        isDirty = true
        return [.keepDraft(draft)]
    }

    /// The state the rules give the indicator with the answers so far.
    func derived(_ indicator: Indicator, model: Model) -> Assessment {
        let probe = draft.check(id: "~draft", recordedAt: "9999", household: household)
        let others = model.checks(of: household.id)
        return model.assessor(of: household.id).assess(household, checks: others + [probe], on: draft.date).indicators[indicator]!
    }

    // MARK: Rendering

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        let say = model.say
        let lang = model.language
        let title = say(UIText.checkTitle(head: household.head?.name ?? "", place: household.address.village + household.address.group))
        canvas.put(title, row: area.row, column: area.column, style: Style(.title))
        // Page tabs: the current one highlighted.
        var x = area.column
        for p in Page.allCases {
            let name = say(UIText.pageTitle(p))
            let style = p == page ? Style(.selected, [.reverse]) : Style(.muted)
            x += canvas.put(" \(name) ", row: area.row + 1, column: x, style: style)
        }
        var row = area.row + 3
        if let i = page.indicator {
            let a = derived(i, model: model)
            canvas.put(say(UIText.derived) + ": ", row: row, column: area.column)
            canvas.put("\(a.state.letter) " + say(a.state.label), row: row, column: area.column + UIWidth.derivedState(lang), style: Style(a.state.role, [.bold]))
            row += 1
            // A choice the facts overrule says so before the reasons (docs/rules.md).
            if let why = ChoiceOverride.reason(chosen: draft.findings[i]?.state, got: a.state) {
                row += wrap(say(why), into: &canvas, row: row, area: area, maxLines: 2, style: Style(.warning), ellipsis: model.glyphs.ellipsis)
            }
            let reasons = say(UIText.reasons(a.reasons))
            row += wrap(reasons, into: &canvas, row: row, area: area, maxLines: 2, style: Style(.muted), ellipsis: model.glyphs.ellipsis)
            row += 1
        }
        let labelWidth = UIWidth.formLabel(lang)
        let fs = fields
        let room = area.row + area.rows - row
        let first = max(0, min(field - room + 1, fs.count - room))
        for (k, f) in fs.enumerated() where k >= first && row < area.row + area.rows {
            let focused = k == field
            canvas.put((focused ? model.glyphs.cursor : " ") + " " + DisplayWidth.fit(say(f.label), width: labelWidth - 2, ellipsis: model.glyphs.ellipsis),
                       row: row, column: area.column, style: focused ? Style(.key) : .normal)
            let valueX = area.column + labelWidth + 1
            let width = area.columns - labelWidth - 2
            if focused && f.isTextual {
                buffer.render(into: &canvas, row: row, column: valueX, width: width, style: Style(bufferInvalid ? .error : .input, [.underline]))
            } else {
                let text = f.isTextual ? f.text(draft, model.language) : "< " + f.text(draft, model.language) + " >"
                canvas.put(text, row: row, column: valueX, width: width, style: focused ? Style(.input, [.reverse]) : .normal)
            }
            row += 1
        }
    }

    /// Writes `text` over up to `maxLines` lines, the last ending in `ellipsis` when
    /// more was left; returns the lines used.
    func wrap(_ text: String, into canvas: inout Canvas, row: Int, area: Rect, maxLines: Int, style: Style, ellipsis: String) -> Int {
        var lines = Wrap.lines(text, width: area.columns - 2)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = String(DisplayWidth.prefix(lines[maxLines - 1], width: area.columns - 2 - DisplayWidth.of(ellipsis))) + ellipsis
        }
        for (k, line) in lines.enumerated() { canvas.put(line, row: row + k, column: area.column + 2, style: style) }
        return max(lines.count, 1)
    }
}
