#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Temporary files (`.NAME.tmp-PID-N`) that a Sanbao killed mid-write left beside NAME:
/// nothing else ever removes them, and each may be as large as an export. Before an
/// `OutputFile` is written again, those of processes no longer running are removed; a
/// running one's (another Sanbao writing the same name right now) is left alone. (In the
/// data directory the lock keeps one writer, and a listing per file written would cost
/// a county's intake thousands of directory reads: not done there.)
enum StaleTemporaries {
    static func remove(dir: String, name: String) {
        let prefix = ".\(name).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return }
        for entry in names where entry.hasPrefix(prefix) {
            guard let pid = owner(String(entry.dropFirst(prefix.count))), !isRunning(pid) else { continue }
            unlink((dir.isEmpty ? "." : dir) + "/" + entry)
        }
    }

    /// The PID in `PID-N`, nil when the rest is not of that form (not a temporary of ours).
    static func owner(_ rest: String) -> pid_t? {
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }

    /// Whether a process with `pid` exists (EPERM: it exists but is another user's).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
