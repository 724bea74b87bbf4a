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
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = "\(dir)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
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
        guard rename(temp, path) == 0 else {
            let why = errnoText()
            unlink(temp)
            throw StoreError.io(path, why)
        }
        try syncDirectory(dir)
    }
}
