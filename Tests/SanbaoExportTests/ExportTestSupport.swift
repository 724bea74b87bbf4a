#if canImport(FoundationXML)
import FoundationXML
#endif
import CSV
import Foundation
import SanbaoCore
import SanbaoSamples
import SanbaoExport
import XCTest
import ZIPFoundation

/// The demo village and reports of it, as every test uses them.
enum Demo {
    static let dataset = DemoVillage.make()
    static let date = DemoVillage.asOf
    static let generatedAt = "2026-11-25T09:30:00Z"
    static let village = "621121103201"

    static func request(_ change: (inout ExportRequest) -> Void = { _ in }) -> ExportRequest {
        var r = ExportRequest(to: date, generatedAt: generatedAt)
        change(&r)
        return r
    }

    static func report(_ dataset: Dataset = Demo.dataset, _ change: (inout ExportRequest) -> Void = { _ in }) throws -> SummaryReport {
        try SummaryReport(dataset, request(change))
    }

    /// The note of household 0016's March visit: a comma, a double quote, a line break, Chinese.
    static var demoNote: String {
        dataset.checks.first { $0.householdID == "621121103201-0016" && $0.note.contains("\"") }!.note
    }

    /// A note with everything that breaks naive writers: commas, both quotes, CR LF and LF,
    /// markup characters, an Excel escape look-alike, leading and trailing spaces, Chinese.
    static let hardNote = "  前导空格, \"双引号\" 和 'single', 逗号,\r\n第二行 & <b>不是标签</b> _x000D_ 第三行\n结束。  "
    /// The same note as every format gives it back: CR LF is written as LF.
    static let hardNoteRead = hardNote.replacingOccurrences(of: "\r\n", with: "\n")
    static let hardFinding = "水窖,\"漏水\"\n需维修 & 检查 <急>"

    /// The demo plus one check of household 0005 on the assessment date, with `hardNote`
    /// as its note and `hardFinding` as a water finding.
    static func datasetWithHardNote() -> Dataset {
        var d = dataset
        d.checks.append(Check(id: "20261125-hardnote", householdID: "621121103201-0005", date: date, cadreID: "c1",
                              recordedAt: "2026-11-25T08:00:00Z",
                              findings: [.water: Finding(state: .notMet, note: hardFinding)],
                              measures: ["联系水务站, \"维修\"\n水窖"], followUp: LocalDate("2026-12-20"), note: hardNote))
        return d
    }

    /// Every ID number of every member of the demo village.
    static var allIDNumbers: [String] {
        dataset.households.flatMap { $0.members.compactMap(\.idNumber) }.filter { $0.count >= 15 }
    }

    static var headIDNumbers: [String] {
        dataset.households.compactMap { $0.head?.idNumber }.filter { $0.count >= 15 }
    }
}

// MARK: - Reading XLSX back

