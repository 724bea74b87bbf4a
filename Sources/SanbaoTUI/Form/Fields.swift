import SanbaoCore

/// Helpers to build common kinds of fields.
enum Fields {
    static let yesNo = [UIText.unknown, UIText.yes, UIText.no]

    static func bool(_ label: Bilingual, get: @escaping (CheckDraft) -> Bool?, set: @escaping (inout CheckDraft, Bool?) -> Void) -> FormField {
        FormField(label: label, kind: .choice(yesNo, get: { d in get(d).map { $0 ? 1 : 2 } ?? 0 },
                                               set: { d, i in set(&d, i == 0 ? nil : i == 1) }))
    }

    static func pick<T: Labelled & Equatable>(_ label: Bilingual, _ cases: [T], allowNone: Bool = true,
                                              none: Bilingual = UIText.unknown,
                                              get: @escaping (CheckDraft) -> T?, set: @escaping (inout CheckDraft, T?) -> Void) -> FormField {
        let options = (allowNone ? [none] : []) + cases.map(\.label)
        let offset = allowNone ? 1 : 0
        return FormField(label: label, kind: .choice(options, get: { d in get(d).flatMap { v in cases.firstIndex(of: v) }.map { $0 + offset } ?? 0 },
                                                        set: { d, i in set(&d, i < offset ? nil : cases[i - offset]) }))
    }
}
