import Foundation
import XCTest

/// Issue 20: docs/cli.md's examples print what they show. A block of examples marked on
/// the line before its fence
///
///     <!-- example: demo -->
///
/// is run, command by command, on a fresh demo village (today 2026-11-29, Gansu's time
/// zone, a Chinese locale where a command gives no --lang, the working directory a fresh
/// folder), and what each command prints (standard output, then standard error) must be
/// the lines under it. `| head -N` and `| tail -N` keep N lines of standard output; a line
/// holding only `…` stands for any lines. Examples that need a story around them (a
/// bundle from another device, random check ids) stay unmarked.
final class CLIExampleTests: XCTestCase {
    struct Example {
        var line: Int
        var command: String
        var expected: [String]
    }

    static func blocks() throws -> [[Example]] {
        let lines = try String(contentsOfFile: CLI.root + "/docs/cli.md", encoding: .utf8).components(separatedBy: "\n")
        var out: [[Example]] = []
        for (i, l) in lines.enumerated() where l == "<!-- example: demo -->" {
            guard i + 1 < lines.count, lines[i + 1].hasPrefix("```") else { continue }
            var block: [Example] = []
            var j = i + 2
            while j < lines.count, !lines[j].hasPrefix("```") {
                if lines[j].hasPrefix("$ ") {
                    block.append(Example(line: j + 1, command: String(lines[j].dropFirst(2)), expected: []))
                } else if !block.isEmpty {
                    block[block.count - 1].expected.append(lines[j])
                }
                j += 1
            }
            out.append(block)
        }
        return out
    }

    func testEveryMarkedExamplePrintsWhatItShows() throws {
        let blocks = try Self.blocks()
        XCTAssertEqual(blocks.count, 5, "every marked block of docs/cli.md was found")
        for block in blocks {
            let dir = makeDemo()
            let cwd = tempPath("sanbao-example")
            try FileManager.default.createDirectory(atPath: cwd, withIntermediateDirectories: true)
            for example in block {
                let shown = try run(example, data: dir, cwd: cwd)
                XCTAssertTrue(Self.matches(example.expected, shown),
                              "docs/cli.md:\(example.line): \(example.command)\nshows\n\(example.expected.joined(separator: "\n"))\nprints\n\(shown.joined(separator: "\n"))")
            }
        }
    }

    /// The lines `example` prints, run in `cwd` on the data in `data`.
    func run(_ example: Example, data: String, cwd: String) throws -> [String] {
        var command = example.command
        var keep: (head: Bool, count: Int)?
        if let pipe = command.firstMatch(of: /\s*\|\s*(head|tail) -(\d+)$/) {
            keep = (pipe.1 == "head", Int(pipe.2)!)
            command.removeSubrange(pipe.range)
        }
        var words = command.split(separator: " ").map(String.init)
        XCTAssertEqual(words.first, "sanbao", "docs/cli.md:\(example.line)")
        words.removeFirst()
        let r = runSanbao(words + ["--data", data, "--today", CLI.today], env: ["TZ": "Asia/Shanghai", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"],
                          cwd: cwd)
        var out = Self.lines(r.stdout)
        if let keep {
            out = keep.head ? Array(out.prefix(keep.count)) : Array(out.suffix(keep.count))
        } else {
            out += Self.lines(r.stderr)
        }
        return out
    }

    static func lines(_ text: String) -> [String] {
        var l = text.components(separatedBy: "\n")
        while l.last == "" { l.removeLast() }
        return l
    }

    /// Whether `shown` is what `expected` says, a line of `…` standing for any lines.
    static func matches(_ expected: [String], _ shown: [String]) -> Bool {
        guard let first = expected.first else { return shown.isEmpty }
        if first.trimmingCharacters(in: .whitespaces) == "…" {
            let rest = Array(expected.dropFirst())
            return (0...shown.count).contains { matches(rest, Array(shown.dropFirst($0))) }
        }
        return shown.first == first && matches(Array(expected.dropFirst()), Array(shown.dropFirst()))
    }
}
