import Foundation
import SanbaoCore

/// Applies household edits to registration records. Works on the JSON form of a record
/// so any field can be edited, and decodes the result, so an edit that would make the
/// record invalid is caught with the decoder's message.
enum HouseholdPatcher {
    /// `base` with the winning value of each edited field applied.
    static func apply(_ log: EditLog, to base: Household) throws -> Household {
        let values = log.values(for: base.id)
        guard !values.isEmpty else { return base }
        var json = try toJSON(base)
        for (field, value) in values { json = set(field, value, in: json) }
        return try JSONCoding.decoder().decode(Household.self, from: JSONCoding.encoder().encode(json))
    }

    static func toJSON(_ h: Household) throws -> JSONValue {
        try JSONCoding.decoder().decode(JSONValue.self, from: JSONCoding.encoder().encode(h))
    }

    /// The current value of `field` in a household's JSON form, if any.
    static func get(_ field: String, in json: JSONValue) -> JSONValue? {
        if let (id, key) = HouseholdEdit.memberField(field) {
            guard case .array(let members)? = json["members"],
                  let m = members.first(where: { $0["id"] == .number(Double(id)) }) else { return nil }
            return key.map { m[$0] ?? .null } ?? m
        }
        return json[field]
    }

    static func set(_ field: String, _ value: JSONValue, in json: JSONValue) -> JSONValue {
        guard case .object(var o) = json else { return json }
        if let (id, key) = HouseholdEdit.memberField(field) {
            guard case .array(var members)? = o["members"] else { return json }
            let i = members.firstIndex { $0["id"] == .number(Double(id)) }
            if let key {
                guard let i, case .object(var m) = members[i] else { return json }
                m[key] = value == .null ? nil : value
                members[i] = .object(m)
            } else if let i {
                members[i] = value
            } else {
                members.append(value)
            }
            o["members"] = .array(members)
        } else {
            o[field] = value == .null ? nil : value
        }
        return .object(o)
    }
}
