import CNcursesw
import Foundation
@testable import SanbaoTUI
import XCTest

/// The width table must agree with glibc's wcwidth, which ncursesw uses to advance the
/// cursor: a disagreement misaligns every column after the character.
final class WidthTests: XCTestCase {
    override func setUp() {
        setlocale(LC_ALL, "C.UTF-8")
    }

    func testTableMatchesGlibcAcrossCJKRanges() {
        let ranges: [ClosedRange<UInt32>] = [
            0x1100...0x11FF, 0x2E80...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3200...0x33FF,
            0x3400...0x4DBF, 0x4DC0...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x2A6DF, 0x1F300...0x1F64F,
            0x20...0x7E, 0xA0...0x36F,
        ]
        var mismatches: [String] = []
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let glibc = Int(wcwidth(wchar_t(bitPattern: v)))
                let ours = DisplayWidth.of(scalar)
                if glibc != ours, mismatches.count < 20 { mismatches.append(String(format: "U+%04X glibc %d ours %d", v, glibc, ours)) }
            }
        }
        XCTAssertTrue(mismatches.isEmpty, mismatches.joined(separator: "\n"))
    }

    func testStringWidthsAndCutting() {
        XCTAssertEqual(DisplayWidth.of("张三"), 4)
        XCTAssertEqual(DisplayWidth.of("a张b"), 4)
        XCTAssertEqual(DisplayWidth.fit("张三丰", width: 5), "张三 ", "never cut a character in half")
        XCTAssertEqual(DisplayWidth.fit("ab", width: 4), "ab  ")
        XCTAssertEqual(DisplayWidth.fitRight("12", width: 4), "  12")
        XCTAssertEqual(String(DisplayWidth.prefix("王小明", width: 3)), "王")
        XCTAssertFalse(DisplayWidth.isPrintable("\u{7}"))
    }
}

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
