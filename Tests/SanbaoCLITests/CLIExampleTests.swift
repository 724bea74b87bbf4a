import Foundation
import XCTest

/// Issue 20: the examples of docs/cli.md and README.md print what they show.
///
/// An example is a fenced block holding a command as typed at a prompt (`$ sanbao …`),
/// each followed by what it prints. Every such block is marked, on the line before its
/// fence, with the story it runs in:
///
///     <!-- example: demo -->
///
/// and an unmarked one fails, so a new example cannot be added unchecked. A block with
/// no `$ ` line — the synopsis of a command, a list of messages, a script to copy — is not
/// an example and is not run. README.md is read by the same rules; its commands have no
/// prompt and show no output, so none is an example today, and its first two (the app on
/// the demo, the whole test suite) are not to be run by this test.
///
/// Each block runs in a fresh world made by its `Story` (a data directory, `SANBAO_DATA`
/// naming it; a fresh working directory; a fresh `HOME`, so `~` works), command by
/// command, as of 2026-11-29 (`--today`), in Gansu's time zone and a Chinese locale where
/// a command gives no `--lang`, at a terminal of its own where the passphrase
/// `typedPassphrase` is typed at any prompt. What a command prints — the terminal's
/// prompts, then standard output and error in the order they were written — must be the
/// lines under it, except: `| head -N` and `| tail -N` keep N lines of standard output
/// (standard error then comes after them); a line holding only `…`
/// stands for any lines; `/home/li` is the home directory; `$ echo $?` prints the exit
/// status of the command before it; and a `<placeholder>` of `placeholders` stands for a
/// value that differs on every run, matched by its shape. In a command, a placeholder is
/// the value it last stood for in the block's output (`sanbao check --amend <check-id>`).
final class CLIExampleTests: XCTestCase {
    /// The number of example blocks in the files: a block that stops being found (a
    /// mark or fence mistyped) is noticed here.
    static let exampleCount = 21

    static let files = ["docs/cli.md", "README.md"]

    /// What is typed at a passphrase prompt.
    static let typedPassphrase = "麦子黄了-2026"

    /// Values that differ on every run, by the shape their makers give them.
    static let placeholders: [String: String] = [
        // CheckID.make: the visit date, 8 hex digits.
        "check-id": "[0-9]{8}-[0-9a-f]{8}",
        // Store.edit: "e-" and a 16-hex-digit hash.
        "edit-id": "e-[0-9a-f]{16}",
        // sanbao demo's "demo-", sanbao init's and intake's "dev-", then a random UInt32 in hex.
        "device-id": "(?:demo|dev)-[0-9a-f]{1,8}",
        // The local time a record was made, to the second; checked to fall within the test.
        "now": "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}",
    ]

    struct Example {
        var line: Int
        var command: String
        var expected: [String]
    }

    struct Block {
        var file: String
        var line: Int
        /// The story of the mark; nil when the block is unmarked.
        var story: String?
        var examples: [Example]
    }

    /// Every fenced block of `file` that holds a `$ ` line or is marked.
    static func blocks(_ file: String) throws -> [Block] {
        let lines = try String(contentsOfFile: CLI.root + "/" + file, encoding: .utf8).components(separatedBy: "\n")
        var out: [Block] = []
        var i = 0
        while i < lines.count {
            guard lines[i].hasPrefix("```") else { i += 1; continue }
            var j = i + 1
            while j < lines.count, !lines[j].hasPrefix("```") { j += 1 }
            let story = i > 0 ? lines[i - 1].firstMatch(of: /^<!-- example: (\S+) -->$/).map { String($0.1) } : nil
            let examples = Self.examples(lines, from: i + 1, to: j)
            if story != nil || !examples.isEmpty {
                out.append(Block(file: file, line: i + 1, story: story, examples: examples))
            }
            i = j + 1
        }
        return out
    }

    /// The commands between lines `from` and `to`, each with the lines under it.
    static func examples(_ lines: [String], from: Int, to: Int) -> [Example] {
        var out: [Example] = []
        for j in from..<to {
            if lines[j].hasPrefix("$ ") {
                out.append(Example(line: j + 1, command: String(lines[j].dropFirst(2)), expected: []))
            } else if !out.isEmpty {
                out[out.count - 1].expected.append(lines[j])
            }
        }
        return out
    }

    func testEveryExampleIsMarkedWithAStory() throws {
        let blocks = try Self.files.flatMap(Self.blocks)
        for b in blocks {
            XCTAssertNotNil(b.story, "\(b.file):\(b.line): an example with no <!-- example: STORY --> on the line before")
            XCTAssertFalse(b.examples.isEmpty, "\(b.file):\(b.line): marked, but no $ command to run")
            if let s = b.story { XCTAssertNotNil(Story(rawValue: s), "\(b.file):\(b.line): no story \"\(s)\"") }
        }
        XCTAssertEqual(blocks.count, Self.exampleCount, "the example blocks of \(Self.files)")
    }

