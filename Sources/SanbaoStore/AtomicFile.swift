#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The only way Sanbao replaces a file: write a temporary file beside it, fsync it,
/// rename it over the old one, fsync the directory. A crash at any instant leaves either
/// the old file or the new one, never a mix, and a file reported written survives a
/// power cut. Files are created 0600 because they hold ID numbers and health data.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o600) throws {
        try write(to: path, mode: mode) { put in try put(data) }
    }

    /// `write(_:to:)` but for the directory's fsync, which the caller makes once after
    /// many files (an import's village files): each such fsync waited for the file
    /// system's journal while the other core's file waited for it too.
    static func writeLeavingDirectory(_ data: Data, to path: String) throws {
        try moveTemporary(try writeTemporary(beside: path) { put in try put(data) }, to: path, syncingDirectory: false)
    }

    /// Replaces `path` atomically but without fsync: for caches such as the roster
    /// index, which are checked on reading and rebuilt when damaged, so a power cut may
    /// lose them but never leaves a half-written file in their place.
    static func writeCache(_ bytes: [UInt8], to path: String) throws {
        let temp = temporaryPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.cannotCreate(temp, errnoText()) }
        defer { close(fd) }
        do {
            try writeAll(fd, Data(bytes), path: temp)
        } catch {
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let why = errnoText()
            unlink(temp)
            throw StoreError.io(path, why)
        }
    }

    /// A new temporary name beside `path` (`.NAME.tmp-PID-N`).
    static func temporaryPath(for path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return "\(dir)/.\((path as NSString).lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Whether a file name is one of the temporaries written beside a file (`.NAME.tmp-PID-N`).
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// Writes every byte of `data` to `fd`, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.io(path, errnoText())
                }
                offset += n
            }
        }
    }

    /// fsync on a directory makes a rename or a new file in it durable.
    public static func syncDirectory(_ dir: String) throws {
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(dir, errnoText()) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.io(dir, errnoText()) }
    }

    /// Creates `path` (and missing parents) with mode 0700.
    public static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.cannotCreate(path, "\(error.localizedDescription)")
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Runs a write into the data directory. A file that cannot be created there (no
    /// permission, a read-only disk) is an I/O error, 74, as a failed append is: 73
    /// (`cannotCreate`) is for a file the user names on the command line (docs/cli.md).
    static func inDataDirectory<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch StoreError.cannotCreate(let what, let why) {
            throw StoreError.io(what, why)
        }
    }
}
