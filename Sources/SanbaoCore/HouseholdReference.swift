/// What a cadre types to name a household on the command line: the full id
/// (621121103201-0004), the 户编号 (6211211032010004), or the end of either (0004, 4)
/// as it is said aloud in the village. A shortened form is taken only when it names one
/// household; otherwise the candidates are given back so the caller can list them.
public enum HouseholdReference: Equatable, Sendable {
    case one(Household)
    case none
    case many([Household])

    public init(_ typed: String, in households: [Household]) {
        let ref = String(typed.trimmingBlanks)
        // An exact id or number wins even when it is also the end of another's.
        if let h = households.first(where: { $0.id == ref }) ?? households.first(where: { $0.number == ref }) {
            self = .one(h)
            return
        }
        guard !ref.isEmpty else { self = .none; return }
        let found = households.filter { Self.endsWith($0, ref) }
        switch found.count {
        case 0: self = .none
        case 1: self = .one(found[0])
        default: self = .many(found.sorted { $0.id < $1.id })
        }
    }

    /// The end of the id after the village code, or the end of the 户编号; whole digits
    /// only after a separator, so "4" names 0004 but not 0014 when the id part is compared.
    static func endsWith(_ h: Household, _ ref: String) -> Bool {
        if let dash = h.id.lastIndex(of: "-") {
            let tail = h.id[h.id.index(after: dash)...]
            if tail == ref || Self.sameNumber(String(tail), ref) { return true }
        }
        return ref.count >= 2 && h.number.hasSuffix(ref)
    }

    /// "4" and "0004" are the same household number; "04" too.
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        guard let x = Int(a), let y = Int(b), a.allSatisfy(\.isASCII), b.allSatisfy(\.isASCII) else { return false }
        return x == y
    }
}
