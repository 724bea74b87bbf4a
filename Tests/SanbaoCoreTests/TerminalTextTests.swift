import SanbaoCore
import XCTest

/// `TerminalText`: which characters a terminal would act on, and how they are shown.
final class TerminalTextTests: XCTestCase {
    func testEveryControlCharacterAndNothingElse() {
        let controls = Array(0x00...0x1F) + Array(0x7F...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        for v in 0...0x2FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(TerminalText.isControl(s), controls.contains(v), "U+\(String(v, radix: 16))")
        }
    }

    func testControlsShownAsQuestionMarks() {
        let hostile = "x\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{9B}31m\u{202E}evil\u{2066}\r\n\t\u{7F}张三"
        XCTAssertEqual(TerminalText.safe(hostile), "x?]0;PWNED??[2J?31m?evil?????张三")
        XCTAssertEqual(TerminalText.safe(hostile, keepingLineFeeds: true), "x?]0;PWNED??[2J?31m?evil??\n??张三")
        XCTAssertEqual(TerminalText.safe("王小明 13912345678, \"已送水\"；é"), "王小明 13912345678, \"已送水\"；é", "text is left alone")
        XCTAssertEqual(TerminalText.safe(""), "")
    }

    func testJSONGetsEscapesNotReplacements() {
        // What JSONEncoder writes for the string above: C0 escaped, the rest raw.
        let encoded = "{\n  \"a\" : \"x\\u001b]0;\\u0007\u{9B}\u{202E}\u{7F}\u{2069}\"\n}"
        XCTAssertEqual(TerminalText.safeJSON(encoded), "{\n  \"a\" : \"x\\u001b]0;\\u0007\\u009b\\u202e\\u007f\\u2069\"\n}")
    }
}
