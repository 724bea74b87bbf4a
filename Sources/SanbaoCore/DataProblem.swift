/// One thing wrong with stored data, located by a JSON path inside its record
/// (`$.members[1].id_number`). The store adds the file and line.
public struct DataProblem: Hashable, Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// The record this is about (household or check id), when known.
    public var record: String?
    public var path: String
    public var message: Bilingual

    public init(_ severity: Severity = .error, record: String? = nil, path: String, _ message: Bilingual) {
        self.severity = severity
        self.record = record
        self.path = path
        self.message = message
    }
}
