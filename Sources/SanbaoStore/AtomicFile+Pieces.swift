#if canImport(Glibc)
import Glibc
#endif
import Foundation

extension AtomicFile {
    /// `write(_:to:)` for a file made in pieces: `make` is handed a function that appends
    /// bytes, so a file of hundreds of MB (the journal of a county's intake) is never
    /// held whole. The same protocol: a temporary file, fsync, rename, fsync the directory;
    /// on any error the temporary file is removed and `path` is as it was.
    static func write(to path: String, mode: mode_t = 0o600, _ make: ((Data) throws -> Void) throws -> Void) throws {
        let temp = try writeTemporary(beside: path, mode: mode, make)
        try moveTemporary(temp, to: path)
    }

    /// The first half of `write(to:)`: the bytes in a new temporary file beside `path`,
    /// fsynced and closed; its path is returned. On any error it is removed.
    static func writeTemporary(beside path: String, mode: mode_t = 0o600, _ make: ((Data) throws -> Void) throws -> Void) throws -> String {
        let temp = temporaryPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StoreError.cannotCreate(temp, errnoText()) }
        do {
            try make { piece in try writeAll(fd, piece, path: temp) }
            guard fsync(fd) == 0 else { throw StoreError.io(temp, errnoText()) }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        return temp
    }

    /// The second half: the temporary file renamed over `path`, the directory fsynced
    /// (unless the caller does that once after many files).
    static func moveTemporary(_ temp: String, to path: String, syncingDirectory: Bool = true) throws {
        guard rename(temp, path) == 0 else {
            let why = errnoText()
            unlink(temp)
            throw StoreError.io(path, why)
        }
        if syncingDirectory { try syncDirectory((path as NSString).deletingLastPathComponent) }
    }
}
