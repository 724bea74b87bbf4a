import SanbaoCore
import SanbaoExport

/// A rectangle of the canvas a screen may draw in.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int
}

/// What a screen asks the app to do after a key. Screens never do I/O or touch other
/// screens; they return effects and the app carries them out.
public enum Effect {
    case push(any Screen)
    case pop
    case quit
    case status(Bilingual)
    case error(Bilingual)
    /// Ask a yes/no question; on yes, carry out the effects.
    case confirm(Bilingual, [Effect])
    /// Save a check through the store; the form learns the result through `didSave`.
    case save(CheckDraft)
    /// Keep the unsaved form on disk so a crash or kill does not lose it.
    case keepDraft(CheckDraft)
    case dropDraft(householdID: String)
    /// Quit, asking first when some screen has unsaved input.
    case confirmQuit
    /// Open the export screen (the app knows the working directory).
    case openExport
    /// Write the summary file; asks first when the file exists, unless `overwrite`.
    case export(ExportFormat, path: String, overwrite: Bool)
    /// Open the roster intake screen (the app knows the working directory).
    case openIntake
    /// Read a roster file and show what taking it in would change; writes nothing.
    case previewIntake(path: String)
    /// Take the roster in through the store, then show the new roster.
    case takeIn(path: String)
}

/// One screen: state, a pure render, and commands that return effects. A screen never
/// sees a key: `handle` looks the key up in the key table for the screen's context, so
/// no key acts that the table (and so help, footer and guides) does not name.
public protocol Screen {
    var context: KeyContext { get }
    /// When true, printable keys go to the screen as text instead of through the key table.
    var isEditingText: Bool { get }
    /// True when leaving would lose unsaved input.
    var isDirty: Bool { get }
    /// Called before `render` with the area it will get, so scrolling can follow the size.
    mutating func layout(_ area: Rect)
    func render(into canvas: inout Canvas, area: Rect, model: Model)
    /// Carries out a command of this screen's key context (or its fallbacks).
    mutating func perform(_ command: Command, model: Model) -> [Effect]
    /// A printable character typed while `isEditingText`.
    mutating func type(_ character: Character, model: Model) -> [Effect]
    /// Why `command` would do nothing now, or nil when it would act. The footer leaves
    /// such a hint out, and its key says why instead of doing nothing (lazygit's
    /// disabled reason).
    func unavailable(_ command: Command, model: Model) -> Bilingual?
    /// Called after the data changed (a check was saved): refresh derived state.
    mutating func modelChanged(_ model: Model)
}

extension Screen {
    public var isEditingText: Bool { false }
    public var isDirty: Bool { false }
    public mutating func modelChanged(_ model: Model) {}
    public mutating func layout(_ area: Rect) {}
    public mutating func type(_ character: Character, model: Model) -> [Effect] { [] }
    public func unavailable(_ command: Command, model: Model) -> Bilingual? { nil }

    /// A key through the key table: a command of this screen's context, or a character
    /// typed into its text. A key the table does not bind here does nothing.
    public mutating func handle(_ key: Key, model: Model) -> [Effect] {
        if let command = model.keys.command(for: key, in: context, typing: isEditingText) {
            if let why = unavailable(command, model: model) { return [.status(why)] }
            return perform(command, model: model)
        }
        if isEditingText, case .character(let c) = key { return type(c, model: model) }
        return []
    }

    /// The footer's hints for this screen now: only what its keys would do.
    public func hints(_ model: Model, width: Int) -> String {
        model.keys.hints(for: context, model.language, typing: isEditingText, width: width) { unavailable($0, model: model) == nil }
    }
}

/// A cursor over a list taller than its window: the selected index and the first
/// visible line, kept consistent on every move.
public struct ListCursor: Sendable, Equatable {
    public var selected = 0
    public var top = 0

    public mutating func apply(_ command: Command, count: Int, height: Int) -> Bool {
        switch command {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= max(1, height - 1)
        case .pageDown: selected += max(1, height - 1)
        case .top: selected = 0
        case .bottom: selected = count - 1
        default: return false
        }
        clamp(count: count, height: height)
        return true
    }

    public mutating func clamp(count: Int, height: Int) {
        selected = max(0, min(selected, count - 1))
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, count - height)))
    }
}

/// A one-line text field edited by whole characters; the cursor moves over a CJK
/// character in one step and it counts two cells wide.
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Types `c` at the cursor; false for what a terminal cannot show.
    public mutating func insert(_ c: Character) -> Bool {
        guard DisplayWidth.isPrintable(c) else { return false }
        characters.insert(c, at: cursor)
        cursor += 1
        return true
    }

    /// Applies an editing command (the key table's `text` context); false for any other.
    public mutating func edit(_ command: Command) -> Bool {
        switch command {
        case .deleteBackward:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .lineStart: cursor = 0
        case .lineEnd: cursor = characters.count
        case .deleteToStart: characters.removeFirst(cursor); cursor = 0
        default: return false
        }
        return true
    }

    /// A key as the text context reads it: a character typed, or an editing command.
    public mutating func edit(_ key: Key, keys: KeyTable = .standard) -> Bool {
        if case .character(let c) = key { return insert(c) }
        guard let command = keys.bindings.first(where: { $0.context == .text && $0.keys.contains(key) })?.command else { return false }
        return edit(command)
    }

    /// Draws the field in `width` cells, scrolled so the cursor shows; returns the
    /// cursor's cell column relative to the field.
    @discardableResult
    public func render(into canvas: inout Canvas, row: Int, column: Int, width: Int, style: Style) -> Int {
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursor])) >= width && start < cursor { start += 1 }
        let visible = String(characters[start...])
        canvas.fill(row: row, column: column, width: width, style: style)
        canvas.put(visible, row: row, column: column, width: width, style: style)
        return DisplayWidth.of(String(characters[start..<cursor]))
    }
}
