#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SanbaoCore

/// The other write protocol (docs/storage.md): checks and edits are appended, whole
/// lines in one `write` to a file opened with `O_APPEND`, then `fsync`. A crash leaves at
/// most one torn line at the end, which the store moves aside on its next open.
enum AppendOnlyFile {
    /// Appends whole lines to `file` (relative to `layout`'s root), or creates it with its
    /// header and the lines. One `write` call per batch and an fsync before returning.
    /// - Parameter syncingDirectory: whether a new file's directory is fsynced here (else
    ///   the caller does it once, after many files).
    static func append(_ bytes: Data, to file: String, in layout: DataLayout, kind: String, village: String,
                       syncingDirectory: Bool = true) throws {
        let path = layout.path(file)
        if !FileManager.default.fileExists(atPath: path) {
            // A new file is made whole, header and lines at once, as any file is replaced:
            // it appears complete or not at all, one fsync fewer per village of an import.
            return try AtomicFile.inDataDirectory {
                try AtomicFile.makeDirectory((path as NSString).deletingLastPathComponent)
                let header = try DatasetWriter.lines(kind: kind, village: village, [Check]())
                if syncingDirectory { try AtomicFile.write(header + bytes, to: path) } else { try AtomicFile.writeLeavingDirectory(header + bytes, to: path) }
            }
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(path, AtomicFile.errnoText()) }
        defer { Glibc.close(fd) }
        // The lock is held, so nobody else appends: the length now is where this batch starts.
        let before = lseek(fd, 0, SEEK_END)
        guard before >= 0 else { throw StoreError.io(path, AtomicFile.errnoText()) }
        do {
            try AtomicFile.writeAll(fd, bytes, path: path)
            guard fsync(fd) == 0 else { throw StoreError.io(path, AtomicFile.errnoText()) }
        } catch {
            cutBack(fd, to: before)
            throw error
        }
    }

    /// After a failed append (disk full, file-size limit, an I/O error), the file is cut
    /// back to the length it had: a partial line would make the file fail `validate`
    /// until the next write repaired it. A failure here leaves a torn tail, which the
    /// next open moves aside as after a crash.
    static func cutBack(_ fd: Int32, to length: off_t) {
        if ftruncate(fd, length) == 0 { _ = fsync(fd) }
    }
}
