import ArgumentParser
import SanbaoCore

/// The household a command's ID argument names (`HouseholdReference`): the household, or a
/// message and an exit — 65 when nothing matches, 64 listing the candidates when the
/// shortened form names several.
func resolveHousehold(_ typed: String, in d: Dataset, _ options: GlobalOptions) throws -> Household {
    switch HouseholdReference(typed, in: d.households) {
    case .one(let h):
        return h
    case .none:
        warn("sanbao: " + options.say(Bilingual(zh: "没有编号为 \(typed) 的户", en: "no household \(typed)")))
        throw ExitCode(Exit.dataErr)
    case .many(let candidates):
        warn("sanbao: " + options.say(Bilingual(zh: "“\(typed)”对应 \(candidates.count) 户，请写完整户编号：",
                                                en: "\"\(typed)\" names \(candidates.count) households; give the full id:")))
        for h in candidates {
            let place = h.address.village + h.address.group
            warn("  \(h.id)  \(h.number)  \(TerminalText.safe(h.head?.name ?? ""))  \(place)")
        }
        throw ExitCode(Exit.usage)
    }
}

/// The id a shortened reference stands for; the text as typed when nothing matches, for a
/// command whose own rules refuse an unknown household (a check says nothing was saved).
func householdID(_ typed: String, in d: Dataset, _ options: GlobalOptions) throws -> String {
    if case .none = HouseholdReference(typed, in: d.households) { return typed }
    return try resolveHousehold(typed, in: d, options).id
}
