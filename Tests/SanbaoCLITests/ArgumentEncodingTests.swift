import Foundation
import XCTest

/// An argument that is not valid UTF-8 is refused before anything is read or written
/// (issue 16): it used to be turned into U+FFFD and saved.
final class ArgumentEncodingTests: XCTestCase {
    /// Runs `sanbao` through `sh`, so an argument can hold bytes a Swift String cannot:
    /// `script` is the shell words after the binary, `printf` making the bytes.
    func runBytes(_ script: String, _ dir: String, lang: String) -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exec \"$0\" " + script + " \"$@\"", CLI.binary] + ["--data", dir, "--today", CLI.today, "--lang", lang]
        var env = ProcessInfo.processInfo.environment
        env["SANBAO_DATA"] = nil
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        XCTAssertNoThrow(try p.run())
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testInvalidUTF8IsRefusedAndNothingIsWritten() {
        let dir = makeDemo()
        let before = snapshot(dir)
        let cases: [(String, en: String, zh: String)] = [
            (#"check 621121103201-0007 --set water=met --note "$(printf '\377\376')""#,
             "sanbao: argument 6 (after --note) is not valid UTF-8: \\xFF\\xFE; nothing was done\n",
             "sanbao: 第 6 个参数（--note 之后）不是有效的 UTF-8 文本：\\xFF\\xFE；未做任何操作\n"),
            (#"edit 621121103201-0007 "phone=$(printf '13\377')""#,
             "sanbao: argument 3 is not valid UTF-8: phone=13\\xFF; nothing was done\n",
             "sanbao: 第 3 个参数不是有效的 UTF-8 文本：phone=13\\xFF；未做任何操作\n"),
            (#"check 621121103201-0007 --set "water=not_met:$(printf '\300\257')""#,
             "sanbao: argument 4 (after --set) is not valid UTF-8: water=not_met:\\xC0\\xAF; nothing was done\n",
             "sanbao: 第 4 个参数（--set 之后）不是有效的 UTF-8 文本：water=not_met:\\xC0\\xAF；未做任何操作\n"),
            (#"show "$(printf '\355\240\200')""#,
             "sanbao: argument 2 is not valid UTF-8: \\xED\\xA0\\x80; nothing was done\n",
             "sanbao: 第 2 个参数不是有效的 UTF-8 文本：\\xED\\xA0\\x80；未做任何操作\n"),
        ]
        for (script, en, zh) in cases {
            for (lang, message) in [("en", en), ("zh", zh)] {
                let r = runBytes(script, dir, lang: lang)
                XCTAssertEqual(r.status, 64, "\(script): \(r.stderr)")
                XCTAssertEqual(r.stdout, "", script)
                XCTAssertEqual(r.stderr, message, script)
            }
        }
        assertSameFiles(snapshot(dir), before, "after refused arguments")
        // Valid UTF-8, Chinese included, goes through as before.
        let ok = runBytes(#"check 621121103201-0007 --set water=met --note "$(printf '\346\260\264\347\252\226')""#, dir, lang: "en")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let show = run(["show", "621121103201-0007"] + CLI.opts(dir))
        XCTAssertTrue(show.stdout.contains("Note: 水窖"), show.stdout)
    }
}
