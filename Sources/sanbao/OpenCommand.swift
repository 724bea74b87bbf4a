import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoSamples
import SanbaoStore
import SanbaoTUI

/// `sanbao` with no subcommand: the terminal app on the data directory.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: L("在数据目录上打开终端界面（默认命令）。", "Open the terminal app on the data directory (the default command)."))

    @OptionGroup var options: GlobalOptions

    @Flag(help: ArgumentHelp(L("打开示例村的临时副本；不动您自己的数据。", "Open a scratch copy of the bundled demo village; your own data is not touched.")))
    var demo = false

    @Option(help: ArgumentHelp(L("只显示这名干部帮扶的户（会记住；all 表示全部）。", "Show only households paired with this cadre (remembered; 'all' for everyone)."), valueName: "NAME"))
    var cadre: String?

    @Flag(help: ArgumentHelp(L("只用 ASCII 装饰符号（用于把宽度不定的字符画成双宽的终端）。", "Use only ASCII decorations (for terminals that draw ambiguous-width characters wide).")))
    var ascii = false

    @Flag(name: .customLong("no-color"), help: ArgumentHelp(L("黑白显示，同设置 NO_COLOR。", "Monochrome, as with NO_COLOR set.")))
    var noColor = false

    @Option(help: ArgumentHelp(L("按 --keys 操作后，把 COLSxROWS 大小的屏幕以文字打印（不用 curses）。", "Print the screen as text at COLSxROWS after --keys, without curses."), valueName: "COLSxROWS"))
    var dump: String?

    @Option(help: ArgumentHelp(L("--dump 前按的键，例如 \"/zs<Enter><Enter>\"（<Esc> <Up> <Down> <F10> <C-s> ……）。", "Keys for --dump, e.g. \"/zs<Enter><Enter>\" (<Esc> <Up> <Down> <F10> <C-s> ...)."), valueName: "KEYS"))
    var keys: String = ""

    func run() throws {
        var options = self.options
        if demo { options.data = try makeDemoCopy() }
        // The roster comes from the index; records are read when a household is opened.
        let store = try openForWriting(options, loading: .onDemand)
        defer { store.close() }
        let cadreID = try chooseCadre(store)
        let glyphs: Glyphs = ascii ? .ascii : .unicode
        if let dump {
            let parts = dump.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2 else { throw usage(Bilingual(zh: "--dump 应写成 列数x行数，例如 80x24", en: "--dump takes COLSxROWS, e.g. 80x24"), options) }
            let keys = try KeyScript.parse(self.keys)
            let terminal = MemoryTerminal(rows: parts[1], columns: parts[0], keys: keys)
            let app = App(store: store, terminal: terminal, today: options.date, language: options.language, glyphs: glyphs, cadreID: cadreID)
            while terminal.hasKeys && !app.finished { app.handle(terminal.nextKey()!) }
            out(app.screenText)
            // A text cut at the edge with no ellipsis is a fault of the screen: say so where a capture is made.
            for cut in app.silentCuts { warn("sanbao: --dump: " + options.say(Bilingual(zh: "第 \(cut.row + 1) 行第 \(cut.edge + 1) 列截断且无省略号，缺“\(cut.lost)”",
                                                                                        en: "cut without an ellipsis at \(cut)"))) }
            return
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            warn("sanbao: " + options.say(Bilingual(zh: "不是终端，无法打开界面；可用 sanbao list、sanbao show 等命令",
                                                    en: "not a terminal, so the app cannot open; use sanbao list, sanbao show …")))
            throw ExitCode(Exit.usage)
        }
        let locale = NcursesTerminal.prepareLocale()
        guard locale.ok else {
            warn("sanbao: " + (locale.note ?? ""))
            throw ExitCode(Exit.usage)
        }
        let color = !noColor && (options.environment["NO_COLOR"] ?? "").isEmpty
        let terminal = NcursesTerminal(color: color)
        defer { terminal.stop() }
        let app = App(store: store, terminal: terminal, today: options.date, language: options.language, glyphs: glyphs, cadreID: cadreID)
        app.run()
    }

    func makeDemoCopy() throws -> String {
        let dir = NSTemporaryDirectory() + "sanbao-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try DatasetWriter(layout: DataLayout(root: dir)).create(DemoVillage.make(), manifest: DemoData.manifest)
        } catch {
            throw fail(error, options)
        }
        return dir
    }

    /// --cadre NAME (remembered for next time), else the remembered choice.
    func chooseCadre(_ store: Store) throws -> String? {
        guard let cadre else { return store.preferences().cadreID.flatMap { store.dataset.cadre($0)?.id } }
        if cadre == "all" {
            try? store.savePreferences(Preferences(cadreID: nil))
            return nil
        }
        guard let id = store.dataset.cadreIDs(matching: cadre).first else {
            let known = store.dataset.cadres.map(\.name).joined(separator: ", ")
            warn("sanbao: " + options.say(Bilingual(zh: "没有名为“\(cadre)”的干部（现有：\(known)）", en: "no cadre named \"\(cadre)\" (known: \(known))")))
            throw ExitCode(Exit.usage)
        }
        try? store.savePreferences(Preferences(cadreID: id))
        return id
    }
}

/// Parses `--keys`: literal characters, and names in angle brackets.
enum KeyScript {
    static func parse(_ text: String) throws -> [Key] {
        var keys: [Key] = []
        var rest = Substring(text)
        while let c = rest.first {
            if c == "<", let close = rest.firstIndex(of: ">") {
                let name = rest[rest.index(after: rest.startIndex)..<close]
                guard let key = named(String(name)) else { throw ValidationError(L("--keys 里有未知的键 <\(name)>", "unknown key <\(name)> in --keys")) }
                keys.append(key)
                rest = rest[rest.index(after: close)...]
            } else {
                keys.append(.character(c))
                rest = rest.dropFirst()
            }
        }
        return keys
    }

    static func named(_ n: String) -> Key? {
        switch n.lowercased() {
        case "enter": return .enter
        case "esc": return .escape
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pgup": return .pageUp
        case "pgdn": return .pageDown
        case "home": return .home
        case "end": return .end
        case "tab": return .tab
        case "bs": return .backspace
        case "space": return .character(" ")
        case "lt": return .character("<")
        default:
            if n.lowercased().hasPrefix("f"), let k = Int(n.dropFirst()) { return .function(k) }
            if n.lowercased().hasPrefix("c-"), let c = n.last { return .control(Character(c.lowercased())) }
            return nil
        }
    }
}
