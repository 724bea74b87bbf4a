import ArgumentParser
import SanbaoCore
import SanbaoStore

/// `sanbao init [DIR]`: an empty data directory for a new device, which an import, an
/// intake or the app then fills. The one explicit start: no other command that writes
/// into the data directory creates it (an intake may, as taking in the first roster is a
/// start too), so a mistyped `--data` never begins a second data set unnoticed.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make an empty data directory (no households yet) in DIR, which must be empty or absent.",
        discussion: "DIR defaults to the data directory (--data, $SANBAO_DATA, ...). Fill it with sanbao import BUNDLE or sanbao intake ROSTER.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Directory to create (default: the data directory).", valueName: "DIR"))
    var directory: String?

    func run() throws {
        let root = directory ?? options.dataDirectory
        do {
            try DatasetWriter(layout: DataLayout(root: root)).create(Dataset(), manifest: newDeviceManifest())
        } catch {
            throw fail(error, options)
        }
        out(options.say(Bilingual(zh: "已建立空的数据目录：\(root)（用 sanbao import 导入同事的数据包，或 sanbao intake 导入花名册）",
                                  en: "empty data directory made: \(root) (fill it with sanbao import BUNDLE or sanbao intake ROSTER)")))
    }
}
