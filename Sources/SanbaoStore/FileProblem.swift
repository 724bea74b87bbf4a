import SanbaoCore

/// Something wrong with a file in the data directory, located as precisely as the
/// damage allows: file, line (and column for syntax errors), JSON path inside the record.
public struct FileProblem: Hashable, Sendable, CustomStringConvertible {
    public var severity: DataProblem.Severity
    /// Path relative to the data directory.
    public var file: String
    public var line: Int?
    public var column: Int?
    public var path: String?
    public var message: Bilingual

    public init(_ severity: DataProblem.Severity = .error, file: String, line: Int? = nil,
                column: Int? = nil, path: String? = nil, _ message: Bilingual) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`, the form editors and grep understand.
    public func text(_ language: Language) -> String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        s += ": "
        if severity == .warning { s += language == .zh ? "警告: " : "warning: " }
        if let path, path != "$" { s += path + ": " }
        return s + message.text(language)
    }

    public var description: String { text(.en) }
}
