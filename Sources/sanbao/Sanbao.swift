import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore

/// The `sanbao` command. With no subcommand it opens the app on the data directory.
@main
struct Sanbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanbao",
        abstract: L("三保：对照甘肃脱贫退出标准的六项指标，跟踪结对帮扶户。",
                    "三保: track paired households against the six indicators of Gansu's exit standard."),
        discussion: L("""
        数据放在一个目录里：--data DIR，否则 $SANBAO_DATA，否则 $XDG_DATA_HOME/sanbao，否则 \
        ~/.local/share/sanbao。语言：--lang zh|en，否则按区域设置（LC_ALL、LC_MESSAGES、LANG）。\
        退出码按 sysexits：64 用法错误，65 数据有误，66 没有数据目录，73 无法创建，74 读写错误，75 被占用。
        """, """
        Data lives in one directory: --data DIR, else $SANBAO_DATA, else $XDG_DATA_HOME/sanbao, \
        else ~/.local/share/sanbao. Language: --lang zh|en, else the locale (LC_ALL, LC_MESSAGES, LANG). \
        Exit codes follow sysexits: 64 usage, 65 bad data, \
        66 no data directory, 73 cannot create, 74 I/O error, 75 locked.
        """),
        subcommands: [Open.self, Init.self, Demo.self, Intake.self, Generate.self, Validate.self, List.self, Show.self, CheckCmd.self, History.self, MemberCmd.self, HouseholdCmd.self, CadreCmd.self, Pair.self, Edit.self, MakeBundle.self, Import.self, Conflicts.self, Export.self, Rollup.self],
        defaultSubcommand: Open.self
    )

    /// ArgumentParser's `main`, with two checks around it: arguments that are not UTF-8 are
    /// refused before parsing (`ArgumentEncoding`), and parse errors, which quote what was
    /// typed, are printed through `warn` like every other message (`exitSafely`).
    static func main() {
        // Past a file-size limit (`ulimit -f`) the kernel would kill Sanbao mid-write with
        // SIGXFSZ, saying nothing and leaving a torn line or a temporary file. Ignored, the
        // write fails with EFBIG instead: the store cuts the file back and says so (exit 74).
        signal(SIGXFSZ, SIG_IGN)
        let raw = ArgumentEncoding.rawArguments()
        if let problem = ArgumentEncoding.problem(raw) {
            let language = ArgumentEncoding.language(raw, environment: ProcessInfo.processInfo.environment)
            warn("sanbao: " + problem.text(language))
            Foundation.exit(Exit.usage)
        }
        CLILanguage.current = ArgumentEncoding.language(raw, environment: ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot(CLILanguage.arguments(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            exitSafely(error)
        }
    }
}
