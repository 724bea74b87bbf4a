import SanbaoCore

/// Where a key binding applies: every screen has its own, and so has the yes/no question.
/// A few shared ones (`global`, `list`, `text`) are what several screens fall back to.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, list, text, question
    case roster, search, household, check, indicator, form, record, export, dashboard, worklist, help, intake, intakePreview

    /// The heading on the help screen (from the catalog).
    public var title: Bilingual { UIText.title(self) }

    /// Where a key this context does not bind is looked up next, in order. While a
    /// question waits only its answers act; screens that scroll take the list keys.
    public var fallbacks: [KeyContext] {
        switch self {
        case .global, .question: []
        case .list, .text, .search, .form, .record, .export, .intake: [.global]
        case .roster, .household, .check, .indicator, .dashboard, .worklist, .help, .intakePreview: [.list, .global]
        }
    }
}
