#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One writer at a time: an exclusive `flock` on `DATA/.lock`.
///
/// `flock` locks belong to the open file, so the kernel drops the lock when the holder
/// exits for any reason, a crash or `kill -9` included: a stale lock file never blocks
/// anyone. The file's text (pid, start time, host) is only there to tell a second
/// instance who holds the lock.
public final class DirectoryLock {
    public struct Holder: Sendable, Equatable {
        public var pid: Int32
        public var since: String
        public var host: String
    }

    public static let fileName = ".lock"
    private var fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit { release() }

    /// Takes the lock, or returns who holds it.
    public static func acquire(_ layout: DataLayout, now: String) throws -> Result<DirectoryLock, LockedError> {
        let path = layout.path(fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        // Inside the data directory: an I/O error (74), not a file the user named (73).
        guard fd >= 0 else { throw StoreError.io(path, AtomicFile.errnoText()) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = readHolder(fd)
            close(fd)
            return .failure(LockedError(holder: holder))
        }
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count)
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let text = "pid=\(getpid())\nsince=\(now)\nhost=\(host)\n"
        ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return .success(DirectoryLock(fd: fd))
    }

    /// Gives the lock up (also done on deinit and by the kernel at exit).
    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    private static func readHolder(_ fd: Int32) -> Holder? {
        var buf = [UInt8](repeating: 0, count: 512)
        let n = pread(fd, &buf, buf.count, 0)
        guard n > 0 else { return nil }
        var fields: [String: String] = [:]
        for line in String(decoding: buf[0..<n], as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }) else { return nil }
        return Holder(pid: pid, since: fields["since"] ?? "?", host: fields["host"] ?? "?")
    }
}

/// The lock is held by another process.
public struct LockedError: Error, Sendable {
    public var holder: DirectoryLock.Holder?

    public var description: String {
        guard let h = holder else { return "another Sanbao process" }
        return "pid \(h.pid) on \(h.host), since \(h.since)"
    }
}
