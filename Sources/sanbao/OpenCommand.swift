import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore

/// `sanbao` with no subcommand: opens the data directory. Until the terminal UI is in
/// place this prints the roster.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the app on the data directory (the default command).")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Open a scratch copy of the bundled demo village; your own data is not touched.")
    var demo = false

    @Option(help: ArgumentHelp("Show only households paired with this cadre.", valueName: "NAME"))
    var cadre: String?

    func run() throws {
        var options = self.options
        if demo {
            let dir = NSTemporaryDirectory() + "sanbao-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            do {
                try DatasetWriter(layout: DataLayout(root: dir)).create(DemoVillage.make(), manifest: DemoData.manifest)
            } catch {
                throw fail(error, options)
            }
            options.data = dir
        }
        let loaded = try loadForReading(options)
        let rows = try RosterFilter(cadre: cadre).apply(loaded.dataset, on: options.date, options: options)
        print(RosterTable.render(rows, on: options.date, language: options.language))
    }
}
