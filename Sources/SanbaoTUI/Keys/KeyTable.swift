import SanbaoCore
import SanbaoText

/// The key bindings, as data. Screens look commands up here; help and hints are made
/// from it, so a key cannot exist without its help text.
public struct KeyTable: Sendable {
    public var bindings: [Binding]

    public static let standard = KeyTable(bindings: [
        Binding(keys: [.character("?"), .function(1)], command: .help, context: .global, hint: true),
        Binding(keys: [.escape], command: .back, context: .global, hint: false),
        Binding(keys: [.control("c")], command: .interrupt, context: .global, hint: false),
        Binding(keys: [.character("y"), .character("Y")], command: .yes, context: .question, hint: true),
        Binding(keys: [.character("n"), .escape, .character("N")], command: .no, context: .question, hint: true, hintKeys: 2),
        Binding(keys: [.up, .character("k")], command: .up, context: .list, hint: false),
        Binding(keys: [.down, .character("j")], command: .down, context: .list, hint: false),
        Binding(keys: [.pageUp, .control("b")], command: .pageUp, context: .list, hint: false),
        Binding(keys: [.pageDown, .control("f"), .character(" ")], command: .pageDown, context: .list, hint: false),
        Binding(keys: [.home, .character("g")], command: .top, context: .list, hint: false),
        Binding(keys: [.end, .character("G")], command: .bottom, context: .list, hint: false),
        Binding(keys: [.backspace], command: .deleteBackward, context: .text, hint: false),
        Binding(keys: [.delete], command: .deleteForward, context: .text, hint: false),
        Binding(keys: [.left], command: .cursorLeft, context: .text, hint: false),
        Binding(keys: [.right], command: .cursorRight, context: .text, hint: false),
        Binding(keys: [.home, .control("a")], command: .lineStart, context: .text, hint: false),
        Binding(keys: [.end, .control("e")], command: .lineEnd, context: .text, hint: false),
        Binding(keys: [.control("u")], command: .deleteToStart, context: .text, hint: false),
        Binding(keys: [.enter], command: .open, context: .roster, hint: true),
        Binding(keys: [.character("/")], command: .search, context: .roster, hint: true),
        Binding(keys: [.character("n")], command: .newCheck, context: .roster, hint: true),
        Binding(keys: [.character("f")], command: .filterIndicator, context: .roster, hint: true),
        Binding(keys: [.character("o")], command: .filterOverdue, context: .roster, hint: false),
        Binding(keys: [.character("m")], command: .filterMonitoring, context: .roster, hint: false),
        Binding(keys: [.character("v")], command: .filterPlace, context: .roster, hint: false),
        Binding(keys: [.character("x")], command: .clearFilters, context: .roster, hint: false),
        Binding(keys: [.character("a")], command: .addHousehold, context: .roster, hint: false),
        Binding(keys: [.character("s")], command: .sort, context: .roster, hint: true),
        Binding(keys: [.character("r")], command: .reverse, context: .roster, hint: false),
        Binding(keys: [.character("d")], command: .dashboard, context: .roster, hint: true),
        Binding(keys: [.character("w")], command: .worklist, context: .roster, hint: false),
        Binding(keys: [.character("e")], command: .export, context: .roster, hint: true),
        Binding(keys: [.character("i")], command: .intake, context: .roster, hint: false),
        Binding(keys: [.character("q")], command: .quit, context: .roster, hint: true),
        Binding(keys: [.enter], command: .open, context: .search, hint: true),
        Binding(keys: [.down], command: .browseDown, context: .search, hint: true),
        Binding(keys: [.up], command: .browseUp, context: .search, hint: true),
        Binding(keys: [.escape], command: .clearSearch, context: .search, hint: true),
        Binding(keys: [.enter], command: .open, context: .household, hint: true),
        Binding(keys: [.character("n")], command: .newCheck, context: .household, hint: true),
        Binding(keys: [.character("i")], command: .revealIDs, context: .household, hint: true),
        Binding(keys: [.character("p")], command: .printPage, context: .household, hint: true),
        Binding(keys: [.character("a")], command: .addMember, context: .household, hint: true),
        Binding(keys: [.character("m")], command: .editMember, context: .household, hint: true),
        Binding(keys: [.character("l")], command: .memberLeaves, context: .household, hint: true),
        Binding(keys: [.character("e")], command: .editHousehold, context: .household, hint: true),
        Binding(keys: [.character("c")], command: .pairCadre, context: .household, hint: false),
        Binding(keys: [.character("q")], command: .back, context: .household, hint: true),
        Binding(keys: [.character("q"), .enter], command: .back, context: .check, hint: true),
        Binding(keys: [.character("q"), .enter], command: .back, context: .indicator, hint: true),
        Binding(keys: [.down, .tab, .enter], command: .nextField, context: .form, hint: false),
        Binding(keys: [.up, .backTab], command: .previousField, context: .form, hint: false),
        Binding(keys: [.pageDown, .control("n")], command: .nextPage, context: .form, hint: true, hintKeys: 2),
        Binding(keys: [.pageUp, .control("p")], command: .previousPage, context: .form, hint: true, hintKeys: 2),
        Binding(keys: [.right], command: .increase, context: .form, hint: false),
        Binding(keys: [.left], command: .decrease, context: .form, hint: false),
        Binding(keys: [.character(" ")], command: .toggle, context: .form, hint: false),
        Binding(keys: [.character("y"), .character("Y")], command: .yes, context: .form, hint: false),
        Binding(keys: [.character("n"), .character("N")], command: .no, context: .form, hint: false),
        Binding(keys: [.function(10), .control("s")], command: .save, context: .form, hint: true, hintKeys: 2),
        Binding(keys: [.down, .tab, .enter], command: .nextField, context: .record, hint: false),
        Binding(keys: [.up, .backTab], command: .previousField, context: .record, hint: false),
        Binding(keys: [.right], command: .increase, context: .record, hint: false),
        Binding(keys: [.left], command: .decrease, context: .record, hint: false),
        Binding(keys: [.character(" ")], command: .toggle, context: .record, hint: false),
        Binding(keys: [.function(10), .control("s")], command: .saveRecord, context: .record, hint: true, hintKeys: 2),
        Binding(keys: [.escape], command: .back, context: .record, hint: true),
        Binding(keys: [.down, .tab], command: .nextField, context: .export, hint: false),
        Binding(keys: [.up, .backTab], command: .previousField, context: .export, hint: false),
        Binding(keys: [.right, .character(" ")], command: .increase, context: .export, hint: false),
        Binding(keys: [.left], command: .decrease, context: .export, hint: false),
        Binding(keys: [.enter, .function(10), .control("s")], command: .export, context: .export, hint: true),
        Binding(keys: [.character("e")], command: .export, context: .dashboard, hint: true),
        Binding(keys: [.character("q")], command: .back, context: .dashboard, hint: true),
        Binding(keys: [.enter], command: .open, context: .worklist, hint: true),
        Binding(keys: [.character("n")], command: .newCheck, context: .worklist, hint: true),
        Binding(keys: [.character("q")], command: .back, context: .worklist, hint: true),
        Binding(keys: [.character("q"), .character("?"), .function(1)], command: .back, context: .help, hint: true),
        Binding(keys: [.enter], command: .previewIntake, context: .intake, hint: true),
        Binding(keys: [.function(10), .control("s")], command: .takeIn, context: .intakePreview, hint: true),
    ])