    func testEveryExamplePrintsWhatItShows() throws {
        let started = Date()
        for block in try Self.files.flatMap(Self.blocks) {
            guard let story = block.story.flatMap(Story.init) else { continue }
            let world = try story.make(self)
            var run = BlockRun(world: world)
            for example in block.examples {
                let shown: [String]
                do { shown = try run.run(example) } catch {
                    XCTFail("\(block.file):\(example.line): \(example.command): \(error)")
                    break
                }
                let expected = example.expected.map { $0.replacingOccurrences(of: "/home/li", with: world.home) }
                if let bound = Self.match(expected[...], shown[...], started: started) {
                    run.bindings.merge(bound) { $1 }
                } else {
                    XCTFail("\(block.file):\(example.line): \(example.command)\nshows\n\(expected.joined(separator: "\n"))\nprints\n\(shown.joined(separator: "\n"))")
                }
            }
        }
    }

    /// The stories, each made fresh for each block.
    enum Story: String {
        /// A fresh demo village (`sanbao demo`), nothing else.
        case demo
        /// No data yet: `SANBAO_DATA` names a directory that does not exist. In the working
        /// directory, the township's rosters as the examples name them: 花名册.xlsx (four
        /// new households; Fixtures/intake/wenfeng.xlsx), 新花名册.xlsx (the next one:
        /// wenfeng-update.xlsx) and 花名册.csv (a household with two heads: bad/two-heads.csv).
        case empty
        /// The demo village on two devices, this one (the data) and another, each a copy
        /// made by `sanbao demo`. On the other, 王晓燕 changed 0003's phone to
        /// 13900000002 and 0004's type, and a check of 0007 was recorded; it wrote its
        /// bundle, b.json, and sealed, b.sealed, into the working directory — sealed with
        /// another passphrase than `typedPassphrase`: the example is of a wrong one. Then,
        /// later, this device changed 0003's phone to 13900000001 (the `edit` example), so
        /// its value is the one in force.
        case twoDevices = "two-devices"

        func make(_ test: XCTestCase) throws -> World {
            let world = try World(test)
            switch self {
            case .demo:
                try world.sanbao(["demo", world.data])
            case .empty:
                try world.copyRosters()
            case .twoDevices:
                try world.makeTwoDevices(test)
            }
            return world
        }
    }

    /// Whether `shown` is what `expected` says: the values the placeholders stood for, or
    /// nil. A line of `…` stands for any lines.
    static func match(_ expected: ArraySlice<String>, _ shown: ArraySlice<String>, started: Date) -> [String: String]? {
        guard let first = expected.first else { return shown.isEmpty ? [:] : nil }
        if first.trimmingCharacters(in: .whitespaces) == "…" {
            let rest = expected.dropFirst()
            for skip in 0...shown.count {
                if let bound = match(rest, shown.dropFirst(skip), started: started) { return bound }
            }
            return nil
        }
        guard let line = shown.first, let here = LinePattern(first).match(line, started: started),
              let after = match(expected.dropFirst(), shown.dropFirst(), started: started) else { return nil }
        return here.merging(after) { $1 }
    }
}

/// One expected line as a pattern: its text literally, each placeholder by its shape.
struct LinePattern {
    var regex: NSRegularExpression
    var names: [String] = []

    init(_ line: String) {
        var pattern = "^"
        var rest = Substring(line)
        while let m = rest.firstMatch(of: /<([a-z-]+)>/), let shape = CLIExampleTests.placeholders[String(m.1)] {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<m.range.lowerBound])) + "(" + shape + ")"
            names.append(String(m.1))
            rest = rest[m.range.upperBound...]
        }
        regex = try! NSRegularExpression(pattern: pattern + NSRegularExpression.escapedPattern(for: String(rest)) + "$")
    }

    /// The values the placeholders stand for in `line`, or nil when it does not match.
    func match(_ line: String, started: Date) -> [String: String]? {
        guard let m = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
        var bound: [String: String] = [:]
        for (k, name) in names.enumerated() {
            let value = String(line[Range(m.range(at: k + 1), in: line)!])
            if name == "now", !Self.isDuringTheTest(value, started: started) { return nil }
            bound[name] = value
        }
        return bound
    }

    /// Whether a local time shown (Gansu's, as the examples run) is between `started`
    /// and now: a record made by the test, not a fixed or a UTC time.
    static func isDuringTheTest(_ shown: String, started: Date) -> Bool {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.locale = Locale(identifier: "en_US_POSIX")
        return f.string(from: started.addingTimeInterval(-1)) <= shown && shown <= f.string(from: Date())
    }
}

/// Where a block runs: its own data directory, working directory and home.
struct World {
    var data: String, cwd: String, home: String

