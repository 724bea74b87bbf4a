import Foundation
import SanbaoCore
@testable import SanbaoTUI
import XCTest

/// The user guides (docs/guide.zh.md, docs/guide.en.md) list every key of the key table,
/// with the help text the app shows, so a key added to the table without a guide update
/// fails here.
final class GuideTests: XCTestCase {
    static let docs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs")

    func testEachGuideListsEveryKey() throws {
        for language in Language.allCases {
            let guide = try String(contentsOf: Self.docs.appendingPathComponent("guide.\(language.rawValue).md"), encoding: .utf8)
            for context in KeyContext.allCases where KeyTable.standard.bindings.contains(where: { $0.context == context }) {
                XCTAssertTrue(guide.contains("**\(context.title.text(language))**"), "guide.\(language.rawValue).md: no heading for \(context)")
            }
            for binding in KeyTable.standard.bindings {
                let keys = binding.keys.map { "`\($0.name)`" }.joined(separator: ", ")
                let row = "| \(keys) | \(binding.command.help.text(language)) |"
                XCTAssertTrue(guide.contains(row), "guide.\(language.rawValue).md lacks the key row \(row)")
            }
        }
    }
}
