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
