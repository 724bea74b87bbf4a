/// How a member came into the household (人口自然变更：增加), with the date.
public enum JoinReason: String, CaseIterable, Codable, Sendable, Labelled {
    case born
    case marriedIn = "married_in"
    case movedIn = "moved_in"
    case other

    public var label: Bilingual {
        switch self {
        case .born: Bilingual(zh: "新生", en: "born")
        case .marriedIn: Bilingual(zh: "娶入", en: "married in")
        case .movedIn: Bilingual(zh: "迁入", en: "moved in")
        case .other: Bilingual(zh: "其他增加", en: "joined (other)")
        }
    }
}

/// Why a member left the household (人口自然变更：减少). A member who left is never
/// deleted: the record stays, and from the date on counts in no rule or figure.
public enum LeaveReason: String, CaseIterable, Codable, Sendable, Labelled {
    case died
    case movedAway = "moved_away"
    case marriedOut = "married_out"
    case army
    case prison
    case other

    public var label: Bilingual {
        switch self {
        case .died: Bilingual(zh: "死亡", en: "died")
        case .movedAway: Bilingual(zh: "迁出", en: "moved away")
        case .marriedOut: Bilingual(zh: "嫁出", en: "married out")
        case .army: Bilingual(zh: "参军", en: "joined the army")
        case .prison: Bilingual(zh: "服刑", en: "in prison")
        case .other: Bilingual(zh: "其他减少", en: "left (other)")
        }
    }
}

/// A join or a leave: the reason and the day it took effect.
public struct MemberChange<Reason: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var reason: Reason
    public var date: LocalDate

    public init(reason: Reason, date: LocalDate) {
        self.reason = reason
        self.date = date
    }
}

extension Member {
    /// Whether the member belongs to the household on `date`: joined by then (or always
    /// there) and not yet left. Only present members count in rules and head counts.
    public func isPresent(on date: LocalDate) -> Bool {
        if let j = joined, j.date > date { return false }
        if let l = left, l.date <= date { return false }
        return true
    }
}

extension Household {
    /// The household as it stands on `date`: members who left by then, or join later,
    /// taken out. The same value when everyone is present (the usual case), so no copy.
    public func present(on date: LocalDate) -> Household {
        guard members.contains(where: { !$0.isPresent(on: date) }) else { return self }
        var h = self
        h.members.removeAll { !$0.isPresent(on: date) }
        return h
    }

    /// The head present on `date` other than member `memberID`: whose relation must change
    /// in the same edit when that member becomes head (one head, never two). Nil when the
    /// head has left (then the new head alone is enough) or is that member.
    public func otherHead(than memberID: Int, on date: LocalDate) -> Member? {
        present(on: date).members.first { $0.relation == .head && $0.id != memberID }
    }

    /// Members who left by `date`, for the household screen's 已减少人员.
    public func departed(by date: LocalDate) -> [Member] {
        members.filter { $0.left.map { $0.date <= date } ?? false }
    }
}
