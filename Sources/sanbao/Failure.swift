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

/// Says each error among `problems` on standard error, as a warning: the command goes on
/// with the records that could be read.
func warnProblems(_ problems: [FileProblem], _ options: GlobalOptions) {
    for p in problems where p.severity == .error {
        warn(options.say(Bilingual(zh: "警告：", en: "warning: ")) + p.text(options.language))
    }
}

/// Loads the data directory for a read-only command, printing problems to stderr. Data
/// that could be read is returned even when some files are damaged.
func loadForReading(_ options: GlobalOptions) throws -> LoadResult {
    do {
        let result = try DatasetReader(layout: options.layout).read()
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
        guard let result = try QuickRead.village(holding: typed, options.layout) else { return nil }
        warnProblems(result.problems, options)
        return result
    } catch {
        throw fail(error, options)
    }
}
