import Foundation
import SanbaoCore
@testable import SanbaoTUI
import XCTest

/// Every user-visible string of SanbaoTUI lives in the catalog (Sources/SanbaoTUI/Catalog/),
/// in both languages. These tests keep it so: a Chinese string literal anywhere else in
/// the target fails, and so does a catalog text missing a language or missing from
/// `UIText.allStrings`.
final class CatalogTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/SanbaoTUI")
    static let catalog = sources.appendingPathComponent("Catalog")
    /// Generated tables, full of hanzi by design.
    static let generated: Set<String> = ["PinyinTable.swift", "WidthTable.swift"]

    static func swiftFiles(in directory: URL) throws -> [URL] {
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)!
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    func testNoChineseStringLiteralOutsideTheCatalog() throws {
        let files = try Self.swiftFiles(in: Self.sources).filter {
            !$0.path.hasPrefix(Self.catalog.path + "/") && !Self.generated.contains($0.lastPathComponent)
        }
        XCTAssertGreaterThan(files.count, 10, "the scan found too few sources in \(Self.sources.path)")
        var found: [String] = []
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for literal in SwiftLiterals.scan(source) where SwiftLiterals.hasCJK(literal.text) {
                found.append("\(file.lastPathComponent):\(literal.line): \"\(literal.text)\"")
            }
        }
        XCTAssertTrue(found.isEmpty, "Chinese text outside Sources/SanbaoTUI/Catalog/ (move it into the catalog):\n"
                      + found.joined(separator: "\n"))
    }

    func testScannerFindsLiteralsAndSkipsComments() {
        let source = #"""
        let a = "张三" // "李四"
        /* "王五" /* nested "赵六" */ */
        let b = #"raw "钱七""#
        let c = """
          孙八
          """
        let d = "x\(f("周九"))y"
        #if DEBUG
        let e = "plain \"quoted\" 。"
        #endif
        """#
        let literals = SwiftLiterals.scan(source)
        XCTAssertEqual(literals.filter { SwiftLiterals.hasCJK($0.text) }.map(\.line), [1, 3, 4, 7, 7, 9])
        XCTAssertTrue(literals.contains { $0.text == "plain \"quoted\" 。" })
        XCTAssertFalse(literals.contains { $0.text.contains("李四") || $0.text.contains("王五") || $0.text.contains("赵六") })
        XCTAssertTrue(SwiftLiterals.hasCJK("（"))
        XCTAssertFalse(SwiftLiterals.hasCJK("Sanbao → ▶ █ · …"))
    }

    func testEveryCatalogTextHasBothLanguages() {
        let all = UIText.allStrings
        XCTAssertGreaterThan(all.count, 100)
        for text in all {
            XCTAssertFalse(text.zh.isEmpty, "no Chinese for \"\(text.en)\"")
            XCTAssertFalse(text.en.isEmpty, "no English for \"\(text.zh)\"")
            XCTAssertNotEqual(text.zh, text.en, "not translated: \"\(text.zh)\"")
            XCTAssertTrue(SwiftLiterals.hasCJK(text.zh), "Chinese text without Chinese: \"\(text.zh)\"")
        }
    }

    /// Each `static let … = Bilingual(…)` and `static func … -> Bilingual` of the catalog
    /// appears in `UIText.allStrings`, so the test above sees it.
    func testAllStringsListsEveryCatalogText() throws {
        let listing = try String(contentsOf: Self.catalog.appendingPathComponent("UIText+All.swift"), encoding: .utf8)
        let declaration = try NSRegularExpression(pattern: #"static (?:let (\w+)\s*=\s*Bilingual\(|func (\w+)\([^)]*\)\s*->\s*Bilingual\b)"#)
        var names: [String] = []
        for file in try Self.swiftFiles(in: Self.catalog) where file.lastPathComponent != "UIText+All.swift" {
            let source = try String(contentsOf: file, encoding: .utf8)
            for m in declaration.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                for g in 1...2 {
                    if let r = Range(m.range(at: g), in: source) { names.append(String(source[r])) }
                }
            }
        }
        XCTAssertGreaterThan(names.count, 80)
        for name in names {
            XCTAssertNotNil(listing.range(of: #"\b\#(name)\b"#, options: .regularExpression), "\(name) is not in UIText.allStrings")
        }
    }
}

/// The string literals of Swift source with the line each starts on: comments are
/// skipped; raw, multi-line and interpolated strings are understood (an interpolation's
/// own literals are reported too).
enum SwiftLiterals {
    static func scan(_ source: String) -> [(line: Int, text: String)] {
        var lexer = Lexer(c: Array(source.unicodeScalars))
        lexer.code(inInterpolation: false)
        return lexer.found.sorted { $0.line < $1.line }
    }

    /// CJK punctuation, ideographs (extension A, unified, compatibility, the supplementary
    /// planes) and fullwidth forms: anything Chinese-looking.
    static func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            switch $0.value {
            case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF: true
            default: false
            }
        }
    }

    struct Lexer {
        let c: [Unicode.Scalar]
        var i = 0
        var line = 1
        var found: [(line: Int, text: String)] = []

        func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < c.count ? c[i + k] : nil }

        mutating func advance(_ n: Int = 1) {
            for _ in 0..<n where i < c.count {
                if c[i] == "\n" { line += 1 }
                i += 1
            }
        }

        /// Code up to the end, or up to the `)` that closes an interpolation.
        mutating func code(inInterpolation: Bool) {
            var depth = 0
            while let ch = peek() {
                if ch == "/" && peek(1) == "/" {
                    while let x = peek(), x != "\n" { advance() }
                } else if ch == "/" && peek(1) == "*" {
                    blockComment()
                } else if ch == "\"" || ch == "#" {
                    if !string() { advance() }
                } else if ch == "(" {
                    depth += 1
                    advance()
                } else if ch == ")" {
                    advance()
                    if inInterpolation && depth == 0 { return }
                    depth -= 1
                } else {
                    advance()
                }
            }
        }

        mutating func blockComment() {
            advance(2)
            var depth = 1
            while depth > 0, let ch = peek() {
                if ch == "/" && peek(1) == "*" { depth += 1; advance(2) }
                else if ch == "*" && peek(1) == "/" { depth -= 1; advance(2) }
                else { advance() }
            }
        }

        /// A literal starting here (`"`, `"""`, `#"`…); false when `#` starts something else.
        mutating func string() -> Bool {
            var hashes = 0
            while peek(hashes) == "#" { hashes += 1 }
            guard peek(hashes) == "\"" else { return false }
            let start = line
            advance(hashes)
            let quotes = peek(1) == "\"" && peek(2) == "\"" ? 3 : 1
            advance(quotes)
            var text = String.UnicodeScalarView()
            while let ch = peek() {
                if ch == "\"", (0..<quotes).allSatisfy({ peek($0) == "\"" }), (0..<hashes).allSatisfy({ peek(quotes + $0) == "#" }) {
                    advance(quotes + hashes)
                    break
                }
                if ch == "\\", (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                    if peek(1 + hashes) == "(" {
                        advance(2 + hashes)
                        let from = i
                        code(inInterpolation: true)
                        text.append(contentsOf: "\\(".unicodeScalars)
                        text.append(contentsOf: c[from..<i])
                        continue
                    }
                    advance(1 + hashes)
                    if let escaped = peek() { text.append(escaped); advance() }
                    continue
                }
                if quotes == 1 && ch == "\n" { break }
                text.append(ch)
                advance()
            }
            found.append((start, String(text)))
            return true
        }
    }
}
