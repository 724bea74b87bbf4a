import SanbaoCore

/// One question of the check form, reading and writing the draft through closures so
/// the form is a plain list of fields per page.
public struct FormField {
    public enum Kind {
        /// Pick one of the options (←/→ or Space).
        case choice([Bilingual], get: (CheckDraft) -> Int, set: (inout CheckDraft, Int) -> Void)
        /// Free text, Chinese included.
        case text(get: (CheckDraft) -> String, set: (inout CheckDraft, String) -> Void)
        /// Whole number, or empty for unknown.
        case number(get: (CheckDraft) -> Int?, set: (inout CheckDraft, Int?) -> Void)
        /// YYYY-MM-DD, or empty when `optional`.
        case date(optional: Bool, get: (CheckDraft) -> LocalDate?, set: (inout CheckDraft, LocalDate?) -> Void)
    }

    public var label: Bilingual
    public var kind: Kind

    public var isTextual: Bool {
        if case .choice = kind { return false }
        return true
    }

    /// The value as shown and as edited in a text buffer.
    public func text(_ draft: CheckDraft, _ language: Language) -> String {
        switch kind {
        case .choice(let options, let get, _): return options[get(draft)].text(language)
        case .text(let get, _): return get(draft)
        case .number(let get, _): return get(draft).map(String.init) ?? ""
        case .date(_, let get, _): return get(draft)?.description ?? ""
        }
    }

    /// Steps a choice by `delta`, wrapping, over the options the draft can hold: a
    /// yes/no that cannot be unknown (signed, piped to the yard) skips "unknown", so
    /// Left and Right both move and neither gets stuck.
    public func step(_ draft: inout CheckDraft, by delta: Int) {
        guard case .choice(let options, let get, _) = kind else { return }
        let now = get(draft)
        for k in 1..<max(1, options.count) {
            if choose(&draft, ((now + delta * k) % options.count + options.count) % options.count) { return }
        }
    }

    /// The indices of yes and no, when this is a yes/no question.
    public var yesNo: (yes: Int, no: Int)? {
        guard case .choice(let options, _, _) = kind,
              let y = options.firstIndex(of: UIText.yes), let n = options.firstIndex(of: UIText.no) else { return nil }
        return (y, n)
    }

    /// Space: yes and no swap (unknown becomes yes); any other choice steps to the next.
    public func toggle(_ draft: inout CheckDraft) {
        guard case .choice(_, let get, _) = kind else { return }
        guard let yn = yesNo else { return step(&draft, by: 1) }
        _ = choose(&draft, get(draft) == yn.yes ? yn.no : yn.yes)
    }

    /// Sets option `index` if the draft can hold it; false (draft unchanged) otherwise.
    @discardableResult
    public func choose(_ draft: inout CheckDraft, _ index: Int) -> Bool {
        guard case .choice(_, let get, let set) = kind else { return false }
        var tried = draft
        set(&tried, index)
        guard get(tried) == index else { return false }
        draft = tried
        return true
    }

    /// What to say when `text` does not parse here: the form expected, with an example.
    public func refusal(_ text: String, today: LocalDate) -> Bilingual {
        switch kind {
        case .date: UIText.invalidDate(text, example: today)
        case .number: UIText.invalidNumber(text)
        default: UIText.invalidInput(text)
        }
    }

    /// Stores text typed into a textual field. Returns false when it does not parse
    /// (the buffer keeps what was typed, the draft keeps its last good value).
    @discardableResult
    public func store(_ text: String, into draft: inout CheckDraft) -> Bool {
        switch kind {
        case .choice: return false
        case .text(_, let set): set(&draft, text); return true
        case .number(_, let set):
            if text.isEmpty { set(&draft, nil); return true }
            guard let n = Int(text), n >= 0 else { return false }
            set(&draft, n)
            return true
        case .date(let optional, _, let set):
            if text.isEmpty { if optional { set(&draft, nil) }; return optional }
            // The ways people write a day: 2026-12-31, 2026-2-5, 2026/12/31, 20261231, 2026年12月31日.
            guard let d = LocalDate(written: text) else { return false }
            set(&draft, d)
            return true
        }
    }
}
