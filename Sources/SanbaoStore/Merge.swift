import Foundation
import SanbaoCore

/// What importing a bundle adds to a data directory. Computed first, in memory, and
/// checked as a whole; only then written. Nothing is ever removed or replaced: the
/// merge is a union of records, so importing twice changes nothing.
public struct MergePlan: Sendable {
    public var cadres: [Cadre] = []
    public var households: [Household] = []
    public var checks: [Check] = []
    public var edits: [HouseholdEdit] = []
    /// Things kept as they were here, for the user to know (e.g. a cadre differing).
    public var notes: [Bilingual] = []

    public var isEmpty: Bool { cadres.isEmpty && households.isEmpty && checks.isEmpty && edits.isEmpty }

    /// Plans the import of `bundle` (called `name` in messages) into a directory holding
    /// `bases` (registration records), `dataset` and belonging to `deviceID`.
    public init(bundle: Bundle, name: String, bases: [Household], dataset: Dataset, deviceID: String) throws {
        let localCadres = Dictionary(dataset.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for c in bundle.cadres {
            if let mine = localCadres[c.id] {
                if mine != c {
                    notes.append(Bilingual(zh: "干部 \(c.id) 的资料与本机不同，保留本机资料", en: "cadre \(c.id) differs from the one here; kept this device's"))
                }
            } else if !cadres.contains(where: { $0.id == c.id }) {
                cadres.append(c)
            }
        }
        let localBases = Dictionary(bases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Sets of what is known or planned already: a bundle of a county is 200,000
        // households and 800,000 checks, so no search of a list per record.
        var knownEdits = Set(dataset.edits.map(\.id))
        var newHouseholds = Set<String>()
        var clashes: [IdentityClash] = []
        for h in bundle.households {
            guard let mine = localBases[h.id] else {
                if newHouseholds.insert(h.id).inserted { households.append(h) }
                continue
            }
            if mine != h {
                // Identity first: two families under one id are refused, never mixed.
                if let clash = IdentityClash.between(mine, h) { clashes.append(clash); continue }
                for e in try Self.baseConflictEdits(mine: mine, theirs: h, myDevice: deviceID, theirDevice: bundle.deviceID)
                where knownEdits.insert(e.id).inserted {
                    edits.append(e)
                }
            }
        }
        var knownChecks = Set(dataset.checks.map(\.id))
        for c in bundle.checks where knownChecks.insert(c.id).inserted {
            checks.append(c)
        }
        let current = Dictionary(dataset.households.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for e in bundle.edits where knownEdits.insert(e.id).inserted {
            if let clash = Self.memberClash(e, current: current[e.householdID]) { clashes.append(clash) }
            edits.append(e)
        }
        if !clashes.isEmpty { throw StoreError.identityClash(name, clashes) }
    }

    /// An edit adding a whole member under an id that names another person here.
    static func memberClash(_ e: HouseholdEdit, current: Household?) -> IdentityClash? {
        guard let current, let (_, key) = HouseholdEdit.memberField(e.field), key == nil, e.value != .null,
              let data = try? JSONCoding.encoder().encode(e.value),
              let member = try? JSONCoding.decoder().decode(Member.self, from: data) else { return nil }
        return IdentityClash.between(current, member: member)
    }

    /// Two registration records of one household that differ: each differing field
    /// becomes a pair of competing edits, one per side, so the difference is listed as
    /// a conflict instead of one side silently winning. Ids are derived from content,
    /// so the other device, importing the mirror bundle, creates the very same pair.
    static func baseConflictEdits(mine: Household, theirs: Household, myDevice: String,
                                  theirDevice: String) throws -> [HouseholdEdit] {
        let a = try HouseholdPatcher.toJSON(mine)
        let b = try HouseholdPatcher.toJSON(theirs)
        var out: [HouseholdEdit] = []
        for field in Self.fields(a, b) {
            let va = HouseholdPatcher.get(field, in: a) ?? .null
            let vb = HouseholdPatcher.get(field, in: b) ?? .null
            guard va != vb else { continue }
            // A member on one side only joined there (members are never removed): one
            // edit adds them, made alike on both devices. Not a conflict with "nobody".
            let sides = HouseholdEdit.memberField(field)?.1 == nil && (va == .null || vb == .null)
                ? [(va == .null ? theirDevice : myDevice, va == .null ? vb : va)]
                : [(myDevice, va), (theirDevice, vb)]
            for (device, value) in sides {
                let key = try JSONCoding.encoder().encode([mine.id, field, device]) + JSONCoding.encoder().encode(value)
                out.append(HouseholdEdit(id: "base-" + StableHash.hex(key), householdID: mine.id, field: field,
                                         value: value, parents: [], deviceID: device, recordedAt: "0000-00-00T00:00:00Z"))
            }
        }
        return out
    }

    /// Editable fields present in either record: top-level fields and per-member fields.
    static func fields(_ a: JSONValue, _ b: JSONValue) -> [String] {
        var out: Set<String> = []
        for j in [a, b] {
            guard case .object(let o) = j else { continue }
            for k in o.keys where k != "id" && k != "members" { out.insert(k) }
            guard case .array(let members)? = o["members"] else { continue }
            for m in members {
                guard case .number(let n)? = m["id"], case .object(let mo) = m else { continue }
                for k in mo.keys where k != "id" { out.insert("members[\(Int(n))].\(k)") }
            }
        }
        // A member present on one side only is one whole-member field, not many.
        func memberIDs(_ j: JSONValue) -> Set<Int> {
            guard case .array(let ms)? = j["members"] else { return [] }
            return Set(ms.compactMap { if case .number(let n)? = $0["id"] { Int(n) } else { nil } })
        }
        let onlyOne = memberIDs(a).symmetricDifference(memberIDs(b))
        out = out.filter { f in HouseholdEdit.memberField(f).map { !onlyOne.contains($0.0) } ?? true }
        for id in onlyOne { out.insert("members[\(id)]") }
        return out.sorted()
    }
}
