import Foundation
import XCTest

/// Drives the real binary in tmux, as a cadre would: find a household by pinyin
/// initials, open it, enter a check, save, quit; the check is in the data files and on
/// screen after a restart. Also: resizing below 80x24 and back, and a kill mid-form
/// that gets the draft back. Polls the screen; no fixed sleeps decide anything.
final class EndToEndTests: XCTestCase {
    var socket = ""
    var dir = ""
    var binary = ""

    override func setUpWithError() throws {
        binary = try Self.findBinary()
        socket = "sanbao-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        dir = NSTemporaryDirectory() + "sanbao-e2e-" + UUID().uuidString
        XCTAssertEqual(try run(binary, ["demo", dir]).status, 0)
    }

    override func tearDown() {
        _ = try? run("/usr/bin/env", ["tmux", "-L", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: dir)
    }

    static func findBinary() throws -> String {
        var candidates: [URL] = []
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(here.appendingPathComponent("sanbao"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sanbao"))
        for b in Bundle.allBundles { candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("sanbao")) }
        // Only the binary built with these tests: never a possibly older .build/debug/sanbao.
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingBinary("sanbao binary not found next to the tests")
        }
        return found.path
    }

    struct MissingBinary: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    @discardableResult
    func run(_ exe: String, _ args: [String]) throws -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func tmux(_ args: String...) throws -> String { try run("/usr/bin/env", ["tmux", "-L", socket] + args).out }

    /// Kills the app with SIGKILL and waits until it is gone (polled, not a fixed pause:
    /// it is gone once signal 0 finds no process), then ends the tmux server.
    func killApp(file: StaticString = #filePath, line: UInt = #line) throws {
        let pid = try tmux("display-message", "-p", "-t", "0", "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(kill(pid_t(pid)!, SIGKILL), 0, file: file, line: line)
        let dead = Date().addingTimeInterval(5)
        while Date() < dead, kill(pid_t(pid)!, 0) == 0 { usleep(20_000) }
        XCTAssertNotEqual(kill(pid_t(pid)!, 0), 0, "the killed app is still running after 5 s", file: file, line: line)
        _ = try tmux("kill-server")
    }

    func start(columns: Int = 80, rows: Int = 24, term: String = "tmux-256color") throws {
        let command = "\(binary) --data \(dir) --today 2026-11-25 --lang zh"
        let status = Self.spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)",
                                        "-e", "LANG=C.UTF-8", "-e", "TERM=\(term)", command])
        XCTAssertEqual(status, 0, "tmux new-session")
    }

    /// Runs a command with posix_spawn and waits for it. Foundation's Process never sees
    /// `tmux new-session` exit (the tmux server it forks inherits Process's internal
    /// descriptor), so the session is started without it.
    static func spawnAndWait(_ args: [String]) -> Int32 {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cargs = args.map { strdup($0) } + [nil]
        defer {
            cargs.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions)
        }
        guard posix_spawnp(&pid, args[0], &actions, nil, cargs, environ) == 0 else { return -1 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }

    func screen() throws -> String { try tmux("capture-pane", "-p") }

    /// Waits until the screen contains `text` (up to 10 s), returning the screen.
    @discardableResult
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(10)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        XCTFail("screen never showed \"\(text)\"; last screen:\n\(last)", file: file, line: line)
        return last
    }

    func keys(_ k: String...) throws { _ = try tmux(["send-keys", "-t", "0"] + k) }
    func tmux(_ args: [String]) throws -> String { try run("/usr/bin/env", ["tmux", "-L", socket] + args).out }
    func type(_ text: String) throws { _ = try tmux(["send-keys", "-t", "0", "-l", text]) }

    func checksFile() -> String {
        (try? String(contentsOfFile: dir + "/checks/621121103201.jsonl", encoding: .utf8)) ?? ""
    }

    func testFindByPinyinEnterACheckSaveAndSeeItAfterRestart() throws {
        try start()
        try waitFor("户主")
        try openHousehold(searching: "zyq", head: "张永强")
        try keys("n")
        try waitFor("入户检查")
        for _ in 0..<7 { try keys("PageDown") }
        try waitFor("总体备注")
        try keys("Down", "Down", "Down")
        try type("复查：\"辍学\",已劝返")
        try keys("F10")
        try waitFor("已保存")
        XCTAssertTrue(checksFile().contains("复查：\\\"辍学\\\",已劝返"), "the check is in the data file")
        try keys("q")
        try waitFor("户主")
        try keys("q")
        waitUntilTheAppHasQuit()

        try start()
        try waitFor("户主")
        try openHousehold(searching: "zyq", head: "张永强")
        try keys("PageDown", "PageDown")  // the check list is below the indicators
        try waitFor("复查：\"辍学\",已劝返")
    }

    /// From the roster, the household found by searching `typed` (pinyin initials), opened.
    func openHousehold(searching typed: String, head: String) throws {
        try keys("/")
        try type(typed)
        try waitFor(head)
        try keys("Enter")
        try waitFor("家庭成员")
    }

    /// The app started on the demo, household 0002 (张永强) opened, its member form open
    /// with the name 张小宝 typed.
    func startAddingZhangXiaobao() throws {
        try start()
        try waitFor("户主")
        try openHousehold(searching: "zyq", head: "张永强")
        try keys("a")
        try waitFor("新增家庭成员")
        try type("张小宝")
    }

    /// F10 on a form, y to its question, and the status line says `saved`.
    func saveAnswering(_ saved: String) throws {
        try keys("F10")
        try waitFor("(y/n)")
        try keys("y")
        try waitFor(saved)
    }

    /// Issue 13: a newborn added in the real app, said saved, then the app killed with
    /// SIGKILL: reopened, the baby is there (what the app says is saved survives).
    func testANewbornSavedSurvivesAKill() throws {
        try startAddingZhangXiaobao()
        try keys("Down", "Down", "Down")
        try type("2026-10-01")
        try saveAnswering("已保存：新增成员 张小宝")
        try killApp()
        try start()
        try waitFor("户主")
        try openHousehold(searching: "zyq", head: "张永强")
        try waitFor("张小宝")
    }

    /// Issue 13: a record form's draft survives SIGKILL. A name typed into the member form,
    /// the app killed; reopened, the form is offered, its name is back and F10 saves it;
    /// then the draft is gone.
    func testAKilledMemberFormComesBackAndSaves() throws {
        try startAddingZhangXiaobao()
        try waitFor("张小宝")
        let draft = dir + "/drafts/records/member_add.621121103201-0002.json"
        func drafted() -> Bool { ((try? String(contentsOfFile: draft, encoding: .utf8)) ?? "").contains("张小宝") }
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !drafted() { usleep(50_000) }
        XCTAssertTrue(drafted(), "the draft never held the name")
        try killApp()

        try start()
        try waitFor("未保存的表：新增家庭成员：张永强户（")
        try keys("y")
        try waitFor("留存的草稿")
        try waitFor("张小宝")
        try keys("Down", "Down", "Down")
        try type("2026-10-01")
        try waitFor("2026-10-01")
        try saveAnswering("已保存：新增成员 张小宝")
        XCTAssertFalse(FileManager.default.fileExists(atPath: draft), "saved: the draft is gone")
        let edits = (try? String(contentsOfFile: dir + "/edits/621121103201.jsonl", encoding: .utf8)) ?? ""
        XCTAssertTrue(edits.contains("张小宝"), "the member is in the data")
    }

    func testResizeBelowMinimumAndBack() throws {
        try start()
        try waitFor("户主")
        _ = try tmux("resize-window", "-t", "0", "-x", "60", "-y", "20")
        try waitFor("请把终端窗口放大到至少 80x24")
        _ = try tmux("resize-window", "-t", "0", "-x", "80", "-y", "24")
        try waitFor("户主")
    }

    func testKilledMidFormGivesTheDraftBack() throws {
        try typeOverallNoteUntilDrafted("未写完的备注")
        // The draft is on disk: kill the app with SIGKILL.
        try killApp()
        try start()
        try waitFor("发现未保存的检查")
        try keys("y")
        for _ in 0..<7 { try keys("PageDown") }
        try waitFor("未写完的备注")
    }

    /// Starts the app, opens a new check on the first household, types `note` into the
    /// overall note and waits until the kept draft holds it; fails if it never does.
    func typeOverallNoteUntilDrafted(_ note: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try start()
        try waitFor("户主")
        try keys("n")
        try waitFor("入户检查")
        for _ in 0..<7 { try keys("PageDown") }
        try waitFor("总体备注")
        try keys("Down", "Down", "Down")
        try type(note)
        try waitFor(note)
        func drafted() -> Bool {
            (draftFiles().first.flatMap { try? String(contentsOfFile: dir + "/drafts/" + $0, encoding: .utf8) } ?? "").contains(note)
        }
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !drafted() { usleep(50_000) }
        XCTAssertTrue(drafted(), "the draft never held \(note)", file: file, line: line)
    }

    /// Waits (at most 5 s) until tmux has no session left, i.e. the app quit; fails if not.
    func waitUntilTheAppHasQuit(file: StaticString = #filePath, line: UInt = #line) {
        // has-session's status, not list-sessions' output: with no server left, tmux still
        // prints ("no server running"), so a wait on output never ended before its timeout.
        func running() -> Bool { (try? run("/usr/bin/env", ["tmux", "-L", socket, "has-session", "-t", "0"]))?.status == 0 }
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, running() { usleep(50_000) }
        XCTAssertFalse(running(), "the app had not quit 5 s after it was asked to", file: file, line: line)
    }

    func draftFiles() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/drafts")) ?? []).filter { $0.hasSuffix(".json") } }

    /// Issue 14, defect 1, as the cadre met it: "n" at the start-up prompt, then the same
    /// household, `n`, Esc with no change. The draft is still there, and the form shows it.
    func testNoAtTheStartUpPromptThenANewCheckKeepsTheDraft() throws {
        try typeOverallNoteUntilDrafted("草稿里的字")
        try keys("C-c")
        try waitFor("仍要退出")
        try keys("y")
        waitUntilTheAppHasQuit()
        XCTAssertEqual(draftFiles().count, 1)

        try start()
        try waitFor("发现未保存的检查")
        try keys("n")
        try waitFor("? 帮助")
        try keys("Enter")
        try waitFor("家庭成员")
        try keys("n")
        try waitFor("入户检查")
        try keys("Escape")
        try waitFor("放弃 马斌 未保存的检查")
        XCTAssertEqual(draftFiles().count, 1, "no draft is deleted without the question that names it")
        try keys("n")
        for _ in 0..<7 { try keys("PageDown") }
        try waitFor("草稿里的字")
    }

    /// Issue 14, defect 13: PuTTY (and screen, tmux) send Home and End as ESC[1~ and
    /// ESC[4~, which the xterm terminfo entry does not list. They went back or asked to
    /// discard, and End typed "[4~" into a note.
    func testHomeAndEndFromPuTTYUnderXtermMoveInTheText() throws {
        try start(term: "xterm-256color")
        try waitFor("户主")
        try keys("n")
        try waitFor("入户检查")
        for _ in 0..<7 { try keys("PageDown") }
        try waitFor("总体备注")
        try keys("Down", "Down", "Down")
        try type("abc")
        try waitFor("abc")
        _ = try tmux(["send-keys", "-t", "0", "-H", "1b", "5b", "31", "7e"])  // ESC [ 1 ~  Home
        try type("X")
        _ = try tmux(["send-keys", "-t", "0", "-H", "1b", "5b", "34", "7e"])  // ESC [ 4 ~  End
        try type("Y")
        _ = try tmux(["send-keys", "-t", "0", "-H", "1b", "5b", "39", "39", "7e"])  // an unknown sequence
        try type("Z")
        let screen = try waitFor("XabcYZ")
        XCTAssertFalse(screen.contains("~"), screen)
        XCTAssertFalse(screen.contains("放弃"), "no question: \(screen)")
        XCTAssertTrue(screen.contains("入户检查"), "still in the form")
    }

    /// Under TERM=vt100 (no PgUp/PgDn in terminfo) PgDn left the form.
    func testPageDownUnderVT100TurnsThePage() throws {
        try start(term: "vt100")
        try waitFor("户主")
        try keys("n")
        try waitFor("入户检查")
        try keys("PageDown")
        try waitFor("收入年份")
        try keys("PageDown")
        let screen = try waitFor("全年口粮充足")
        XCTAssertTrue(screen.contains("入户检查"), screen)
        XCTAssertTrue(screen.contains("PgDn/Ctrl-N 下一页"), "the alternative is shown: \(screen)")
    }
}
