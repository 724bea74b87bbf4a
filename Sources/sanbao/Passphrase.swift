import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore

/// Where the passphrase of a sealed bundle comes from: `SANBAO_PASSPHRASE` when it is
/// set (for scripts), else typed at the terminal with echo off, so it is neither on the
/// screen nor in the shell's history. Never from an argument: `ps` shows arguments to
/// every user of the machine.
enum Passphrase {
    static let variable = "SANBAO_PASSPHRASE"

    /// The passphrase to seal with: typed twice at a terminal, so a typo does not lock
    /// the bundle away for good.
    static func forSealing(_ options: GlobalOptions) throws -> String {
        let first = try obtain(Bilingual(zh: "加密口令（至少 \(SealedBundle.minimumPassphrase) 个字符）：",
                                         en: "Passphrase (at least \(SealedBundle.minimumPassphrase) characters): "), options)
        if let problem = SealedBundle.passphraseProblem(first) {
            warn("sanbao: " + options.say(problem))
            throw ExitCode(Exit.usage)
        }
        guard options.environment[variable] == nil else { return first }
        let again = try obtain(Bilingual(zh: "再输入一次：", en: "Again: "), options)
        guard again == first else {
            warn("sanbao: " + options.say(Bilingual(zh: "两次输入的口令不同；未写入任何文件", en: "the two passphrases differ; nothing was written")))
            throw ExitCode(Exit.usage)
        }
        return first
    }

    /// The passphrase to open `name` with.
    static func forOpening(_ name: String, _ options: GlobalOptions) throws -> String {
        try obtain(Bilingual(zh: "\(name) 已加密，请输入口令：", en: "\(name) is sealed; passphrase: "), options)
    }

    /// `SANBAO_PASSPHRASE`, else a line typed at the terminal after `prompt`.
    static func obtain(_ prompt: Bilingual, _ options: GlobalOptions) throws -> String {
        if let given = options.environment[variable] { return given }
        guard let typed = HiddenInput.line(prompt: options.say(prompt)) else {
            warn("sanbao: " + options.say(Bilingual(
                zh: "需要口令：在终端上运行，或设置环境变量 \(variable)",
                en: "a passphrase is needed: run this at a terminal, or set \(variable)")))
            throw ExitCode(Exit.usage)
        }
        return typed
    }
}

/// One line read from the controlling terminal with echo off.
enum HiddenInput {
    /// The terminal's settings while echo is off, to put back if the user presses Ctrl-C.
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var ttyFD: Int32 = -1

    /// The line typed (without its newline), or nil when there is no terminal to ask on
    /// or it was closed (Ctrl-D) before a line was typed.
    static func line(prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHONL)
        ttyFD = fd
        signal(SIGINT) { _ in
            // Echo back on, then die of the signal as if nothing had been caught.
            tcsetattr(HiddenInput.ttyFD, TCSAFLUSH, &HiddenInput.saved)
            signal(SIGINT, SIG_DFL)
            raise(SIGINT)
        }
        defer { signal(SIGINT, SIG_DFL) }
        ttyWrite(fd, prompt)
        tcsetattr(fd, TCSAFLUSH, &quiet)
        let bytes = readLine(fd)
        tcsetattr(fd, TCSAFLUSH, &saved)
        ttyWrite(fd, "\n")
        return bytes.flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// Bytes up to a newline; nil at end of input before any newline.
    static func readLine(_ fd: Int32) -> [UInt8]? {
        var out: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            if byte == 0x0A || byte == 0x0D { return out }
            out.append(byte)
        }
        return out.isEmpty ? nil : out
    }
}