    /// The command for `key` in `context`, else in its fallbacks. While text is typed
    /// (`typing`), a character is text, never a command, and the text keys come first.
    public func command(for key: Key, in context: KeyContext, typing: Bool = false) -> Command? {
        if typing, case .character = key { return nil }
        for c in (typing ? [.text] : []) + [context] + context.fallbacks {
            if let b = bindings.first(where: { $0.context == c && $0.keys.contains(key) }) { return b.command }
        }
        return nil
    }

    /// The footer line for a context: "Enter open  / search …". While text is typed,
    /// printable keys are text, so a key is named by its first non-printable alternative
    /// ("F1 help", not "? help"). A hint shows only when its key does that command here
    /// (the help screen's `?` closes it, so "? help" is not offered there) and the screen
    /// can do it now (`available`); neighbours with the same name share it ("Down/Up choose").
    ///
    /// When they do not all fit in `width` cells, hints are left out from the end, except
    /// help and the way out (quit, back), which always show.
    public func hints(for context: KeyContext, _ language: Language, typing: Bool = false, width: Int = .max,
                      available: (Command) -> Bool = { _ in true }) -> String {
        let chain = Set((typing ? [.text] : []) + [context] + context.fallbacks)
        var items: [(keys: String, name: String, essential: Bool)] = []
        for b in bindings where b.hint && chain.contains(b.context) && available(b.command) {
            let keys = typing ? b.keys.filter { if case .character = $0 { false } else { true } } : b.keys
            guard let first = keys.first, command(for: first, in: context, typing: typing) == b.command else { continue }
            let named = keys.prefix(b.hintKeys).map(\.name).joined(separator: "/")
            let name = Self.short(b.command).text(language)
            if let last = items.last, last.name == name {
                items[items.count - 1].keys += "/" + named
            } else {
                items.append((named, name, [.help, .quit, .back].contains(b.command)))
            }
        }
        func line() -> String { items.map { $0.keys + " " + $0.name }.joined(separator: "  ") }
        while DisplayWidth.of(line()) > width, let drop = items.lastIndex(where: { !$0.essential }) {
            items.remove(at: drop)
        }
        return line()
    }

    /// Short names for the footer (from the catalog).
    static func short(_ c: Command) -> Bilingual { UIText.hint(c) }
}
