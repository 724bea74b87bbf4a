import SanbaoCore

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
