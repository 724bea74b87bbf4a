#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// What a command printed when run as a user runs it, at a terminal.
struct TerminalRun {
    var status: Int32
    /// What the command wrote to the terminal itself (`/dev/tty`): passphrase prompts.
    var terminal: String
    /// Standard output, and standard error too when they were merged.
    var stdout: String
    var stderr: String
}

/// Runs `sanbao` in a session of its own whose controlling terminal is a fresh
/// pseudo-terminal, standard output and error going to pipes: a passphrase prompt,
/// written to `/dev/tty`, then appears as it does on a user's screen, and `answer` is
/// typed at it. Nothing can reach the terminal the tests were started from. With
/// `mergingErrors`, standard error goes into standard output's pipe, in the order a
/// terminal would show the two (`warn` flushes standard output first). A command that
/// does not end within `timeout` seconds is killed.
func runAtTerminal(_ args: [String], env: [String: String], cwd: String, answer: String, mergingErrors: Bool,
                   timeout: TimeInterval = 60) throws -> TerminalRun {
    guard let tty = PseudoTerminal() else { throw TerminalRunError.noPseudoTerminal }
    let out = CloexecPipe(), err = CloexecPipe()
    guard let pid = spawnInSession(args, env: env, cwd: cwd, terminal: tty.path, stdout: out.write,
                                   stderr: mergingErrors ? out.write : err.write) else { throw TerminalRunError.cannotStart }
    close(out.write)
    close(err.write)
    let outDrain = PipeDrain(FileHandle(fileDescriptor: out.read, closeOnDealloc: true))
    let errDrain = PipeDrain(FileHandle(fileDescriptor: err.read, closeOnDealloc: true))
    guard let status = tty.converse(with: pid, answer: answer, until: Date().addingTimeInterval(timeout)) else {
        throw TerminalRunError.didNotEnd(seconds: timeout)
    }
    return TerminalRun(status: status, terminal: String(decoding: tty.screen, as: UTF8.self),
                       stdout: String(decoding: outDrain.wait(), as: UTF8.self),
                       stderr: String(decoding: errDrain.wait(), as: UTF8.self))
}

enum TerminalRunError: Error {
    case noPseudoTerminal, cannotStart, didNotEnd(seconds: TimeInterval)
}

/// A pipe whose ends are not inherited by the child (`dup2` onto 1 and 2 gives it its
/// own copies), so reading ends when the child exits.
private struct CloexecPipe {
    var read: Int32 = -1, write: Int32 = -1
    init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        (read, write) = (fds[0], fds[1])
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    }
}

/// The parent's side of a pseudo-terminal. The parent holds the terminal's own end open
/// too, so it never hangs up between the child's openings of `/dev/tty`, and reads the
/// child's echo setting from it.
private final class PseudoTerminal {
    let master: Int32, slave: Int32, path: String
    var screen: [UInt8] = []

    init?() {
        var (m, s): (Int32, Int32) = (-1, -1)
        guard GNU.openpty(&m, &s, nil, nil, nil) == 0, let name = ttyname(s) else { return nil }
        (master, slave, path) = (m, s, String(cString: name))
        for fd in [m, s] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    }

    deinit {
        close(master)
        close(slave)
    }

    /// Shows the screen and types until `pid` exits; its exit status (128 + signal when
    /// killed by one), or nil when `deadline` passed first.
    func converse(with pid: pid_t, answer: String, until deadline: Date) -> Int32? {
        var typed = 0
        while true {
            readScreen(waitingMilliseconds: 5)
            if asking(afterAnswers: typed) {
                _ = Array((answer + "\n").utf8).withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
                typed += 1
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                while readScreen(waitingMilliseconds: 0) {}
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return nil
            }
        }
    }

    /// Whether the child waits for a line: echo is off (the prompt is written and
    /// pending input flushed, so a line typed now is read) and every line typed so far
    /// was taken (the child writes a line feed after each).
    func asking(afterAnswers typed: Int) -> Bool {
        var t = termios()
        guard tcgetattr(slave, &t) == 0, t.c_lflag & tcflag_t(ECHO) == 0 else { return false }
        return screen.filter { $0 == 0x0A }.count == typed
    }

    /// Reads what the child wrote to the terminal; whether there was anything.
    @discardableResult
    func readScreen(waitingMilliseconds: Int32) -> Bool {
        var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, waitingMilliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return false }
        screen += buffer[0..<n]
        return true
    }
}

/// Starts `sanbao args` as the leader of a new session (POSIX_SPAWN_SETSID) that opens
/// `terminal` without O_NOCTTY, which makes it the session's controlling terminal.
private func spawnInSession(_ args: [String], env: [String: String], cwd: String, terminal: String,
                            stdout: Int32, stderr: Int32) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    _ = GNU.addchdir(&actions, cwd)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    posix_spawn_file_actions_adddup2(&actions, stderr, 2)
    posix_spawn_file_actions_addopen(&actions, 3, terminal, O_RDWR, 0)
    posix_spawn_file_actions_addclose(&actions, 3)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, GNU.spawnSetsid)
    var environment = ProcessInfo.processInfo.environment
    environment["SANBAO_DATA"] = nil
    environment["SANBAO_PASSPHRASE"] = nil
    for (k, v) in env { environment[k] = v }
    let argv = ([CLI.binary] + args).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, CLI.binary, &actions, &attributes, argv, envp) == 0 else { return nil }
    return pid
}

/// What Glibc has but the Swift module does not declare (it is not compiled with
/// _GNU_SOURCE): looked up by name at run time.
private enum GNU {
    typealias OpenPTY = @convention(c) (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>,
                                        UnsafeMutablePointer<CChar>?, UnsafeRawPointer?, UnsafeRawPointer?) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    nonisolated(unsafe) static let libc = dlopen(nil, RTLD_NOW)
    static let openpty = unsafeBitCast(dlsym(libc, "openpty"), to: OpenPTY.self)
    static let addchdir = unsafeBitCast(dlsym(libc, "posix_spawn_file_actions_addchdir_np"), to: AddChdir.self)
    /// POSIX_SPAWN_SETSID of <spawn.h> (glibc 2.26 and later).
    static let spawnSetsid: Int16 = 0x80
}
