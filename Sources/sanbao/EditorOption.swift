import ArgumentParser
import SanbaoCore
import SanbaoStore

/// `--cadre NAME` of the commands that change a record (`edit`, `member add|leave|set`,
/// `household set`): who made the change, recorded with each edit, so `history` and
/// `conflicts` say whose change it was, not only which device's. By default the
/// household's paired cadre on the day, as for `check`.
struct EditorOption: ParsableArguments {
    @Option(help: ArgumentHelp(L("做出修改的干部（默认：该户的帮扶干部）。", "Cadre making the change (default: the household's paired cadre)."), valueName: "NAME"))
    var cadre: String?

    /// The editor's cadre id for a change to `h`; an unknown name is a usage error (64).
    func cadreID(for h: Household, in store: Store, _ options: GlobalOptions) throws -> String? {
        guard let cadre else { return h.cadreID(on: options.date) }
        guard let id = store.dataset.cadreIDs(matching: cadre).first else {
            warn("sanbao: " + options.say(Bilingual(zh: "没有名为“\(cadre)”的干部", en: "no cadre named \"\(cadre)\"")))
            throw ExitCode(Exit.usage)
        }
        return id
    }
}
