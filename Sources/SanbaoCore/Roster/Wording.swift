/// How people write the values of one vocabulary: the national system's wordings (and
/// older or regional ones), the Chinese labels, and the English file words, all mapped to
/// one domain value. Used wherever a person types or a foreign file brings a value: the
/// roster intake, and the command line.
public struct Wording<Value: Hashable & Sendable>: Sendable {
    /// The wording Sanbao writes for each value (a roster export), first of its list.
    public let written: [Value: String]
    /// Every accepted wording, normalised, to its value.
    let table: [String: Value]
    /// The wordings to name when a value is refused, in table order.
    public let accepted: [String]

    /// `rows`: each value with its wordings, the one Sanbao writes first.
    public init(_ rows: [(Value, [String])]) {
        var written: [Value: String] = [:]
        var table: [String: Value] = [:]
        var accepted: [String] = []
        for (value, words) in rows {
            if written[value] == nil { written[value] = words[0] }
            for w in words {
                table[Self.normalized(w)] = value
                accepted.append(w)
            }
        }
        self.written = written
        self.table = table
        self.accepted = accepted
    }

    /// The value `text` means, or nil when it is no accepted wording.
    public func value(_ text: String) -> Value? { table[text] ?? table[Self.normalized(text)] }

    /// What Sanbao writes for `value`.
    public func word(_ value: Value) -> String { written[value] ?? "" }

    /// Blanks dropped (ASCII and full-width), brackets made ASCII, letters lower-case.
    static func normalized(_ text: String) -> String { RosterColumn.normalized(text) }
}

extension Wording where Value: Labelled & RawRepresentable, Value.RawValue == String, Value: CaseIterable {
    /// `rows` first, then each value's Chinese label and its English file word.
    init(extending rows: [(Value, [String])]) {
        var all = rows
        for v in Value.allCases { all.append((v, [v.label.zh, v.rawValue, v.label.en])) }
        self.init(all)
    }
}
