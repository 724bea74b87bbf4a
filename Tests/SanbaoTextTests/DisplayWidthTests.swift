import CNcursesw
import Foundation
import SanbaoText
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
