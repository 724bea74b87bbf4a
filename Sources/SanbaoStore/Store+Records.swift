import Foundation
import SanbaoCore

/// Keeping a family's record current: members who join or leave, new households, new
/// cadres and pairings. Each is an edit (or, for a new household or cadre, a one-record
/// bundle) going through the same validation and merge as everything else, so it is
/// durable when it returns, merges field by field between devices and shows in history.
extension Store {
    /// Adds `member` to a household from `joined`'s date (nil: registered with it). Its
    /// id is made from who the member is (`NewID.member`), never the next free number.
    /// Returns the member as stored.
    @discardableResult
    public func addMember(_ member: Member, to householdID: String, joined: MemberChange<JoinReason>?,
                          cadreID: String? = nil) throws -> Member {
        try readEverything()
        guard let h = dataset.household(householdID) else { throw StoreError.refused(Bilingual(zh: "没有户 \(householdID)", en: "unknown household \(householdID)"), code: 65) }
        var m = member
        m.id = NewID.member(for: member, in: h)
        m.joined = joined
        m.left = nil
        if let same = h.members.first(where: { $0.isSamePerson(as: m) && $0.left == nil }) {
            throw StoreError.refused(Bilingual(zh: "\(householdID)：\(same.identityLabel) 已是本户成员", en: "\(householdID): \(same.identityLabel) is already a member"), code: 65)
        }
        try edit(householdID: householdID, field: "members[\(m.id)]", value: try JSONValue.of(m), cadreID: cadreID)
        return m
    }

    /// Records that a member left on `change.date` for `change.reason`. The member stays
    /// in the record; from that date they count in no rule or figure.
    public func memberLeaves(_ memberID: Int, householdID: String, change: MemberChange<LeaveReason>,
                             cadreID: String? = nil) throws {
        try edit(householdID: householdID, field: "members[\(memberID)].left", value: try JSONValue.of(change), cadreID: cadreID)
    }

    /// Adds a household that is not in the data, under an id made from its head
    /// (`NewID.household`). Validated and written like an import, all or nothing.
    @discardableResult
    public func addHousehold(_ household: Household, today: LocalDate) throws -> Household {
        try readEverything()
        var h = household
        if let head = h.head { h.id = NewID.household(headedBy: head, village: h.address.villageCode) }
        if dataset.household(h.id) != nil {
            throw StoreError.refused(Bilingual(zh: "\(h.id)：这一户（\(h.identityLabel.zh)）已在数据中", en: "\(h.id): this household (\(h.identityLabel.en)) is already in the data"), code: 65)
        }
        try mergeOwn(Bundle(deviceID: deviceID, created: now(), cadres: [], households: [h], checks: [], edits: []),
                     name: h.id, today: today)
        return h
    }

    /// Adds a cadre (id from name and unit, `NewID.cadre`); refused if one with that
    /// name and unit is here.
    @discardableResult
    public func addCadre(_ cadre: Cadre, today: LocalDate) throws -> Cadre {
        try readEverything()
        var c = cadre
        c.id = NewID.cadre(name: c.name, unit: c.unit)
        if dataset.cadres.contains(where: { $0.id == c.id }) {
            throw StoreError.refused(Bilingual(zh: "干部 \(c.name)（\(c.unit)）已在数据中", en: "cadre \(c.name) (\(c.unit)) is already in the data"), code: 65)
        }
        try mergeOwn(Bundle(deviceID: deviceID, created: now(), cadres: [c], households: [], checks: [], edits: []),
                     name: c.name, today: today)
        return c
    }

    /// Pairs a household with `cadreID` from `start`: current pairings end the day
    /// before, earlier ones stay as history.
    public func pair(householdID: String, cadreID: String, from start: LocalDate, by editor: String? = nil) throws {
        try readEverything()
        guard let h = dataset.household(householdID) else { throw StoreError.refused(Bilingual(zh: "没有户 \(householdID)", en: "unknown household \(householdID)"), code: 65) }
        guard dataset.cadres.contains(where: { $0.id == cadreID }) else { throw StoreError.refused(Bilingual(zh: "没有干部 \(cadreID)", en: "unknown cadre \(cadreID)"), code: 65) }
        var pairings: [Pairing] = []
        for var p in h.pairings where p.start < start {
            if p.end.map({ $0 >= start }) ?? true { p.end = start.adding(days: -1) }
            pairings.append(p)
        }
        pairings.append(Pairing(cadreID: cadreID, start: start))
        try edit(householdID: householdID, field: "pairings", value: try JSONValue.of(pairings), cadreID: editor)
    }

    /// A bundle made on this device, merged through the one journaled merge path.
    private func mergeOwn(_ bundle: Bundle, name: String, today: LocalDate) throws {
        if let refusal = access.refusal { throw refusal }
        let data = try bundle.encoded()
        _ = try sync.merge(bundle, data: data, name: name, today: today, into: &loaded, access: access)
    }
}

extension JSONValue {
    /// Any encodable value in its JSON form, as an edit stores it.
    static func of(_ value: some Encodable) throws -> JSONValue {
        try JSONCoding.decoder().decode(JSONValue.self, from: JSONCoding.encoder().encode(value))
    }
}
