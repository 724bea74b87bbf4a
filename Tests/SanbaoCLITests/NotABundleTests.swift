import Foundation
import XCTest

/// Issue 14, defect 18: a file that is not a bundle (a roster, text) was refused with a
/// parser's words, `expected a value, found byte 0xE6`, in English only. It is named as
/// what it is — not a Sanbao bundle — in the user's language, and nothing is imported.
final class NotABundleTests: XCTestCase {
    func testAFileThatIsNotABundleIsNamedSo() throws {
        let dir = makeDemo()
        let base = tempPath("not-a-bundle")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let text = base + "/名单.txt", households = base + "/households.json"
        try Data("户主,电话\n".utf8).write(to: URL(fileURLWithPath: text))
        try Data(#"{"kind":"households","schema_version":1}"#.utf8).write(to: URL(fileURLWithPath: households))
        let before = snapshot(dir)
        for (file, zhFound, enFound) in [(text, "第 1 行第 1 列起不是 JSON 对象", "no JSON object at line 1, column 1"), (households, "kind 为 \"households\"", "kind \"households\"")] {
            let zh = run(["import", file] + CLI.opts(dir, lang: "zh"))
            XCTAssertEqual(zh.status, 65, zh.stderr)
            XCTAssertTrue(zh.stderr.contains("sanbao: \(file) 不是三保数据包（\(zhFound)"), zh.stderr)
            XCTAssertTrue(zh.stderr.contains("数据包由 sanbao bundle 写出"), zh.stderr)
            XCTAssertFalse(zh.stderr.contains("expected"), "no English in a Chinese message: \(zh.stderr)")
            let en = run(["import", file] + CLI.opts(dir, lang: "en"))
            XCTAssertEqual(en.status, 65, en.stderr)
            XCTAssertTrue(en.stderr.contains("sanbao: \(file) is not a Sanbao bundle (\(enFound)"), en.stderr)
        }
        assertSameFiles(snapshot(dir), before, "nothing imported")
    }
}
