import Foundation
import XCTest

/// Issue 20: the guides' screen captures cannot drift from the app. Each capture of a
/// whole screen is marked in the guide with how it is made, on the line before its fence:
///
///     <!-- capture: 80x24 keys: <Down><Enter> -->
///
/// and is compared with `sanbao --dump` of the demo village on 2026-11-25 (Gansu's time
/// zone, as the guides show local times; blank lines above and below are not shown), which must also report no text cut without `…`.
/// A capture of part of a screen is marked `<!-- capture: excerpt -->`; an unmarked
/// capture of the app fails, so a new one cannot be added unchecked.
final class GuideCaptureTests: XCTestCase {
    struct Capture {
        var guide: String
        var line: Int
        var mark: String
        var text: [String]
    }

    static func captures(_ guide: String) throws -> [Capture] {
        let lines = try String(contentsOfFile: CLI.root + "/docs/" + guide, encoding: .utf8).components(separatedBy: "\n")
        var out: [Capture] = []
        var i = 0
        while i < lines.count {
            if lines[i].hasPrefix("```text") {
                var j = i + 1
                while j < lines.count, !lines[j].hasPrefix("```") { j += 1 }
                let mark = i > 0 && lines[i - 1].hasPrefix("<!-- capture: ") ? String(lines[i - 1].dropFirst(14).dropLast(4)) : ""
                out.append(Capture(guide: guide, line: i + 1, mark: mark, text: Array(lines[i + 1..<j])))
                i = j
            }
            i += 1
        }
        return out
    }

    func testEveryScreenCaptureIsWhatTheAppShows() throws {
        let dir = makeDemo()
        var compared = 0
        for (guide, lang) in [("guide.en.md", "en"), ("guide.zh.md", "zh")] {
            for c in try Self.captures(guide) {
                let isApp = c.text.first.map { $0.hasPrefix("Sanbao · ") || $0.hasPrefix("三保 · ") } ?? false
                if c.mark.isEmpty {
                    XCTAssertFalse(isApp, "\(guide):\(c.line): a capture of the app with no <!-- capture: … --> mark")
                    continue
                }
                if c.mark == "excerpt" {
                    XCTAssertLessThanOrEqual(c.text.count, 5, "\(guide):\(c.line): an excerpt is a few lines; show a whole screen with its keys")
                    continue
                }
                let parts = c.mark.components(separatedBy: " keys: ")
                let keys = parts.count == 2 ? ["--keys", parts[1]] : []
                let r = run(["--dump", parts[0], "--data", dir, "--today", "2026-11-25", "--lang", lang] + keys, env: ["TZ": "Asia/Shanghai"])
                // Each capture starts from the demo as made: a form typed into leaves its draft,
                // which the next start would offer.
                try? FileManager.default.removeItem(atPath: dir + "/drafts")
                XCTAssertEqual(r.status, 0, "\(guide):\(c.line): \(r.stderr)")
                XCTAssertEqual(r.stderr, "", "\(guide):\(c.line): the screen cuts text")
                var shown = r.stdout.components(separatedBy: "\n")
                while shown.last == "" { shown.removeLast() }
                while shown.first == "" { shown.removeFirst() }  // the too-small screen is centred
                var expected = c.text
                while expected.last == "" { expected.removeLast() }
                if shown != expected {
                    let k = zip(shown, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(shown.count, expected.count)
                    XCTFail("\(guide):\(c.line + 1 + k): the guide shows\n  \(k < expected.count ? expected[k] : "<end>")\nwhere the app shows\n  \(k < shown.count ? shown[k] : "<end>")")
                }
                compared += 1
            }
        }
        XCTAssertEqual(compared, 30, "every whole-screen capture of both guides was compared")
    }
}
