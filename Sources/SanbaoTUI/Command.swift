import SanbaoCore

/// Every user intent is a named command. Keys map to commands through `KeyTable`; the
/// help screen and the footer hints are generated from the same table.
public enum Command: String, CaseIterable, Sendable {
    case help, quit, back, interrupt
    case up, down, pageUp, pageDown, top, bottom
    case open, search, browseMatches, clearSearch, sort, reverse, filterIndicator, filterOverdue, filterMonitoring, filterPlace, clearFilters
    case newCheck, dashboard, revealIDs, export, intake, previewIntake, takeIn
    case nextField, previousField, nextPage, previousPage, increase, decrease, toggle, save

    /// What the command does, for the help screen (from the catalog).
    public var help: Bilingual { UIText.help(self) }
}

/// Where a key binding applies.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, list, roster, search, household, form, dashboard, intake, intakePreview

    /// The heading on the help screen (from the catalog).
    public var title: Bilingual { UIText.title(self) }
}

/// One key bound to one command in one context.
public struct Binding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var context: KeyContext
    /// Shown in the footer of screens of this context.
    public var hint: Bool
    /// How many of `keys` the footer names ("PgDn/Ctrl-N"): alternatives for terminals
    /// that do not send the first.
    public var hintKeys = 1
}

/// The key bindings, as data. Screens look commands up here; help and hints are made
/// from it, so a key cannot exist without its help text.
public struct KeyTable: Sendable {
    public var bindings: [Binding]

    public static let standard = KeyTable(bindings: [
        Binding(keys: [.character("?"), .function(1)], command: .help, context: .global, hint: true),
        Binding(keys: [.escape], command: .back, context: .global, hint: false),
        Binding(keys: [.control("c")], command: .interrupt, context: .global, hint: false),
        Binding(keys: [.up, .character("k")], command: .up, context: .list, hint: false),
        Binding(keys: [.down, .character("j")], command: .down, context: .list, hint: false),
        Binding(keys: [.pageUp, .control("b")], command: .pageUp, context: .list, hint: false),
        Binding(keys: [.pageDown, .control("f"), .character(" ")], command: .pageDown, context: .list, hint: false),
        Binding(keys: [.home, .character("g")], command: .top, context: .list, hint: false),
        Binding(keys: [.end, .character("G")], command: .bottom, context: .list, hint: false),
        Binding(keys: [.enter], command: .open, context: .roster, hint: true),
        Binding(keys: [.character("/")], command: .search, context: .roster, hint: true),
        Binding(keys: [.character("n")], command: .newCheck, context: .roster, hint: true),
        Binding(keys: [.character("f")], command: .filterIndicator, context: .roster, hint: true),
        Binding(keys: [.character("o")], command: .filterOverdue, context: .roster, hint: false),
        Binding(keys: [.character("m")], command: .filterMonitoring, context: .roster, hint: false),
        Binding(keys: [.character("v")], command: .filterPlace, context: .roster, hint: false),
        Binding(keys: [.character("x")], command: .clearFilters, context: .roster, hint: false),
        Binding(keys: [.character("s")], command: .sort, context: .roster, hint: true),
        Binding(keys: [.character("r")], command: .reverse, context: .roster, hint: false),
        Binding(keys: [.character("d")], command: .dashboard, context: .roster, hint: true),
        Binding(keys: [.character("e")], command: .export, context: .roster, hint: true),
        Binding(keys: [.character("i")], command: .intake, context: .roster, hint: false),
        Binding(keys: [.character("q")], command: .quit, context: .roster, hint: true),
        Binding(keys: [.enter], command: .open, context: .search, hint: true),
        Binding(keys: [.down, .up], command: .browseMatches, context: .search, hint: true, hintKeys: 2),
        Binding(keys: [.escape], command: .clearSearch, context: .search, hint: true),
        Binding(keys: [.enter], command: .open, context: .household, hint: true),
        Binding(keys: [.character("n")], command: .newCheck, context: .household, hint: true),
        Binding(keys: [.character("i")], command: .revealIDs, context: .household, hint: true),
        Binding(keys: [.character("q")], command: .back, context: .household, hint: true),
        Binding(keys: [.down, .tab, .enter], command: .nextField, context: .form, hint: false),
        Binding(keys: [.up, .backTab], command: .previousField, context: .form, hint: false),
        Binding(keys: [.pageDown, .control("n")], command: .nextPage, context: .form, hint: true, hintKeys: 2),
        Binding(keys: [.pageUp, .control("p")], command: .previousPage, context: .form, hint: true, hintKeys: 2),
        Binding(keys: [.right], command: .increase, context: .form, hint: false),
        Binding(keys: [.left], command: .decrease, context: .form, hint: false),
        Binding(keys: [.character(" ")], command: .toggle, context: .form, hint: false),
        Binding(keys: [.function(10), .control("s")], command: .save, context: .form, hint: true, hintKeys: 2),
        Binding(keys: [.character("e")], command: .export, context: .dashboard, hint: true),
        Binding(keys: [.character("q")], command: .back, context: .dashboard, hint: true),
        Binding(keys: [.enter], command: .previewIntake, context: .intake, hint: true),
        Binding(keys: [.function(10), .control("s")], command: .takeIn, context: .intakePreview, hint: true),
    ])

    /// The command for `key` in `context`, falling back to list and global bindings.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        let order: [KeyContext] = switch context {
        case .form: [.form, .global]
        case .search: [.search]
        default: [context, .list, .global]
        }
        for c in order {
            if let b = bindings.first(where: { $0.context == c && $0.keys.contains(key) }) { return b.command }
        }
        return nil
    }

    /// The footer line for a context: "Enter open  / search …". While text is typed,
    /// printable keys are text, so a key is named by its first non-printable alternative
    /// ("F1 help", not "? help").
    ///
    /// When they do not all fit in `width` cells, hints are left out from the end, except
    /// help and the way out (quit, back), which always show.
    public func hints(for context: KeyContext, _ language: Language, typing: Bool = false, width: Int = .max) -> String {
        let shown = bindings.filter { ($0.context == context || $0.context == .global) && $0.hint }
        var items = shown.compactMap { b -> (text: String, essential: Bool)? in
            let keys = typing ? b.keys.filter { if case .character = $0 { false } else { true } } : b.keys
            guard !keys.isEmpty else { return nil }
            let text = keys.prefix(b.hintKeys).map(\.name).joined(separator: "/") + " " + Self.short(b.command).text(language)
            return (text, [.help, .quit, .back].contains(b.command))
        }
        func line() -> String { items.map(\.text).joined(separator: "  ") }
        while DisplayWidth.of(line()) > width, let drop = items.lastIndex(where: { !$0.essential }) {
            items.remove(at: drop)
        }
        return line()
    }

    /// Short names for the footer (from the catalog).
    static func short(_ c: Command) -> Bilingual { UIText.hint(c) }
}
