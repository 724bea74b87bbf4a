import ArgumentParser
import SanbaoCore
import SanbaoSamples
import SanbaoStore

/// `sanbao demo DIR`: writes the bundled demo village, 文峰村, into an empty directory.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("把示例村（通渭县榜罗镇文峰村）写入 DIR（须为空或不存在）。", "Write the demo village (文峰村, 榜罗镇, 通渭县) into DIR, which must be empty or absent."))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(L("要创建的目录。", "Directory to create."), valueName: "DIR"))
    var directory: String

    func run() throws {
        do {
            try DatasetWriter(layout: DataLayout(root: directory))
                .create(DemoVillage.make(), manifest: DemoData.manifest)
        } catch {
            throw fail(error, options)
        }
        out(options.say(Bilingual(zh: "已写入示例村：\(directory)", en: "Demo village written to \(directory)")))
    }
}

enum DemoData {
    /// Each copy of the demo gets its own device id, so two copies can be merged.
    static var manifest: Manifest {
        Manifest(deviceID: "demo-" + String(UInt32.random(in: 0...UInt32.max), radix: 16), created: Store.isoNow())
    }
}
