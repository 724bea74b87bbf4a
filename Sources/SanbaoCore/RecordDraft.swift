/// A record form being filled in (add a member, a member who left, a member's or the
/// household's facts, a new pairing, a new household), before it is saved: which form,
/// about which household and member, and the answers as typed, by question. Kept on disk
/// as the cadre types, like a `CheckDraft`, so a kill or a flat battery loses nothing.
/// The answers stay the words typed: they are judged only when the form is saved, by the
/// same tables as the command line.
public struct RecordDraft: Hashable, Sendable {
    /// The kinds of record form, one per command they stand for.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case memberAdd = "member_add"
        case memberLeave = "member_leave"
        case memberEdit = "member_edit"
        case householdEdit = "household_edit"
        case pair
        case householdAdd = "household_add"
    }

    /// What a draft is of: one draft per form kind, household and (for a member's form)
    /// member, so a second form of the same thing continues the first.
    public struct Key: Hashable, Sendable {
        public var kind: Kind
        /// Nil for a household not yet in the data.
        public var householdID: String?
        public var memberID: Int?

        public init(_ kind: Kind, householdID: String? = nil, memberID: Int? = nil) {
            self.kind = kind
            self.householdID = householdID
            self.memberID = memberID
        }

        /// The draft's file name: `member_edit.621121103201-0002.3.json`. Anything in an
        /// id that is not a letter, a digit or a hyphen becomes `_`, so an id can never
        /// name a path.
        public var fileName: String {
            var parts = [kind.rawValue]
            if let h = householdID { parts.append(String(h.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" })) }
            if let m = memberID { parts.append(String(m)) }
            return parts.joined(separator: ".") + ".json"
        }
    }

    public var key: Key
    /// Question key (`name`, `housing.grade`) → the answer as typed or chosen.
    public var answers: [String: String]

    public init(key: Key, answers: [String: String]) {
        self.key = key
        self.answers = answers
    }
}

extension RecordDraft: Codable {
    enum CodingKeys: String, CodingKey {
        case kind
        case householdID = "household_id"
        case memberID = "member_id"
        case answers
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = Key(try c.decode(Kind.self, forKey: .kind), householdID: try c.decodeIfPresent(String.self, forKey: .householdID),
                  memberID: try c.decodeIfPresent(Int.self, forKey: .memberID))
        answers = try c.decode([String: String].self, forKey: .answers)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key.kind, forKey: .kind)
        try c.encodeIfPresent(key.householdID, forKey: .householdID)
        try c.encodeIfPresent(key.memberID, forKey: .memberID)
        try c.encode(answers, forKey: .answers)
    }
}
