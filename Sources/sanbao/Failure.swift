import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore

/// sysexits codes (see sysexits.h).
enum Exit {
    static let usage: Int32 = 64
    static let dataErr: Int32 = 65
    static let noInput: Int32 = 66
    static let cantCreate: Int32 = 73
    static let ioErr: Int32 = 74
    static let tempFail: Int32 = 75
}

/// Prints a store error in the user's language and exits with its sysexits code.
func fail(_ error: Error, _ options: GlobalOptions) -> ExitCode {
    if let e = error as? StoreError {
        warn("sanbao: " + options.say(e.message))
        return ExitCode(e.exitCode)
    }
    warn("sanbao: \(error)")
    return ExitCode(Exit.ioErr)
}

/// A malformed command line found after parsing: said like every other message
/// (`sanbao: …`, in the user's language, not ArgumentParser's `Error: …`), exit 64.
func usage(_ text: Bilingual, _ options: GlobalOptions) -> ExitCode {
    warn("sanbao: " + options.say(text))
    return ExitCode(Exit.usage)
}

/// Says the errors among `problems` on standard error, as warnings — the first few,
/// each with its file and line — then how many there are and that `sanbao validate`
/// lists them: the command goes on with the records that could be read, but never
/// quietly (a duplicate id or a check of an unknown household changes what is shown).
/// The one way every reading command reports damaged data; a call site is one line.
func warnProblems(_ problems: [FileProblem], _ options: GlobalOptions) {
    let errors = problems.filter { $0.severity == .error }
    guard !errors.isEmpty else { return }
    for p in errors.prefix(shownProblems) {
        warn(options.say(Bilingual(zh: "警告：", en: "warning: ")) + p.text(options.language))
    }
    warn("sanbao: " + options.say(problemCount(errors.count)))
}

/// How many problems are said one by one before the count: enough to see what kind of
/// damage it is, few enough that the command's own output is not buried.
let shownProblems = 10

/// "N problems, run sanbao validate", in the user's language.
func problemCount(_ n: Int) -> Bilingual {
    Bilingual(zh: "数据有 \(n) 处问题，请运行 sanbao validate 查看",
              en: n == 1 ? "1 problem in the data, run sanbao validate" : "\(n) problems in the data, run sanbao validate")
}

/// Loads the data directory for a read-only command and checks it as `sanbao validate`
/// does, saying its problems on standard error. Data that could be read is returned
/// even when some files are damaged.
func loadForReading(_ options: GlobalOptions) throws -> LoadResult {
    do {
        let result = try DatasetReader(layout: options.layout).readAndValidate(today: options.date)
        warnProblems(result.problems, options)
        return result
    } catch {
        throw fail(error, options)
    }
}

/// The data a command about one household needs, read the quick way when that reads the
/// same (`QuickRead.village`): the one village its files are in. Problems are printed as
/// `loadForReading` prints them. Nil when everything must be read.
func loadVillageForReading(holding typed: String, _ options: GlobalOptions) throws -> LoadResult? {
    do {
        guard let result = try QuickRead.village(holding: typed, options.layout, on: options.date) else { return nil }
        warnProblems(result.problems, options)
        return result
    } catch {
        throw fail(error, options)
    }
}
