import SanbaoCore

/// What a record form asks and what its answers change: its questions, and how the
/// answers become a `RecordChange` (or why they cannot). Each form of `Records/` makes
/// one (`RecordForm.addMember`, `.memberLeaves` …); `RecordFormScreen` shows any of them.
struct RecordForm {
    /// What reading the answers gives.
    enum Outcome {
        case change(RecordChange)
        /// A refusal to show on the form, and the entry to move to.
        case refused(Bilingual, key: String?)
        /// An edit form whose answers are as it opened.
        case nothing
    }

    var title: Bilingual
    var entries: [RecordEntry]
    /// Which draft keeps this form's answers (form kind, household, member).
    var draftKey: RecordDraft.Key
    /// The household's current facts, for the effect of the answers on its indicators
    /// (nil for a new household).
    var facts: Household? = nil
    /// The answers (entry key → text) as a change.
    var make: ([String: String]) -> Outcome

    /// The answers by key.
    var answers: [String: String] {
        var out: [String: String] = [:]
        for e in entries { out[e.key] = e.text }
        return out
    }

    /// The first refused answer, or the change the answers make.
    func outcome() -> Outcome {
        for e in entries {
            if let why = e.refusal(e.text) { return .refused(UIText.recordFieldRefused(e.label, why), key: e.key) }
        }
        return make(answers)
    }

    /// An edit form: `make` reads each answer changed from how the form opened through
    /// `fields` (the command line's `member set` or `household set` table) and hands the
    /// changes, in form order, to `change`. A fact cannot be set back to unknown. Entries
    /// keyed `FIELD#1`, `FIELD#2` are parts of one answer (`byField`).
    static func editing(_ title: Bilingual, _ entries: [RecordEntry], key: RecordDraft.Key, fields: [RecordField],
                        change: @escaping ([(key: String, value: JSONValue)]) -> RecordChange) -> RecordForm {
        let keys: [String] = entries.map(\.key)
        let opened: [String: String] = Dictionary(entries.map { (e: RecordEntry) -> (String, String) in (e.key, e.initial) },
                                                  uniquingKeysWith: { (a: String, _: String) -> String in a })
        let initial = byField(keys) { opened[$0] ?? "" }
        var order: [String] = []
        for k in keys where !order.contains(fieldKey(k)) { order.append(fieldKey(k)) }
        return RecordForm(title: title, entries: entries, draftKey: key) { (answers: [String: String]) -> Outcome in
            let given = byField(keys) { answers[$0] ?? "" }
            var changes: [(key: String, value: JSONValue)] = []
            for key in order {
                guard let text = given[key], text != initial[key], let field = RecordFields.find(key, in: fields) else { continue }
                guard let value = field.parse(text) else {
                    return .refused(UIText.recordRefused(text, accepted: field.accepted), key: keys.first { fieldKey($0) == key })
                }
                changes.append((key: key, value: value))
            }
            return changes.isEmpty ? .nothing : .change(change(changes))
        }
    }

    /// The field an entry answers: `causes.others#2` is part 2 of `causes.others`.
    static func fieldKey(_ entryKey: String) -> String {
        entryKey.firstIndex(of: "#").map { String(entryKey[..<$0]) } ?? entryKey
    }

    /// The answers by field: the parts of one answer (each a choice, so a list is chosen
    /// one item at a time) are its words written as the command line takes a list
    /// (`RecordFields.listed`).
    static func byField(_ keys: [String], _ text: (String) -> String) -> [String: String] {
        var out: [String: String] = [:]
        var parts: [String: [String]] = [:]
        for key in keys {
            let field = fieldKey(key)
            if field == key { out[key] = text(key) } else { parts[field, default: []].append(text(key)) }
        }
        for (field, words) in parts { out[field] = RecordFields.listed(words.filter { !$0.isEmpty }) }
        return out
    }
}
