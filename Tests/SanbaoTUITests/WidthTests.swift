import Foundation
@testable import SanbaoTUI
import SanbaoText
import XCTest

final class CanvasTests: XCTestCase {
    func testWideCharacterNeverSplitAtTheEdge() {
        var c = Canvas(rows: 1, columns: 5)
        let used = c.put("ab张三", row: 0, column: 0)
        XCTAssertEqual(c.line(0), "ab张", "三 would need cells 4-5 of 5; it is dropped")
        XCTAssertEqual(used, 5)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var c = Canvas(rows: 1, columns: 6)
        c.put("张三", row: 0, column: 0)
        c.put("x", row: 0, column: 1)
        XCTAssertEqual(c.line(0), " x三")
        c.put("y", row: 0, column: 2)
        XCTAssertEqual(c.line(0), " xy")
    }

    /// Text from the data is drawn with its control characters as `?` (TerminalText):
    /// C0, DEL, C1, and bidi overrides, which glibc measures as 0 cells but a terminal acts on.
    func testControlCharactersAreDrawnAsQuestionMarks() {
        var c = Canvas(rows: 1, columns: 30)
        let used = c.put("a\u{1B}]0;T\u{07}b\u{9B}2Jc\u{202E}d\u{2066}e\u{7F}f", row: 0, column: 0)
        XCTAssertEqual(c.line(0), "a?]0;T?b?2Jc?d?e?f")
        XCTAssertEqual(used, 18, "one cell each, as DisplayWidth counts them")
        XCTAssertEqual(DisplayWidth.of("c\u{202E}d"), 3)
        XCTAssertFalse(DisplayWidth.isPrintable("\u{202E}"), "nor can a bidi override be typed into a field")
    }

    func testClippedToWidth() {
        var c = Canvas(rows: 2, columns: 10)
        c.put("王小明王小明", row: 1, column: 2, width: 5)
        XCTAssertEqual(c.line(1), "  王小")
    }

    /// Issue 20: a cut is recorded, and counts as silent until an ellipsis ends the text
    /// at the edge. Trailing spaces that do not fit are no loss.
    func testACutIsRecordedAndSilentUntilAnEllipsisMarksIt() {
        var c = Canvas(rows: 2, columns: 10)
        c.put("q quit  e export", row: 0, column: 0)
        XCTAssertEqual(c.cuts, [Canvas.Cut(row: 0, edge: 10, lost: "export")])
        XCTAssertEqual(c.unmarkedCuts(ellipsis: "…").count, 1)
        c.put("…", row: 0, column: 9)
        XCTAssertEqual(c.unmarkedCuts(ellipsis: "…"), [])
        c.put("王小明王小明", row: 1, column: 2, width: 5)
        XCTAssertEqual(c.cuts.last, Canvas.Cut(row: 1, edge: 7, lost: "明王小明"))
        XCTAssertEqual(c.unmarkedCuts(ellipsis: "~").map(\.row), [0, 1], "the ascii mark is another glyph")
        c.put("ok        ", row: 1, column: 0, width: 4)
        XCTAssertEqual(c.cuts.count, 2, "blanks that do not fit are not a cut")
        c.put(DisplayWidth.fit("a long label", width: 6, ellipsis: "…"), row: 1, column: 0)
        XCTAssertEqual(c.cuts.count, 2, "text already fitted with its ellipsis is not cut by the canvas")
    }
}

final class TextFieldTests: XCTestCase {
    func testCursorMovesByWholeCharacters() {
        var f = TextField("水窖")
        XCTAssertTrue(f.edit(.left))
        XCTAssertTrue(f.edit(.character("干")))
        XCTAssertEqual(f.text, "水干窖")
        XCTAssertTrue(f.edit(.backspace))
        XCTAssertEqual(f.text, "水窖")
        XCTAssertTrue(f.edit(.home))
        XCTAssertTrue(f.edit(.delete))
        XCTAssertEqual(f.text, "窖")
        XCTAssertFalse(f.edit(.character("\u{1}")), "control characters are not typed")
    }

    func testRenderKeepsTheCursorVisible() {
        var c = Canvas(rows: 1, columns: 6)
        let f = TextField("一二三四五六")
        let x = f.render(into: &c, row: 0, column: 0, width: 6, style: .normal)
        XCTAssertLessThanOrEqual(x, 6)
        XCTAssertTrue(c.line(0).hasSuffix("六"))
    }
}

final class KeyTableTests: XCTestCase {
    func testEveryCommandHasAKeyAndHelpInBothLanguages() {
        let table = KeyTable.standard
        for command in Command.allCases {
            XCTAssertTrue(table.bindings.contains { $0.command == command }, "\(command) has no key")
            XCTAssertFalse(command.help.zh.isEmpty)
            XCTAssertFalse(command.help.en.isEmpty)
        }
    }

    func testNoKeyIsBoundTwiceInOneContext() {
        let table = KeyTable.standard
        for context in KeyContext.allCases {
            let keys = table.bindings.filter { $0.context == context }.flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "duplicate key in \(context)")
        }
    }

    func testSaveWorksWithF10AndCtrlS() {
        XCTAssertEqual(KeyTable.standard.command(for: .function(10), in: .form), .save)
        XCTAssertEqual(KeyTable.standard.command(for: .control("s"), in: .form), .save)
        XCTAssertEqual(KeyTable.standard.command(for: .function(1), in: .form), .help)
    }

    /// Issue 14, defect 13: the sequences other terminals send, read behind an Esc.
    func testEscapeSequencesOfCommonTerminals() {
        let cases: [(String, Key?)] = [
            ("[1~", .home), ("[4~", .end), ("[7~", .home), ("[8~", .end), ("[H", .home), ("[F", .end), ("OH", .home), ("OF", .end),
            ("[5~", .pageUp), ("[6~", .pageDown), ("[3~", .delete), ("[A", .up), ("OB", .down), ("[1;5C", .right), ("[Z", .backTab),
            ("OP", .function(1)), ("[[A", .function(1)), ("[21~", .function(10)), ("OM", .enter),
            ("[99~", nil), ("[200~", nil), ("[2~", nil),
        ]
        for (body, key) in cases {
            var read: [Character] = []
            for c in body {
                XCTAssertTrue(EscapeSequence.isIncomplete(read), "\(body): more was expected after \(read)")
                read.append(c)
            }
            XCTAssertFalse(EscapeSequence.isIncomplete(read), body)
            XCTAssertEqual(EscapeSequence.key(read), key, body)
        }
    }
}
