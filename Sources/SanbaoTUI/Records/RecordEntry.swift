import SanbaoCore

/// One question of a record form: a label, and what is typed or chosen, kept as the
/// words the command line takes (`之子`, `2026-10-01`, `是`), so the form's answers go
/// through the same Core tables (`RecordFields`, `Wordings`) as `sanbao member add`.
struct RecordEntry {
    /// One option of a choice: what is shown, and the word it stands for.
    struct Choice {
        var label: Bilingual
        var word: String
    }

    enum Kind {
        /// Free text (a name, an ID number, a phone, a date).
        case text
        /// One of the options (←/→ or Space).
        case choice([Choice])
    }

    /// What the answer is called when the form is read (`name`, `school`, `housing.grade`).
    var key: String
    var label: Bilingual
    var kind: Kind
    /// The answer now: what was typed, or the chosen option's word.
    var text: String
    /// The answer the form opened with: an edit form saves only what differs from it.
    var initial: String
    /// Why `text` is refused here, with what is accepted; nil when it is accepted. An
    /// empty optional answer is accepted.
    var refusal: (String) -> Bilingual?
    /// Shown dimmed while the answer is empty: what empty keeps (a masked ID number).
    var placeholder: String?

    init(_ key: String, _ label: Bilingual, kind: Kind = .text, text: String = "", refusal: @escaping (String) -> Bilingual? = { _ in nil }) {
        self.key = key
        self.label = label
        self.kind = kind
        self.text = text
        initial = text
        self.refusal = refusal
    }

    var isTextual: Bool {
        if case .text = kind { return true }
        return false
    }

    var choices: [Choice] {
        if case .choice(let options) = kind { return options }
        return []
    }

    /// The answer as shown: the chosen option's label, or the text.
    func shown(_ language: Language) -> String {
        guard case .choice(let options) = kind else { return text }
        return options.first { $0.word == text }?.label.text(language) ?? text
    }

    /// Steps a choice by `delta`, wrapping.
    mutating func step(by delta: Int) {
        let options = choices
        guard !options.isEmpty else { return }
        let now = options.firstIndex { $0.word == text } ?? 0
        text = options[((now + delta) % options.count + options.count) % options.count].word
    }
}

extension RecordEntry {
    /// A choice among the values of a Core table: each option the value's label, its word
    /// the first of its label, file word or English label that `parse` takes back to a
    /// value (so every option is one the command line accepts too). `unknown`: an empty
    /// first option, for a fact not known yet.
    static func choice<V: Labelled & RawRepresentable & CaseIterable>(_ key: String, _ label: Bilingual, _ type: V.Type,
                                                                      current: V?, unknown: Bool = false,
                                                                      parse: (String) -> JSONValue?) -> RecordEntry
    where V.RawValue == String {
        var options: [Choice] = unknown ? [Choice(label: UIText.unknown, word: "")] : []
        var now = ""
        for v in V.allCases {
            let words: [String] = [v.label.zh, v.rawValue, v.label.en]
            guard let word = words.first(where: { (w: String) -> Bool in parse(w) != nil }) else { continue }
            options.append(Choice(label: v.label, word: word))
            if let current, current == v { now = word }
        }
        if now.isEmpty && !unknown { now = options.first?.word ?? "" }
        return RecordEntry(key, label, kind: .choice(options), text: now)
    }

    /// Yes, no (and unknown when the fact may be unknown), as `RecordFields`' flags take them.
    static func flag(_ key: String, _ label: Bilingual, current: Bool?) -> RecordEntry {
        let yes = Wordings.yesNo.word(true), no = Wordings.yesNo.word(false)
        let options = [Choice(label: UIText.unknown, word: ""), Choice(label: UIText.yes, word: yes), Choice(label: UIText.no, word: no)]
        let now = current.map { $0 ? yes : no } ?? ""
        return RecordEntry(key, label, kind: .choice(options), text: now)
    }

    /// A date, written as `LocalDate(written:)` reads it; refused with an example.
    static func date(_ key: String, _ label: Bilingual, _ value: LocalDate?, optional: Bool = false, today: LocalDate) -> RecordEntry {
        RecordEntry(key, label, text: value?.description ?? "") { (text: String) -> Bilingual? in
            if text.isEmpty { return optional ? nil : UIText.recordRequired }
            return LocalDate(written: text) == nil ? UIText.invalidDate(text, example: today) : nil
        }
    }

    /// Text that may not be empty.
    static func required(_ key: String, _ label: Bilingual, _ value: String = "") -> RecordEntry {
        RecordEntry(key, label, text: value) { (text: String) -> Bilingual? in
            text.trimmingBlanks.isEmpty ? UIText.recordRequired : nil
        }
    }

    /// A field of `RecordFields` (the command line's `member set` and `household set`
    /// table): refused with the words it accepts, as `sanbao` refuses it.
    static func field(_ field: RecordField, _ label: Bilingual, current: String) -> RecordEntry {
        RecordEntry(field.key, label, text: current) { (text: String) -> Bilingual? in
            if text.isEmpty || field.parse(text) != nil { return nil }
            return UIText.recordRefused(text, accepted: field.accepted)
        }
    }
}