    init(_ test: XCTestCase) throws {
        let base = test.tempPath("sanbao-example")
        (data, cwd, home) = (base + "/data", base + "/cwd", base + "/home")
        for dir in [cwd, home] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
    }

    /// The environment every command of the block runs in.
    var environment: [String: String] {
        ["TZ": "Asia/Shanghai", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8", "HOME": home, "SANBAO_DATA": data]
    }

    /// Runs a step of a story, which must succeed.
    func sanbao(_ args: [String], data: String? = nil, env: [String: String] = [:]) throws {
        var environment = environment
        environment["SANBAO_DATA"] = data ?? self.data
        environment.merge(env) { $1 }
        let r = runSanbao(args + ["--today", CLI.today, "--lang", "en"], env: environment, cwd: cwd)
        guard r.status == 0 else { throw StoryFailed(step: args.joined(separator: " "), said: r.stderr) }
    }

    func copyRosters() throws {
        let fixtures = CLI.root + "/Fixtures/intake/"
        for (from, to) in ["wenfeng.xlsx": "花名册.xlsx", "wenfeng-update.xlsx": "新花名册.xlsx", "bad/two-heads.csv": "花名册.csv"] {
            try FileManager.default.copyItem(atPath: fixtures + from, toPath: cwd + "/" + to)
        }
    }

    func makeTwoDevices(_ test: XCTestCase) throws {
        let other = test.tempPath("sanbao-example-other")
        try sanbao(["demo", data])
        try sanbao(["demo", other])
        try sanbao(["edit", "621121103201-0003", "phone=13900000002", "--cadre", "王晓燕"], data: other)
        try sanbao(["edit", "621121103201-0004", "type=minimum_living", "--cadre", "王晓燕"], data: other)
        try sanbao(["check", "621121103201-0007", "--set", "water=not_met:水窖干涸", "--set", "housing=met"], data: other)
        try sanbao(["bundle", "-o", "b.json"], data: other)
        try sanbao(["bundle", "--encrypt", "-o", "b.sealed"], data: other, env: ["SANBAO_PASSPHRASE": "另一台设备的口令"])
        try sanbao(["edit", "621121103201-0003", "phone=13900000001"])
    }
}

struct StoryFailed: Error, CustomStringConvertible {
    var step: String, said: String
    var description: String { "a story's step failed: sanbao \(step): \(said)" }
}

/// The commands of one block, run in turn in its world.
struct BlockRun {
    var world: World
    /// What each placeholder last stood for in the block's output.
    var bindings: [String: String] = [:]
    var lastStatus: Int32 = 0

    /// The lines `example` prints: the terminal's, then standard output's and error's.
    mutating func run(_ example: CLIExampleTests.Example) throws -> [String] {
        var command = try filledIn(example.command)
        if command == "echo $?" { return ["\(lastStatus)"] }
        var keep: (head: Bool, count: Int)?
        if let pipe = command.firstMatch(of: /\s*\|\s*(head|tail) -(\d+)$/) {
            keep = (pipe.1 == "head", Int(pipe.2)!)
            command.removeSubrange(pipe.range)
        }
        var words = Self.words(command, home: world.home)
        guard words.first == "sanbao" else { throw ExampleError.notSanbao(example.command) }
        words.removeFirst()
        let r = try runAtTerminal(words + ["--today", CLI.today], env: world.environment, cwd: world.cwd,
                                  answer: CLIExampleTests.typedPassphrase, mergingErrors: keep == nil)
        lastStatus = r.status
        var out = Self.lines(r.stdout)
        if let keep { out = keep.head ? Array(out.prefix(keep.count)) : Array(out.suffix(keep.count)) }
        // A prompt ends in a space, where the cursor waited; the terminal ends lines in CR LF.
        let prompts: [String] = Self.lines(r.terminal.replacingOccurrences(of: "\r", with: "")).map {
            $0.replacing(/\ +$/, with: "")
        }
        return prompts + out + Self.lines(r.stderr)
    }

    /// `command` with each placeholder replaced by what it last stood for.
    func filledIn(_ command: String) throws -> String {
        var text = command
        for (name, _) in CLIExampleTests.placeholders where text.contains("<\(name)>") {
            guard let value = bindings[name] else { throw ExampleError.unbound(name, command) }
            text = text.replacingOccurrences(of: "<\(name)>", with: value)
        }
        return text
    }

    /// The words of a command line as a shell splits them: at spaces outside quotes, a
    /// leading `~/` being the home directory.
    static func words(_ command: String, home: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for c in command {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " {
                if inWord { words.append(word) }
                (word, inWord) = ("", false)
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words.map { $0.hasPrefix("~/") ? home + $0.dropFirst() : $0 }
    }

    static func lines(_ text: String) -> [String] {
        var l = text.components(separatedBy: "\n")
        while l.last == "" { l.removeLast() }
        return l
    }
}

enum ExampleError: Error {
    case notSanbao(String), unbound(String, String)
}
