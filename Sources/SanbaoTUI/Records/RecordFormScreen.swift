import SanbaoCore
import SanbaoText

/// A record form (add a member, a member who left, a member's or the household's facts,
/// a new pairing, a new household): its questions one a line, the answer to the focused
/// one refused on the form as it is typed, with what is accepted. Nothing is saved until
/// F10 and a yes; the app says "saved" only once the store has it on disk. Every change
/// is kept as a draft (`RecordDraft`), so a kill loses nothing: the same form opened again
/// gets its answers back and says from when.
public struct RecordFormScreen: Screen {
    var form: RecordForm
    var field = 0
    /// What is typed in the focused text entry.
    var buffer = TextField()
    public private(set) var isDirty = false
    /// When the draft this form was restored from was kept (as the screen shows it).
    var restoredFrom: String?

    public var context: KeyContext { .record }
    public var isEditingText: Bool { form.entries.indices.contains(field) && form.entries[field].isTextual }

    init(_ form: RecordForm) {
        self.form = form
        loadBuffer()
    }

    mutating func loadBuffer() {
        buffer = TextField(form.entries.indices.contains(field) ? form.entries[field].text : "")
    }

    /// The answers of `draft` put back (the app found it kept for this form).
    mutating func restore(_ draft: RecordDraft, savedAt: String) {
        form.restore(draft)
        restoredFrom = savedAt
        isDirty = true
        loadBuffer()
    }

    public mutating func type(_ character: Character, model: Model) -> [Effect] {
        guard isEditingText, buffer.insert(character) else { return [] }
        return setText(buffer.text)
    }

    /// Every change is kept on disk at once, as the check form's are.
    mutating func setText(_ text: String) -> [Effect] {
        form.entries[field].text = text
        isDirty = true
        return [.keepRecordDraft(form.draft)]
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        if isEditingText, buffer.edit(command) {
            return form.entries[field].text == buffer.text ? [] : setText(buffer.text)
        }
        switch command {
        case .nextField, .previousField:
            let next = field + (command == .nextField ? 1 : -1)
            guard form.entries.indices.contains(next) else { return [] }
            field = next
            loadBuffer()
        case .increase, .decrease, .toggle:
            guard !isEditingText else { return [] }
            form.entries[field].step(by: command == .decrease ? -1 : 1)
            isDirty = true
            return [.keepRecordDraft(form.draft)]
        case .saveRecord:
            return save(model)
        case .back:
            guard isDirty else { return [.pop] }
            // The question names the form; yes deletes its draft.
            return [.confirm(UIText.recordDiscard(form.title), [.dropRecordDraft(form.draftKey), .pop])]
        default: break
        }
        return []
    }

    /// F10: the first refused answer is said and focused; else asked, then saved.
    mutating func save(_ model: Model) -> [Effect] {
        if let why = model.readOnly { return [.error(why)] }
        switch form.outcome() {
        case .refused(let why, let key):
            if let key, let k = form.entries.firstIndex(where: { $0.key == key }) {
                field = k
                loadBuffer()
            }
            return [.error(why)]
        case .nothing:
            return [.error(UIText.recordNothingChanged)]
        case .change(let change):
            return [.confirm(UIText.recordSaveQuestion(change.summary), [.saveRecord(change, draft: form.draftKey)])]
        }
    }

    // MARK: Rendering

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        let say = model.say
        let e = model.glyphs.ellipsis
        canvas.put(Self.cut(say(form.title), area.columns, e), row: area.row, column: area.column, style: Style(.title))
        if let facts = form.facts, let after = form.effect(facts: facts, checks: model.checks(of: facts.id), model: model) {
            var x = area.column
            x += canvas.put(say(UIText.recordEffect) + say(UIText.colon), row: area.row + 1, column: x, style: Style(.muted))
            for i in Indicator.allCases {
                let state = after.state(i)
                x += canvas.put(say(UIText.indicatorColumn(i)) + " \(state.letter)  ", row: area.row + 1, column: x, style: Style(state.role))
            }
        }
        let labelWidth = UIWidth.recordLabel(model.language)
        let valueX = area.column + labelWidth + 1
        let width = max(1, area.columns - labelWidth - 2)
        // Two lines under the questions say why the focused answer is refused.
        let room = max(1, area.rows - 5)
        let first = max(0, min(field - room + 1, form.entries.count - room))
        var row = area.row + 2
        for (k, entry) in form.entries.enumerated() where k >= first && row < area.row + 2 + room {
            let focused = k == field
            let label = DisplayWidth.fit(say(entry.label), width: labelWidth - 2, ellipsis: e)
            canvas.put((focused ? model.glyphs.cursor : " ") + " " + label, row: row, column: area.column, style: focused ? Style(.key) : .normal)
            let refused = entry.refusal(entry.text) != nil
            if focused && entry.isTextual {
                buffer.render(into: &canvas, row: row, column: valueX, width: width, style: Style(refused ? .error : .input, [.underline]))
                if buffer.text.isEmpty, let hint = entry.placeholder {
                    canvas.put(Self.cut(hint, width - 1, e), row: row, column: valueX + 1, style: Style(.muted, [.underline]))
                }
            } else if entry.isTextual, entry.text.isEmpty, let hint = entry.placeholder {
                canvas.put(Self.cut(hint, width, e), row: row, column: valueX, style: Style(.muted))
            } else {
                let text = entry.isTextual ? entry.text : "< " + entry.shown(model.language) + " >"
                canvas.put(Self.cut(text, width, e), row: row, column: valueX,
                           style: focused ? Style(.input, [.reverse]) : (refused ? Style(.error) : .normal))
            }
            row += 1
        }
        if let when = restoredFrom {
            canvas.put(Self.cut(say(UIText.recordDraftRestored(savedAt: when)), area.columns - 2, e), row: area.row + 2 + room,
                       column: area.column + 2, style: Style(.muted))
        }
        if form.entries.indices.contains(field), let why = form.entries[field].refusal(form.entries[field].text) {
            let lines = Wrap.lines(say(why), width: area.columns - 2)
            for (k, line) in lines.prefix(2).enumerated() {
                canvas.put(line, row: area.row + 3 + room + k, column: area.column + 2, style: Style(.error))
            }
        }
    }

    /// `text` as it is when it fits in `width` cells, else cut with `ellipsis` (not padded:
    /// a highlighted answer is as wide as its words).
    static func cut(_ text: String, _ width: Int, _ ellipsis: String) -> String {
        DisplayWidth.of(text) <= width ? text : DisplayWidth.fit(text, width: width, ellipsis: ellipsis)
    }
}
