import Foundation
import SanbaoCore
import SanbaoSamples
import SanbaoStore
import XCTest

/// Proves that the JSON Schemas in docs/schema describe what `DatasetWriter` writes:
/// a dataset that sets every optional field (and one that sets none) is written to a
/// temp directory and every file, and every line of every `.jsonl` file, is validated
/// with Python's `jsonschema` package. Negative cases prove the schemas can fail.
final class SchemaTests: XCTestCase {
    // MARK: Positive: everything the writer produces validates

    func testWrittenDatasetValidatesAgainstSchemas() throws {
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        let files = try SchemaHarness.dataFiles(dir)
        XCTAssertEqual(files, [
            "cadres.json", "checks/621121103201.jsonl", "checks/621121103202.jsonl", "edits/621121103201.jsonl",
            "households/621121103201.jsonl", "households/621121103202.jsonl", "rules.json", "sanbao.json",
        ], "the sample should exercise every kind of file, rules.json included")

        let run = try SchemaHarness.validateDirectory(dir, test: self)
        XCTAssertEqual(run.status, 0, "schema failures:\n\(run.stdout)\(run.stderr)")
        XCTAssertEqual(run.stdout, "", "schema failures:\n\(run.stdout)")
        // The script names each file it validated and how many records it held, so a
        // pass cannot come from validating nothing.
        XCTAssertEqual(SchemaHarness.validated(run.stderr), [
            "cadres.json": 1, "checks/621121103201.jsonl": 3, "checks/621121103202.jsonl": 1,
            "edits/621121103201.jsonl": 3, "households/621121103201.jsonl": 1, "households/621121103202.jsonl": 1,
            "rules.json": 1, "sanbao.json": 1,
        ], run.stderr)
    }

