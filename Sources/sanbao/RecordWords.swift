import ArgumentParser
import SanbaoCore
import SanbaoStore

/// Reading what a person types for a record command — a wording, a date, a member named by
/// name or number — and refusing what it cannot read, with what it accepts (exit 64).
struct RecordWords {
    let options: GlobalOptions

    func refuse(_ text: Bilingual, code: Int32 = Exit.usage) -> ExitCode {
        warn("sanbao: " + options.say(text) + options.say(Bilingual(zh: "；未保存任何内容", en: "; nothing was saved")))
        return ExitCode(code)
    }

    func value<V>(_ text: String, _ wording: Wording<V>, what: Bilingual) throws -> V {
        guard let v = wording.value(text) else {
            throw refuse(Bilingual(zh: "\(what.zh)“\(text)”不认识（可写：\(wording.accepted.prefix(10).joined(separator: "、"))）",
                                   en: "\(what.en) \"\(text)\" is not known (accepted: \(wording.accepted.prefix(10).joined(separator: ", ")))"))
        }
        return v
    }

    func date(_ text: String, what: Bilingual) throws -> LocalDate {
        guard let d = LocalDate(written: text) else {
            throw refuse(Bilingual(zh: "\(what.zh)“\(text)”不是日期（写成 2026-11-01）", en: "\(what.en) \"\(text)\" is not a date (write 2026-11-01)"))
        }
        return d
    }

    /// The household as typed: its id, its number, or a short form (HouseholdArgument).
    func household(_ id: String, in store: Store) throws -> Household {
        try resolveHousehold(id, in: store.dataset, options)
    }

    /// The member `who` names: a name (members who left included only when `departed`),
    /// or, where names repeat, the number `show` lists them by (1, 2, 3 …).
    func member(_ who: String, of h: Household, departed: Bool = false) throws -> Member {
        if let n = Int(who), h.members.indices.contains(n - 1) { return h.members[n - 1] }
        let named = h.members.filter { $0.name == who && (departed || $0.left == nil) }
        if named.count == 1 { return named[0] }
        let list = h.members.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: ", ")
        if named.isEmpty {
            throw refuse(Bilingual(zh: "\(h.id) 没有名为“\(who)”的成员（成员：\(list)）", en: "\(h.id) has no member \"\(who)\" (members: \(list))"))
        }
        throw refuse(Bilingual(zh: "\(h.id) 有 \(named.count) 名成员叫“\(who)”，请用序号（\(list)）",
                               en: "\(h.id) has \(named.count) members named \"\(who)\"; give the number (\(list))"))
    }

    /// `key=value` pairs, each key one of `fields` (Chinese or English name) and each value
    /// one it accepts.
    func assignments(_ items: [String], _ fields: [RecordField]) throws -> [(RecordField, JSONValue)] {
        try items.map { item in
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw refuse(Bilingual(zh: "“\(item)”应写成 字段=值", en: "\"\(item)\" should be FIELD=VALUE"))
            }
            let name = String(item[..<eq]), text = String(item[item.index(after: eq)...])
            guard let field = RecordFields.find(name, in: fields) else {
                throw refuse(Bilingual(zh: "没有字段“\(name)”（可改：\(RecordFields.known(fields))）",
                                       en: "no field \"\(name)\" (known: \(RecordFields.known(fields)))"))
            }
            guard let value = field.parse(text) else {
                throw refuse(Bilingual(zh: "\(name)=“\(text)”不认识（可写：\(field.accepted.joined(separator: "、"))）",
                                       en: "\(name)=\"\(text)\" is not known (accepted: \(field.accepted.joined(separator: ", ")))"))
            }
            return (field, value)
        }
    }
}
