import Foundation
import SanbaoCore
import SanbaoSamples
import SanbaoStore
@testable import SanbaoTUI
import XCTest

/// Every hint a footer shows does something: each screen is reached with keys from the
/// roster, and for every hint its key is pressed on a fresh app. A hint after which the
/// screen reads the same, no screen opened or closed and the app did not end, is a
/// false footer (issue 17: the help screen offered "e export", the export screen
/// "PgDn next page").
final class FooterHintTests: XCTestCase {
    /// The snapshot screens, and those no snapshot shows: a check, an indicator, the
    /// export screen (its file goes to a temporary directory), a question waiting.
    func screens(exportTo dir: String) throws -> [(name: String, keys: [Key])] {
        let household: [Key] = [.down, .enter]
        let (app, _) = try makeApp(language: .zh)
        for k in household { app.handle(k) }
        let firstIndicator = try XCTUnwrap((app.stack.last as? HouseholdScreen)?.indicatorAt.keys.min())
        // The path typed, so pressing Enter writes into the temporary directory, not here.
        let path: [Key] = [.down, .control("u")] + (dir + "/summary.xlsx").map { Key.character($0) } + [.up]
        return ScreenSnapshotTests.screens + [
            ("roster-searching-nothing-typed", [.character("/")]),
            ("household-on-a-check", household + [.end]),
            ("check", household + [.end, .enter]),
            ("household-on-an-indicator", household + Array(repeating: Key.down, count: firstIndicator)),
            ("indicator", household + Array(repeating: Key.down, count: firstIndicator) + [.enter]),
            ("export", [.character("e")] + path),
            ("export-path", [.character("e")] + path + [.down]),
            ("export-from-dashboard", [.character("d"), .character("e")] + path),
            ("intake-path-typed", [.character("i")] + ScreenSnapshotTests.wenfengRoster.map { Key.character($0) }),
            ("question-discard", [.down, .character("n"), .pageDown, .pageDown, .character(" "), .escape]),
        ]
    }

    /// An app on a fresh copy of the demo village, as in ScreenSnapshotTests.
    func makeApp(language: Language) throws -> (App, MemoryTerminal) {
        let dir = NSTemporaryDirectory() + "sanbao-hints-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        try DatasetWriter(layout: DataLayout(root: dir)).create(DemoVillage.make(), manifest: Manifest(deviceID: "test", created: "2026-11-25T00:00:00Z"))
        let store = try Store(layout: DataLayout(root: dir), write: true, now: { "2026-11-25T10:00:00Z" })
        addTeardownBlock { store.close() }
        let terminal = MemoryTerminal(rows: 40, columns: 120)
        let app = App(store: store, terminal: terminal, today: DemoVillage.asOf, language: language, cadreID: nil, clock: { "2026-11-25T10:00:00Z" })
        // The household page (p) goes to a temporary directory, not here.
        app.exportDirectory = dir + "-out"
        try FileManager.default.createDirectory(atPath: app.exportDirectory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir + "-out") }
        return (app, terminal)
    }

    /// What a key can change: the text on screen, the depth of the screen stack, the end.
    func state(_ app: App) -> String { app.screenText + "|\(app.stack.count)|\(app.finished)" }

    func testEveryFooterHintDoesSomething() throws {
        let exportDir = NSTemporaryDirectory() + "sanbao-hints-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: exportDir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: exportDir) }
        var names: [String: Key] = [:]
        for b in KeyTable.standard.bindings { for k in b.keys where names[k.name] == nil { names[k.name] = k } }
        var failures: [String] = []
        // The hints come from one table in either language; Chinese is the one users see.
        for language in [Language.zh] {
            for screen in try screens(exportTo: exportDir) {
                let (app, _) = try makeApp(language: language)
                for k in screen.keys { app.handle(k) }
                let lines = app.screenText.split(separator: "\n", omittingEmptySubsequences: false)
                let footer = String(lines[lines.count - 2])
                let hints = footer.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                XCTAssertFalse(hints.isEmpty, "\(screen.name): no hints in \(footer)")
                for hint in hints {
                    let keyNames = String(hint.prefix { $0 != " " })
                    for name in keyNames == "/" ? ["/"] : keyNames.split(separator: "/").map(String.init) {
                        guard let key = names[name] else { failures.append("\(screen.name): \"\(name)\" in \"\(hint)\" is no key of the table"); continue }
                        let (fresh, _) = try makeApp(language: language)
                        for k in screen.keys { fresh.handle(k) }
                        let before = state(fresh)
                        fresh.handle(key)
                        if state(fresh) == before { failures.append("\(screen.name) \(language): \(name) of \"\(hint)\" does nothing") }
                    }
                }
            }
        }
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
    }
}