/// A minimal element tree, parsed with Foundation's XMLParser.
final class XNode {
    let name: String
    let attributes: [String: String]
    var children: [XNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func child(_ name: String) -> XNode? { children.first { $0.name == name } }
    func all(_ name: String) -> [XNode] { children.filter { $0.name == name } }
    func descendants(_ name: String) -> [XNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }
    subscript(_ attribute: String) -> String? { attributes[attribute] }

    static func parse(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> XNode {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            XCTFail("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")", file: file, line: line)
            throw CocoaError(.fileReadCorruptFile)
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XNode] = []
        var root: XNode?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let e = XNode(name: name, attributes: attributes)
            stack.last?.children.append(e)
            if root == nil { root = e }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

/// A workbook read back from its bytes: every part, the sheets in order, shared strings
/// and the number format of each cell style.
struct Workbook {
    var parts: [String: Data] = [:]
    var sheetNames: [String] = []
    var sheetPaths: [String] = []
    var sharedStrings: [String] = []
    /// numFmtId of each `cellXfs` entry, and its format code.
    var styleFormats: [Int] = []
    var formatCodes: [Int: String] = [:]
    var styleFonts: [Int] = []
    var boldFonts: Set<Int> = []
    /// Each `cellXfs` entry in full (its attributes and alignment), to compare what a
    /// cell looks like whatever index its style has.
    var styleLooks: [String] = []

    init(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        let archive = try Archive(data: data, accessMode: .read)
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        let workbook = try XNode.parse(try part("xl/workbook.xml"))
        let rels = try XNode.parse(try part("xl/_rels/workbook.xml.rels"))
        var targets: [String: String] = [:]
        for r in rels.all("Relationship") { targets[r["Id"]!] = r["Target"]! }
        for s in workbook.child("sheets")?.all("sheet") ?? [] {
            sheetNames.append(s["name"]!)
            sheetPaths.append("xl/" + targets[s["r:id"]!]!)
        }
        if let sst = parts["xl/sharedStrings.xml"] {
            sharedStrings = try XNode.parse(sst).all("si").map { si in
                Self.unescapeExcel(si.descendants("t").map(\.text).joined())
            }
        }
        let styles = try XNode.parse(try part("xl/styles.xml"))
        for f in styles.child("numFmts")?.all("numFmt") ?? [] { formatCodes[Int(f["numFmtId"]!)!] = f["formatCode"] }
        for (n, f) in (styles.child("fonts")?.all("font") ?? []).enumerated() where f.child("b") != nil { boldFonts.insert(n) }
        for xf in styles.child("cellXfs")?.all("xf") ?? [] {
            styleFormats.append(Int(xf["numFmtId"] ?? "0")!)
            styleFonts.append(Int(xf["fontId"] ?? "0")!)
            let alignment = xf.child("alignment")?.attributes.sorted { $0.key < $1.key } ?? []
            styleLooks.append(xf.attributes.sorted { $0.key < $1.key }.description + alignment.description)
        }
    }

    func part(_ path: String) throws -> Data {
        guard let d = parts[path] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return d
    }

    /// Excel's `_xHHHH_` escapes decoded.
    static func unescapeExcel(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "_x[0-9A-Fa-f]{4}_", options: .regularExpression) {
            out += rest[..<r.lowerBound]
            let hex = rest[r].dropFirst(2).prefix(4)
            out.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    func sheet(_ name: String) throws -> Worksheet {
        guard let i = sheetNames.firstIndex(of: name) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return try Worksheet(XNode.parse(try part(sheetPaths[i])), workbook: self)
    }

    /// Whether style `s` formats numbers as dates.
    func isDateStyle(_ s: Int) -> Bool {
        let id = styleFormats[s]
        if (14...22).contains(id) { return true }
        guard let code = formatCodes[id]?.lowercased() else { return false }
        return code.contains("yy") && code.contains("d")
    }
}

/// One sheet: cells by reference, and the view settings the tests look at.
struct Worksheet {
    struct Cell {
        var type: String?
        var style: Int
        var raw: String?
        var text: String
    }

    var root: XNode
    var cells: [String: Cell] = [:]
    var rowCount = 0
    var columnCount = 0

    /// Cells are placed as SpreadsheetML places them: at their `r` reference when they
    /// have one, else in the column after the previous cell of the row (and a row without
    /// `r` after the previous row). A cell with no value (`<c/>`) is an empty cell: not
    /// stored, as if it were absent.
    init(_ root: XNode, workbook: Workbook) {
        self.root = root
        var rowNumber = 0
        for row in root.descendants("row") {
            rowNumber = row["r"].flatMap { Int($0) } ?? rowNumber + 1
            rowCount = max(rowCount, rowNumber)
            var column = -1
            for c in row.all("c") {
                column = c["r"].map(Self.columnIndex) ?? column + 1
                let raw = c.child("v")?.text
                let type = c["t"]
                guard raw != nil || c.child("is") != nil else { continue }
                var text = raw ?? ""
                if type == "s", let raw, let i = Int(raw) { text = workbook.sharedStrings[i] }
                if type == "inlineStr" { text = Workbook.unescapeExcel(c.descendants("t").map(\.text).joined()) }
                cells[Self.ref(column, rowNumber)] = Cell(type: type, style: Int(c["s"] ?? "0")!, raw: raw, text: text)
                columnCount = max(columnCount, column + 1)
            }
        }
    }

    static func columnIndex(_ ref: String) -> Int {
        ref.prefix { $0.isLetter }.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }

    static func ref(_ column: Int, _ row: Int) -> String {
        var n = column + 1, s = ""
        while n > 0 {
            s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s
            n = (n - 1) / 26
        }
        return s + String(row)
    }

    func cell(_ column: Int, _ row: Int) -> Cell? { cells[Self.ref(column, row)] }
    func text(_ column: Int, _ row: Int) -> String { cell(column, row)?.text ?? "" }

    /// The heading row's texts.
    var headings: [String] { (0..<columnCount).map { text($0, 1) } }

    func column(_ title: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        guard let i = headings.firstIndex(of: title) else {
            XCTFail("no column \(title) in \(headings)", file: file, line: line)
            return 0
        }
        return i
    }

    /// Data rows (after the heading) as dictionaries heading → cell.
    var records: [[String: Cell]] {
        let h = headings
        return (2..<(rowCount + 1)).map { r in
            var out: [String: Cell] = [:]
            for (n, title) in h.enumerated() { if let c = cell(n, r) { out[title] = c } }
            return out
        }
    }

    var pane: XNode? { root.descendants("pane").first }
    var columnWidths: [Double] { root.descendants("col").compactMap { $0["width"].flatMap(Double.init) } }
    /// Each row's written height (nil: the default), in row order.
    var rowHeights: [String?] { root.descendants("row").map { $0["ht"] } }
}

// MARK: - CSV

/// Parses CSV bytes with yaslab/CSV.swift (which skips a UTF-8 BOM): heading and rows.
func parseCSV(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> (header: [String], rows: [[String]]) {
    let reader = try CSVReader(stream: InputStream(data: data), hasHeaderRow: true)
    var rows: [[String]] = []
    while let row = reader.next() { rows.append(row) }
    if let e = reader.error { XCTFail("CSV parse error: \(e)", file: file, line: line) }
    return (reader.headerRow ?? [], rows)
}

/// Checks the RFC 4180 framing the parser is lenient about: outside quoted fields every
/// line ends CR LF, quotes only open a field, and a quoted field is closed.
func assertStrictRFC4180(_ data: Data, file: StaticString = #filePath, line: UInt = #line) {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var inQuotes = false
    var fieldStart = true
    var i = 0
    var fieldsPerRecord: [Int] = []
    var fields = 1
    while i < bytes.count {
        let b = bytes[i]
        if inQuotes {
            if b == 0x22 {
                if i + 1 < bytes.count && bytes[i + 1] == 0x22 { i += 2; continue }
                inQuotes = false
                let next = i + 1 < bytes.count ? bytes[i + 1] : 0x0D
                if next != 0x2C && next != 0x0D {
                    XCTFail("byte \(i): a closing quote must be followed by a comma or CR LF", file: file, line: line)
                    return
                }
            }
            i += 1
            continue
        }
        switch b {
        case 0x22:
            guard fieldStart else { XCTFail("byte \(i): a quote inside an unquoted field", file: file, line: line); return }
            inQuotes = true
            fieldStart = false
        case 0x2C:
            fields += 1
            fieldStart = true
        case 0x0D:
            guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { XCTFail("byte \(i): CR without LF", file: file, line: line); return }
            fieldsPerRecord.append(fields)
            fields = 1
            fieldStart = true
            i += 1
        case 0x0A:
            XCTFail("byte \(i): a bare LF ends a record; RFC 4180 wants CR LF", file: file, line: line)
            return
        default:
            fieldStart = false
        }
        i += 1
    }
    XCTAssertFalse(inQuotes, "a quoted field is never closed", file: file, line: line)
    XCTAssertEqual(bytes.suffix(2), [0x0D, 0x0A], "the last record ends with CR LF", file: file, line: line)
    XCTAssertEqual(Set(fieldsPerRecord).count, 1, "every record has the same number of fields: \(Set(fieldsPerRecord))", file: file, line: line)
}

// MARK: - Python (jsonschema, html.parser)

enum Python {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let summarySchema = repoRoot + "/docs/schema/summary.schema.json"

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `script` with python3 and `arguments`; stdout and stderr go to files so a large
    /// output never blocks the child.
    static func run(_ script: String, _ arguments: [String], test: XCTestCase) throws -> Run {
        let work = tempDir(test)
        let path = work + "/script.py"
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        let outPath = work + "/stdout", errPath = work + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", path] + arguments
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        let run = Run(status: p.terminationStatus, stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                      stderr: try String(contentsOfFile: errPath, encoding: .utf8))
        if run.status == 3 || run.stderr.contains("No module named") {
            XCTFail("python3 with the jsonschema package is needed (python3 -m pip install jsonschema):\n\(run.stderr)")
        }
        return run
    }

    /// Validates each file against docs/schema/summary.schema.json (draft 2020-12, with
    /// format checks). Prints `file: $.path: message` per failure and `ok file` per clean file.
    static let validator = #"""
import json, sys
try:
    from jsonschema import Draft202012Validator, FormatChecker
except ImportError as e:
    print("jsonschema is not installed: %s" % e, file=sys.stderr)
    sys.exit(3)
schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema, format_checker=FormatChecker())
bad = False
for path in sys.argv[2:]:
    doc = json.load(open(path, encoding="utf-8"))
    errors = sorted(v.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    for e in errors:
        bad = True
        print("%s: $%s: %s" % (path, "".join("[%d]" % p if isinstance(p, int) else "." + str(p) for p in e.absolute_path), e.message[:300]))
    if not errors:
        print("ok " + path, file=sys.stderr)
sys.exit(1 if bad else 0)
"""#

    /// Validates JSON documents against the summary schema; fails the test on any error.
    static func validateSummaries(_ documents: [String: Data], test: XCTestCase,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = tempDir(test)
        var paths: [String] = []
        for (name, data) in documents.sorted(by: { $0.key < $1.key }) {
            let p = dir + "/" + name
            try data.write(to: URL(fileURLWithPath: p))
            paths.append(p)
        }
        let r = try run(validator, [summarySchema] + paths, test: test)
        XCTAssertEqual(r.status, 0, "schema failures:\n\(r.stdout)\(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count, documents.count,
                       "every document was validated: \(r.stderr)", file: file, line: line)
    }

    /// Parses an HTML page with Python's html.parser; prints a JSON object with the text of
    /// every element by tag, the tags left open, and external references.
    static let htmlReader = #"""
import json, sys
from html.parser import HTMLParser
VOID = {"meta", "br", "img", "link", "input", "hr", "col", "source", "wbr", "area", "base", "embed", "param", "track"}
SVG_VOID = {"rect", "line", "path", "circle"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []; self.text = {}; self.problems = []; self.refs = []; self.tags = {}
    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for k, v in attrs:
            if k in ("src", "href") or (v and ("url(" in v)):
                self.refs.append("%s=%s" % (k, v))
        if tag not in VOID:
            self.stack.append([tag, ""])
    def handle_startendtag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
    def handle_endtag(self, tag):
        if tag in VOID: return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append("unexpected </%s> (open: %s)" % (tag, [t for t, _ in self.stack]))
            return
        t, text = self.stack.pop()
        self.text.setdefault(t, []).append(text)
        if self.stack: self.stack[-1][1] += text
    def handle_data(self, data):
        if self.stack: self.stack[-1][1] += data
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
if p.stack: p.problems.append("left open: %s" % [t for t, _ in p.stack])
print(json.dumps({"text": p.text, "problems": p.problems, "refs": p.refs, "tags": p.tags}, ensure_ascii=False))
"""#

    struct HTMLDocument: Decodable {
        var text: [String: [String]]
        var problems: [String]
        var refs: [String]
        var tags: [String: Int]
    }

    static func readHTML(_ data: Data, test: XCTestCase) throws -> HTMLDocument {
        let path = tempDir(test) + "/page.html"
        try data.write(to: URL(fileURLWithPath: path))
        let r = try run(htmlReader, [path], test: test)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONDecoder().decode(HTMLDocument.self, from: Data(r.stdout.utf8))
    }
}

/// A fresh temporary directory, removed when the test ends.
func tempDir(_ test: XCTestCase, _ name: String = "sanbao-export") -> String {
    let dir = NSTemporaryDirectory() + name + "-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    return dir
}

extension Indicator {
    var zh: String { label.zh }
}

extension Summary {
    /// The tally of one group of one village.
    func group(_ villageCode: String, _ group: String) -> Tally? {
        byGroup.first { $0.key.villageCode == villageCode && $0.key.group == group }?.value
    }
}
