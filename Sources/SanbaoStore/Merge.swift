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
        var newCadres = Set<String>()
        for c in bundle.cadres {
            if let mine = localCadres[c.id] {
                if mine != c {
                    notes.append(Bilingual(zh: "干部 \(c.id) 的资料与本机不同，保留本机资料", en: "cadre \(c.id) differs from the one here; kept this device's"))
                }
            } else if newCadres.insert(c.id).inserted {
                cadres.append(c)
            }
        }
        let localBases = Dictionary(bases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Sets of what is known or planned already: a bundle of a county is 200,000
        // households and 800,000 checks, so no search of a list per record.
        var knownEdits = Set(dataset.edits.map(\.id))
        var newHouseholds: [String: Int] = [:]
        var taken: [Int] = []
        var clashes: [IdentityClash] = []
        for (k, h) in bundle.households.enumerated() {
            guard let mine = localBases[h.id] else {
                if let first = newHouseholds.updateValue(k, forKey: h.id) {
                    newHouseholds[h.id] = first
                    if bundle.households[first] != h { throw Self.twice(name, Bilingual(zh: "户 \(h.id)", en: "household \(h.id)")) }
                } else {
                    taken.append(k)
                }
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
        households = Self.taking(taken, of: bundle.households)
        checks = Self.taking(try Self.newChecks(bundle, here: dataset, name: name), of: bundle.checks)
        let current = Dictionary(dataset.households.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for e in bundle.edits where knownEdits.insert(e.id).inserted {
            if let clash = Self.memberClash(e, current: current[e.householdID]) { clashes.append(clash) }
            edits.append(e)
        }
        if !clashes.isEmpty { throw StoreError.identityClash(name, clashes) }
    }

    /// The records at `positions` (ascending) of `records`: the array itself, shared and
    /// not copied, when that is all of them — a county's bundle into an empty directory.
    static func taking<R>(_ positions: [Int], of records: [R]) -> [R] {
        positions.count == records.count ? records : positions.map { records[$0] }
    }

    /// Where the bundle's checks not here yet are, each id once. Checks and edits are never
    /// changed once written (a correction is a new check, a change a new edit), so one id
    /// with two contents — in the bundle twice, or in the bundle and here — is damage or
    /// forgery: refused (65), never one side dropped.
    static func newChecks(_ bundle: Bundle, here dataset: Dataset, name: String) throws -> [Int] {
        // Where each id is first in the bundle, as positions: a county's bundle holds
        // 800,000 checks, and a dictionary of the checks themselves copied each one.
        let checkAt = try firstPositions(bundle.checks) { twice(name, Bilingual(zh: "检查 \($0.id)", en: "check \($0.id)")) }
        let editAt = try firstPositions(bundle.edits) { twice(name, Bilingual(zh: "修改 \($0.id)", en: "edit \($0.id)")) }
        var known = [Bool](repeating: false, count: bundle.checks.count)
        for c in dataset.checks {
            guard let k = checkAt[c.id] else { continue }
            if bundle.checks[k] != c { throw changed(name, Bilingual(zh: "检查 \(c.id)", en: "check \(c.id)")) }
            known[k] = true
        }
        for e in dataset.edits where editAt[e.id].map({ bundle.edits[$0] != e }) == true {
            throw changed(name, Bilingual(zh: "修改 \(e.id)", en: "edit \(e.id)"))
        }
        let once = checkAt.count == bundle.checks.count
        return bundle.checks.indices.filter { k in !known[k] && (once || checkAt[bundle.checks[k].id] == k) }
    }

    /// Each id's first position in `records`; `twice` names the error when an id comes
    /// again with other contents.
    static func firstPositions<R: Identifiable & Equatable>(_ records: [R], twice: (R) -> StoreError) throws -> [R.ID: Int] {
        var at: [R.ID: Int] = [:]
        at.reserveCapacity(records.count)
        for (k, r) in records.enumerated() {
            // One lookup for the usual id seen first; the first position put back if not.
            guard let first = at.updateValue(k, forKey: r.id) else { continue }
            at[r.id] = first
            if records[first] != r { throw twice(r) }
        }
        return at
    }

    static func twice(_ name: String, _ what: Bilingual) -> StoreError {
        .refused(Bilingual(zh: "\(name) 中\(what.zh)出现两次且内容不同；数据包已损坏或被改动",
                           en: "\(name) holds \(what.en) twice with different contents; the bundle is damaged or was altered"), code: 65)
    }

    static func changed(_ name: String, _ what: Bilingual) -> StoreError {
        .refused(Bilingual(zh: "\(name) 中的\(what.zh)与本机同编号的记录内容不同；记录写入后从不修改，数据包已损坏或被改动",
                           en: "\(name) holds \(what.en) with other contents than the one here; records never change once written, so the bundle is damaged or was altered"), code: 65)
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