    func testSampleSetsEveryOptionalKey() throws {
        // Guards the positive test: if the sample stopped setting an optional field, the
        // schema for that field would no longer be exercised.
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        let full = try SchemaHarness.lines(dir + "/households/621121103201.jsonl")[1]
        for key in ["food_clothing", "water", "housing"] { XCTAssertNotNil(full[key], key) }
        let member = try XCTUnwrap((full["members"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(member.keys), [
            "id", "name", "sex", "id_number", "birth_date", "relation", "school", "education_exemption",
            "subsidy_received", "health", "disability_grade", "chronic_card", "family_doctor", "labour",
            "migrant_months", "insured", "serious_illness_insurance", "medical_assistance", "joined", "left",
        ])
        let water = try XCTUnwrap(full["water"] as? [String: Any])
        XCTAssertEqual(water.count, 9)
        let housing = try XCTUnwrap(full["housing"] as? [String: Any])
        XCTAssertEqual(housing.count, 7)
        let status = try XCTUnwrap(full["status"] as? [String: Any])
        XCTAssertEqual(status.count, 4)

        let minimal = try SchemaHarness.lines(dir + "/households/621121103202.jsonl")[1]
        for key in ["food_clothing", "water", "housing"] { XCTAssertNil(minimal[key], key) }
        let bare = try XCTUnwrap((minimal["members"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(bare.keys), ["id", "name", "sex", "birth_date", "relation", "health", "labour", "migrant_months"])

        let checks = try SchemaHarness.lines(dir + "/checks/621121103201.jsonl").dropFirst()
        let rich = try XCTUnwrap(checks.first { $0["supersedes"] != nil })
        XCTAssertNotNil(rich["observations"])
        XCTAssertNotNil(rich["follow_up"])
        let withoutSupersedes = try XCTUnwrap(checks.first { $0["supersedes"] == nil && $0["follow_up"] != nil })
        XCTAssertNil(withoutSupersedes["observations"])
        let plain = try SchemaHarness.lines(dir + "/checks/621121103202.jsonl")[1]
        XCTAssertNil(plain["observations"])
        XCTAssertNil(plain["follow_up"])
        XCTAssertNil(plain["supersedes"])
    }

    func testRequiredAndOptionalKeysMatchWhatIsWritten() throws {
        // Each schema object's `required` list must be exactly the keys written for a record
        // that leaves every optional value out, and its `properties` exactly the keys written
        // for one that sets them all. Validation alone only proves the first is a subset.
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        let household = try SchemaHarness.schema("household")
        let check = try SchemaHarness.schema("check")
        let edit = try SchemaHarness.schema("edit")
        let full = try SchemaHarness.lines(dir + "/households/621121103201.jsonl")[1]
        let minimal = try SchemaHarness.lines(dir + "/households/621121103202.jsonl")[1]
        let checks = try SchemaHarness.lines(dir + "/checks/621121103201.jsonl").dropFirst()
        let plainCheck = try SchemaHarness.lines(dir + "/checks/621121103202.jsonl")[1]
        let edits = try SchemaHarness.lines(dir + "/edits/621121103201.jsonl").dropFirst()
        func obj(_ v: Any?) -> [String: Any] { v as? [String: Any] ?? [:] }
        func first(_ v: Any?) -> [String: Any] { (v as? [[String: Any]])?.first ?? [:] }
        func last(_ v: Any?) -> [String: Any] { (v as? [[String: Any]])?.last ?? [:] }
        let rich = try XCTUnwrap(checks.first { $0["supersedes"] != nil })
        let richObservations = obj(rich["observations"])
        let emptyObservations = try XCTUnwrap(checks.first { $0["observations"] != nil && $0["supersedes"] == nil })

        let cases: [(String, [String: Any], [String: Any], [String: Any])] = [
            ("household", household, minimal, full),
            ("member", SchemaHarness.def(household, "member"), first(minimal["members"]), first(full["members"])),
            ("status", SchemaHarness.def(household, "status"), obj(minimal["status"]), obj(full["status"])),
            ("pairing", SchemaHarness.def(household, "pairing"), last(full["pairings"]), first(full["pairings"])),
            ("measure", SchemaHarness.def(household, "measure"), last(full["measures"]), first(full["measures"])),
            ("water", SchemaHarness.def(household, "water_supply"), obj(richObservations["water"]), obj(full["water"])),
            ("housing", SchemaHarness.def(household, "housing"), obj(richObservations["housing"]), obj(full["housing"])),
            ("check", check, plainCheck, rich),
            ("finding", SchemaHarness.def(check, "finding"), obj(obj(rich["findings"])["education"]),
             obj(obj(rich["findings"])["water"])),
            ("observations", SchemaHarness.def(check, "observations"), obj(emptyObservations["observations"]),
             richObservations),
            ("member observation", SchemaHarness.def(check, "member_observation"), last(richObservations["members"]),
             first(richObservations["members"])),
            ("edit", edit, edits.first ?? [:], edits.last ?? [:]),
        ]
        for (name, schema, bare, complete) in cases {
            let required = Set(schema["required"] as? [String] ?? [])
            let properties = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
            XCTAssertFalse(required.isEmpty, "\(name): schema lists no required keys")
            XCTAssertEqual(Set(bare.keys), required, "\(name): required keys")
            XCTAssertEqual(Set(complete.keys), properties, "\(name): all keys")
        }
    }

    // MARK: Negative: the schemas reject what the code would not write

    func testHouseholdWithUnknownKeyIsRejected() throws {
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        var record = try SchemaHarness.lines(dir + "/households/621121103201.jsonl")[1]
        record["nmae"] = "王建国"
        try assertRejected(record, as: "household", mentioning: "nmae")
    }

    func testMemberWithUnknownKeyIsRejected() throws {
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        var record = try SchemaHarness.lines(dir + "/households/621121103202.jsonl")[1]
        var members = try XCTUnwrap(record["members"] as? [[String: Any]])
        members[0]["birthday"] = "1950-01-20"
        record["members"] = members
        try assertRejected(record, as: "household", mentioning: "birthday")
    }

    func testCheckWithUnknownIndicatorIsRejected() throws {
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        var record = try SchemaHarness.lines(dir + "/checks/621121103202.jsonl")[1]
        var findings = try XCTUnwrap(record["findings"] as? [String: Any])
        findings["sanitation"] = ["state": "met", "note": ""]
        record["findings"] = findings
        try assertRejected(record, as: "check", mentioning: "sanitation")
    }

    func testDateWithoutLeadingZerosIsRejected() throws {
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        var check = try SchemaHarness.lines(dir + "/checks/621121103202.jsonl")[1]
        check["date"] = "2026-3-1"
        try assertRejected(check, as: "check", mentioning: "2026-3-1")

        var household = try SchemaHarness.lines(dir + "/households/621121103202.jsonl")[1]
        var members = try XCTUnwrap(household["members"] as? [[String: Any]])
        members[0]["birth_date"] = "1950-1-20"
        household["members"] = members
        try assertRejected(household, as: "household", mentioning: "1950-1-20")
    }

    func testMissingRequiredKeyNullAndBadEnumAreRejected() throws {
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        let check = try SchemaHarness.lines(dir + "/checks/621121103202.jsonl")[1]
        var missing = check
        missing["recorded_at"] = nil
        try assertRejected(missing, as: "check", mentioning: "recorded_at")
        var null = check
        null["follow_up"] = NSNull()
        try assertRejected(null, as: "check", mentioning: "None")

        var household = try SchemaHarness.lines(dir + "/households/621121103202.jsonl")[1]
        household["type"] = "poor"
        try assertRejected(household, as: "household", mentioning: "poor")
    }

    func testEditMustNameAnEditableField() throws {
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        var edit = try SchemaHarness.lines(dir + "/edits/621121103201.jsonl")[1]
        edit["field"] = "members[1].id_numbr"
        let run = try SchemaHarness.validateLines([String(decoding: try JSONSerialization.data(withJSONObject: edit), as: UTF8.self)],
                                                  schema: "edit", test: self)
        XCTAssertEqual(run.status, 0, "a member key is only checked by Sanbao when the edit is applied: \(run.stdout)")
        edit["field"] = "id"
        try assertRejected(edit, as: "edit", mentioning: "'id' does not match")
        edit["field"] = "phone"
        edit["parents"] = nil
        try assertRejected(edit, as: "edit", mentioning: "parents")
    }

    func testHandWrittenPartialRulesFileValidates() throws {
        // rules.json is the one file people edit by hand; any subset of keys is allowed,
        // but schema_version is required and a misspelt key is caught.
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        let rules = dir + "/rules.json"
        try Data(#"{"schema_version": 1, "visit_interval_days": 14}"#.utf8).write(to: URL(fileURLWithPath: rules))
        let ok = try SchemaHarness.validateDirectory(dir, test: self)
        XCTAssertEqual(ok.status, 0, ok.stdout)

        try Data(#"{"schema_version": 1, "visit_intervall_days": 14}"#.utf8).write(to: URL(fileURLWithPath: rules))
        let typo = try SchemaHarness.validateDirectory(dir, test: self)
        XCTAssertEqual(typo.status, 1)
        XCTAssertTrue(typo.stdout.hasPrefix("rules.json:1: "), typo.stdout)
        XCTAssertTrue(typo.stdout.contains("visit_intervall_days"), typo.stdout)
    }

    func testFailuresInAWrittenFileNameFileAndLine() throws {
        let dir = try SchemaHarness.write(SchemaSample.dataset(), test: self)
        let path = dir + "/checks/621121103201.jsonl"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += #"{"cadre_id":"c1","confirmed":false,"date":"2026-3-1","findings":{},"household_id":"621121103201-0001","id":"x","measures":[],"note":"","recorded_at":"2026-03-01T08:00:00Z"}"# + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let run = try SchemaHarness.validateDirectory(dir, test: self)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.hasPrefix("checks/621121103201.jsonl:5: $.date: "), run.stdout)
    }

    // MARK: The hand-made invalid fixtures

    func testSchemasCatchTheShapeProblemsOfTheInvalidFixtures() throws {
        // Fixtures/invalid holds one broken data directory per kind of bad input. Problems
        // of shape are the schemas' job; the others (check digits, references, dates in the
        // future, duplicates) only `sanbao validate` can see, so those directories pass.
        let fixtures = SchemaHarness.repoRoot + "/Fixtures/invalid/"
        let shape = [
            "invalid-utf8": "households/621121103201.jsonl:3: not UTF-8",
            "newer-schema-version": "households/621121103201.jsonl:1: $.schema_version: ",
            "truncated-json": "households/621121103201.jsonl:3: not JSON",
            "unknown-indicator": "checks/621121103201.jsonl:2: $.findings: 'sanitation' is not one of",
            "wrong-type": "households/621121103201.jsonl:2: $.members[0].migrant_months: ",
        ]
        for (name, expected) in shape {
            let run = try SchemaHarness.validateDirectory(fixtures + name, test: self)
            XCTAssertEqual(run.status, 1, name)
            XCTAssertTrue(run.stdout.hasPrefix(expected), "\(name): \(run.stdout)")
            XCTAssertEqual(run.stdout.split(separator: "\n").count, 1, "\(name): \(run.stdout)")
        }
        for name in ["bad-id-check-digit", "check-unknown-household", "duplicate-household-id", "future-birth-date"] {
            let run = try SchemaHarness.validateDirectory(fixtures + name, test: self)
            XCTAssertEqual(run.status, 0, "\(name): \(run.stdout)")
        }
    }

    // MARK: The demo village

    func testDemoVillageValidatesAgainstSchemas() throws {
        let dir = SchemaHarness.tempDir(self)
        try DatasetWriter(layout: DataLayout(root: dir))
            .create(DemoVillage.make(), manifest: Manifest(deviceID: "demo", created: "\(DemoVillage.asOf)T00:00:00Z"))
        let run = try SchemaHarness.validateDirectory(dir, test: self)
        XCTAssertEqual(run.status, 0, "schema failures:\n\(run.stdout)\(run.stderr)")
        XCTAssertEqual(run.stdout, "")
        let validated = SchemaHarness.validated(run.stderr)
        XCTAssertNotNil(validated["sanbao.json"])
        XCTAssertTrue(validated.keys.contains { $0.hasPrefix("households/") }, run.stderr)
        XCTAssertTrue(validated.keys.contains { $0.hasPrefix("checks/") }, run.stderr)
    }

    // MARK: Helpers

    /// Asserts that `record`, written as one JSON line, fails the `schema` schema with a
    /// message that contains `text`, while the unchanged record is not the cause.
    private func assertRejected(_ record: [String: Any], as schema: String, mentioning text: String,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let json = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
        let run = try SchemaHarness.validateLines([String(decoding: json, as: UTF8.self)], schema: schema, test: self)
        XCTAssertEqual(run.status, 1, "expected the \(schema) schema to reject the record", file: file, line: line)
        XCTAssertTrue(run.stdout.hasPrefix("record.jsonl:1: "), run.stdout, file: file, line: line)
        XCTAssertTrue(run.stdout.contains(text), "expected a failure mentioning \(text), got:\n\(run.stdout)",
                      file: file, line: line)
    }
}

/// Writes datasets and runs the Python validator.
enum SchemaHarness {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let schemaDir = repoRoot + "/docs/schema"

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func tempDir(_ test: XCTestCase) -> String {
        let dir = NSTemporaryDirectory() + "sanbao-schema-" + UUID().uuidString
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    static func write(_ dataset: Dataset, test: XCTestCase) throws -> String {
        let dir = tempDir(test)
        let manifest = Manifest(deviceID: "schema-test", created: "2026-11-01T08:00:00Z")
        var registration = dataset
        registration.edits = []
        try DatasetWriter(layout: DataLayout(root: dir)).create(registration, manifest: manifest)
        // `create` makes households/ and checks/ but not edits/, so a dataset with edits
        // cannot be created in one call yet; the edit log goes in with the writer's bytes.
        for (path, data) in try DatasetWriter.files(dataset, manifest: manifest) where path.hasPrefix("edits/") {
            try FileManager.default.createDirectory(atPath: dir + "/edits", withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: dir + "/" + path))
        }
        return dir
    }

    /// A schema file as a JSON object.
    static func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: schemaDir + "/" + name + ".schema.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// One of a schema's `$defs`.
    static func def(_ schema: [String: Any], _ name: String) -> [String: Any] {
        (schema["$defs"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }

    /// Every regular file under `dir`, relative to it, sorted.
    static func dataFiles(_ dir: String) throws -> [String] {
        let all = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
        return all.filter { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }

    /// The lines of a `.jsonl` file as JSON objects (the header first).
    static func lines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CocoaError(.coderReadCorrupt)
            }
            return o
        }
    }

    /// The `ok FILE COUNT` lines the script writes to stderr, as a dictionary.
    static func validated(_ stderr: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for line in stderr.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 3, parts[0] == "ok", let n = Int(parts[2]) { out[String(parts[1])] = n }
        }
        return out
    }

    static func validateDirectory(_ dir: String, test: XCTestCase) throws -> Run {
        try python([schemaDir, "dir", dir], test: test)
    }

    /// Validates each of `lines` against `<schema>.schema.json`; failures are reported as
    /// `record.jsonl:N: ...`.
    static func validateLines(_ lines: [String], schema: String, test: XCTestCase) throws -> Run {
        let work = tempDir(test)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let file = work + "/record.jsonl"
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: file))
        return try python([schemaDir, "lines", schema, file], test: test)
    }

    /// Runs the validator script with python3. stdout and stderr go to files, so a large
    /// output can never block the child on a full pipe.
    static func python(_ arguments: [String], test: XCTestCase) throws -> Run {
        let work = tempDir(test)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let script = work + "/validate.py"
        try Data(validatorScript.utf8).write(to: URL(fileURLWithPath: script))
        let outPath = work + "/stdout", errPath = work + "/stderr"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let run = Run(status: process.terminationStatus,
                      stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                      stderr: try String(contentsOfFile: errPath, encoding: .utf8))
        if run.status == 3 || run.stderr.contains("No module named") {
            XCTFail("python3 with the jsonschema package is needed (python3 -m pip install jsonschema):\n\(run.stderr)")
        }
        return run
    }

    /// Validates a data directory (`SCHEMA_DIR dir DATA_DIR`) or a file of lines against
    /// one schema (`SCHEMA_DIR lines NAME FILE`). Prints each failure to stdout as
    /// `file:line: $.path: message` and `ok FILE RECORDS` to stderr for each clean file.
    /// Exit 0 when all is valid, 1 on any failure, 2 on usage errors, 3 without jsonschema.
    /// Whole documents (the pretty-printed .json files) report line 1 and the JSON path.
    static let validatorScript = #"""
import json, os, sys
try:
    from jsonschema import Draft202012Validator
except ImportError as e:
    print("jsonschema is not installed: %s" % e, file=sys.stderr)
    sys.exit(3)

def load_validator(schema_dir, name):
    with open(os.path.join(schema_dir, name + ".schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)

def json_path(error):
    out = "$"
    for part in error.absolute_path:
        out += "[%d]" % part if isinstance(part, int) else "." + str(part)
    return out

failures = []

def fail(file, line, message):
    failures.append("%s:%d: %s" % (file, line, message))

def check(validator, value, file, line):
    errors = sorted(validator.iter_errors(value), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    for e in errors:
        fail(file, line, "%s: %s" % (json_path(e), e.message))
    return not errors

def parse(raw, file, line):
    try:
        return True, json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        fail(file, line, "not UTF-8: %s" % e)
    except ValueError as e:
        fail(file, line, "not JSON: %s" % e)
    return False, None

def validate_lines(path, rel, header, record):
    ok, count = True, 0
    with open(path, "rb") as f:
        numbered = [(i + 1, l.rstrip(b"\r")) for i, l in enumerate(f.read().split(b"\n"))]
    numbered = [(n, l) for n, l in numbered if l.strip()]
    for index, (number, text) in enumerate(numbered):
        parsed, value = parse(text, rel, number)
        if not parsed:
            ok = False
            continue
        if index == 0 and header is not None:
            ok = check(header, value, rel, number) and ok
            kind = os.path.dirname(rel)
            if isinstance(value, dict) and value.get("kind") != kind:
                fail(rel, number, "$.kind: header kind %r in a file under %s/" % (value.get("kind"), kind))
                ok = False
            stem = os.path.basename(rel)[:-len(".jsonl")]
            if isinstance(value, dict) and value.get("village_code") != stem:
                fail(rel, number, "$.village_code: %r differs from the file name %s" % (value.get("village_code"), stem))
                ok = False
        else:
            count += 1
            ok = check(record, value, rel, number) and ok
    if header is not None and not numbered:
        fail(rel, 1, "empty file: the header line is missing")
        ok = False
    if ok:
        print("ok %s %d" % (rel, count), file=sys.stderr)

def validate_document(path, rel, validator):
    with open(path, "rb") as f:
        parsed, value = parse(f.read(), rel, 1)
    if parsed and check(validator, value, rel, 1):
        print("ok %s 1" % rel, file=sys.stderr)

def main(argv):
    if len(argv) == 3 and argv[1] == "dir":
        schema_dir, data = argv[0], argv[2]
        documents = [("sanbao.json", "manifest", True), ("cadres.json", "cadres", True), ("rules.json", "rules", False)]
        for name, schema, required in documents:
            path = os.path.join(data, name)
            if os.path.exists(path):
                validate_document(path, name, load_validator(schema_dir, schema))
            elif required:
                fail(name, 1, "file is missing")
        header = load_validator(schema_dir, "lines-header")
        for sub, schema in [("households", "household"), ("checks", "check"), ("edits", "edit")]:
            record = load_validator(schema_dir, schema)
            folder = os.path.join(data, sub)
            names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
            for name in names:
                if name.endswith(".jsonl"):
                    validate_lines(os.path.join(folder, name), sub + "/" + name, header, record)
    elif len(argv) == 4 and argv[1] == "lines":
        schema_dir, schema, path = argv[0], argv[2], argv[3]
        validate_lines(path, os.path.basename(path), None, load_validator(schema_dir, schema))
    else:
        print("usage: validate.py SCHEMA_DIR dir DATA_DIR | SCHEMA_DIR lines SCHEMA FILE", file=sys.stderr)
        return 2
    for f in failures:
        print(f)
    return 1 if failures else 0

sys.exit(main(sys.argv[1:]))
"""#
}

/// A small dataset that sets every optional field somewhere, and leaves every one unset
/// somewhere else.
enum SchemaSample {
    static func d(_ s: String) -> LocalDate { LocalDate(s)! }

    static let wenfeng = "621121103201"
    static let chakou = "621121103202"

    static func address(_ code: String, village: String) -> Address {
        Address(province: "甘肃省", city: "定西市", county: "通渭县", township: "榜罗镇",
                village: village, group: "一组", villageCode: code)
    }

    /// Every optional field set, on the household and on its members.
    static func fullHousehold() -> Household {
        let head = Member(id: 1, name: "王建国", sex: .male, idNumber: "621121197005120138",
                          birthDate: d("1970-05-12"), relation: .head, school: .notInSchool,
                          educationExemption: .unableToStudy, subsidyReceived: false, health: .disabled,
                          disabilityGrade: 3, chronicCard: true, familyDoctor: true, labour: .lost,
                          migrantMonths: 0, insured: true, seriousIllnessInsurance: true, medicalAssistance: true,
                          joined: MemberChange(reason: .movedIn, date: d("1995-03-01")),
                          left: MemberChange(reason: .died, date: d("2026-02-20")))
        let spouse = Member(id: 2, name: "李秀兰", sex: .female, idNumber: "11010519491231002X",
                            birthDate: d("1949-12-31"), relation: .spouse, health: .chronic, chronicCard: true,
                            familyDoctor: false, labour: .ordinary, migrantMonths: 3, insured: true)
        let son = Member(id: 3, name: "王小明", sex: .male, birthDate: d("2012-09-01"), relation: .son,
                         school: .juniorMiddle, subsidyReceived: true, labour: .none, insured: false)
        let granddaughter = Member(id: 4, name: "王丽", sex: .female, birthDate: d("2019-02-03"),
                                   relation: .grandchild, school: .notInSchool, educationExemption: .homeTeaching,
                                   labour: .none)
        return Household(
            id: "\(wenfeng)-0001", number: "\(wenfeng)0001", address: address(wenfeng, village: "文峰村"),
            phone: "13909321234", type: .minimumLivingPoor,
            causes: PovertyCauses(main: .illness, others: [.lackOfSkills, .lackOfWater]),
            status: PovertyStatus(outOfPovertyYear: 2019, monitoring: .unstableOut, risks: [.illness, .unstableWork],
                                  riskRemoved: true),
            members: [head, spouse, son, granddaughter],
            pairings: [Pairing(cadreID: "c1", start: d("2016-03-01"), end: d("2020-12-31")),
                       Pairing(cadreID: "c2", start: d("2021-01-01"))],
            measures: [Measure(breakthrough: .industry, what: "养羊 10 只", start: d("2021-04-01"), amount: 8000,
                               progress: .done),
                       Measure(breakthrough: .publicServices, what: "护林员公益岗", start: d("2022-01-01"),
                               progress: .inProgress)],
            income: [IncomeRecord(year: 2024, perCapita: 6800), IncomeRecord(year: 2025, perCapita: 7200)],
            foodClothing: FoodClothing(enoughFood: true, seasonalClothes: true, winterBedding: false),
            water: WaterSupply(source: .rainCellar, litresPerPersonDay: 30, qualityOK: true, pipedToYard: false,
                               roundTripMinutes: 15, horizontalMetres: 400, verticalMetres: 30,
                               daysCutPerYear: 20, scarceArea: true),
            housing: Housing(grade: .c, appraisalDate: d("2017-05-10"), structure: .adobe, renovation: .reinforced,
                             renovationDate: d("2018-09-30"), relocated: true, relocationDate: d("2020-06-01")))
    }

    /// Only what must be there: one member with only the non-optional fields.
    static func minimalHousehold() -> Household {
        let head = Member(id: 1, name: "张桂英", sex: .female, birthDate: d("1950-01-20"), relation: .head,
                          insured: nil)
        return Household(id: "\(chakou)-0001", number: "\(chakou)0001", address: address(chakou, village: "岔口村"),
                         phone: "", type: .extremePoverty, causes: PovertyCauses(main: .lackOfLabour),
                         status: PovertyStatus(), members: [head], pairings: [])
    }

    static func checks() -> [Check] {
        let first = Check(
            id: "20260301-0a1b2c3d", householdID: "\(wenfeng)-0001", date: d("2026-03-01"), cadreID: "c2",
            recordedAt: "2026-03-01T09:00:00Z",
            findings: [.income: Finding(state: .met), .water: Finding(state: .followUp, note: "水窖干涸")],
            measures: ["联系水务站送水"], followUp: d("2026-04-01"), confirmed: true, note: "户主在家")
        let amendment = Check(
            id: "20260301-4e5f6a7b", householdID: "\(wenfeng)-0001", date: d("2026-03-01"), cadreID: "c2",
            recordedAt: "2026-03-02T10:30:00Z",
            findings: [.income: Finding(state: .met, note: "务工收入已核实"),
                       .foodClothing: Finding(state: .met),
                       .water: Finding(state: .notMet, note: "水窖干涸，\"缺水\"\n待跟进"),
                       .education: Finding(note: "送教上门"),
                       .medical: Finding(state: .notApplicable),
                       .housing: Finding(state: .unchecked)],
            observations: Observations(
                income: IncomeRecord(year: 2025, perCapita: 7300),
                foodClothing: FoodClothing(enoughFood: true, seasonalClothes: true, winterBedding: true),
                water: WaterSupply(source: .piped, pipedToYard: true),
                housing: Housing(grade: nil, renovation: .none),
                members: [MemberObservation(memberID: 3, school: .droppedOut, educationExemption: .unableToStudy,
                                            insured: true, health: .serious, chronicCard: false, familyDoctor: true),
                          MemberObservation(memberID: 4)]),
            measures: ["联系水务站送水", "申请大病救助"], followUp: d("2026-04-15"), confirmed: false,
            note: "更正前一条记录", supersedes: "20260301-0a1b2c3d")
        let emptyObservations = Check(
            id: "20260310-8c9d0e1f", householdID: "\(wenfeng)-0001", date: d("2026-03-10"), cadreID: "c1",
            recordedAt: "2026-03-10T08:00:00Z", findings: [:], observations: Observations())
        let plain = Check(
            id: "20260305-11223344", householdID: "\(chakou)-0001", date: d("2026-03-05"), cadreID: "c1",
            recordedAt: "2026-03-05T07:45:00Z", findings: [.medical: Finding(state: .met)])
        return [first, amendment, emptyObservations, plain]
    }

    static func edits() -> [HouseholdEdit] {
        [HouseholdEdit(id: "e-0001", householdID: "\(wenfeng)-0001", field: "phone", value: .string("13909325678"),
                       parents: [], deviceID: "schema-test", recordedAt: "2026-03-02T10:00:00Z"),
         HouseholdEdit(id: "e-0002", householdID: "\(wenfeng)-0001", field: "phone", value: .string("13909329999"),
                       parents: ["e-0001"], deviceID: "schema-test", cadreID: "c2", recordedAt: "2026-03-03T10:00:00Z"),
         HouseholdEdit(id: "e-0003", householdID: "\(wenfeng)-0001", field: "members[3].school", value: .null,
                       parents: [], deviceID: "schema-test", cadreID: "c2", recordedAt: "2026-03-04T10:00:00Z",
                       source: "intake 花名册.xlsx")]
    }

    static func rules() -> RulesConfig {
        var r = RulesConfig()
        r.schoolAgeMin = 7
        r.schoolAgeMax = 16
        r.monitoringLines.append(RulesConfig.YearLine(year: 2024, yuan: 7000))
        r.water.litresPerPersonDay = 40
        r.water.maxDaysCutPerYear = 30
        r.visitIntervalDays = 14
        return r
    }

    static func dataset() -> Dataset {
        Dataset(cadres: [Cadre(id: "c1", name: "刘志刚", unit: "通渭县农业农村局", level: .county, phone: "13893201111"),
                         Cadre(id: "c2", name: "马文静", unit: "榜罗镇人民政府", level: .township, phone: "13993202222")],
                households: [fullHousehold(), minimalHousehold()], checks: checks(), edits: edits(),
                rules: rules())
    }
}
