import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(L("数据目录。", "Data directory."), valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp(L("语言：zh 或 en（默认按区域设置）。", "Language: zh or en (default: from the locale)."), valueName: "zh|en"))
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp(L("按 DATE（YYYY-MM-DD）当作今天判定。", "Judge as if today were DATE (YYYY-MM-DD)."), visibility: .hidden))
    var today: LocalDate?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// --lang, else the locale. Read with getenv, not `environment`: `say` asks for the
    /// language on every line printed, and building the whole environment each time
    /// was a fifth of a 20,000-line intake.
    var language: Language { lang ?? Language.fromLocale(Self.localeVariables) }

    static var localeVariables: [String: String] {
        var out: [String: String] = [:]
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] { if let v = getenv(key) { out[key] = String(cString: v) } }
        return out
    }

    /// --data, else $SANBAO_DATA, else $XDG_DATA_HOME/sanbao, else ~/.local/share/sanbao.
    var dataDirectory: String {
        if let data { return data }
        if let d = environment["SANBAO_DATA"], !d.isEmpty { return d }
        if let x = environment["XDG_DATA_HOME"], !x.isEmpty { return x + "/sanbao" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/sanbao"
    }

    var layout: DataLayout { DataLayout(root: dataDirectory) }

    /// Today in the local time zone, unless --today says otherwise.
    var date: LocalDate {
        if let today { return today }
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    func say(_ text: Bilingual) -> String { text.text(language) }
}

extension Language: ExpressibleByArgument {}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
