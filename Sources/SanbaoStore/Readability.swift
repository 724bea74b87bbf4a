#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SanbaoCore

/// No silent gaps: a record directory or file that is there but cannot be read stops
/// every reader with an error naming it. Listing an unreadable `checks/` as empty would
/// show every household unchecked and let `validate` call the data clean.
///
/// Checked once before anything is read (`DatasetReader.readDocuments`, which every
/// command, `validate` and the app go through): the data directory, its documents, the
/// record directories and every `.jsonl` file in them, each opened as the readers will
/// open it. Opened without blocking, so a FIFO put in place of a file is refused instead
/// of hanging the reader.
enum Readability {
    /// Throws `StoreError.unreadable` (its errno; 0 for "not a regular file") for the
    /// first entry that exists but cannot be read.
    static func check(_ layout: DataLayout) throws {
        try directory(layout, "")
        for file in [DataLayout.manifest, DataLayout.cadres, DataLayout.rules] { try regularFile(layout, file) }
        for dir in [DataLayout.householdsDir, DataLayout.checksDir, DataLayout.editsDir] {
            for name in try directory(layout, dir) where name.hasSuffix(".jsonl") { try regularFile(layout, dir + "/" + name) }
        }
    }

    /// The names in `dir` (relative; "" for the root), none when it does not exist at all;
    /// throws when it is there (a dangling link included) but cannot be listed.
    @discardableResult
    static func directory(_ layout: DataLayout, _ dir: String) throws -> [String] {
        let path = dir.isEmpty ? layout.root : layout.path(dir)
        guard exists(path) else { return [] }
        guard let d = opendir(path) else { throw StoreError.unreadable(dir.isEmpty ? path : dir + "/", errno) }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Throws when the file at `file` (relative) is there but cannot be opened for
    /// reading, or is not a regular file (a directory, a FIFO, a device).
    static func regularFile(_ layout: DataLayout, _ file: String) throws {
        let path = layout.path(file)
        guard exists(path) else { return }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.unreadable(file, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.unreadable(file, errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw StoreError.unreadable(file, 0) }
    }

    /// Whether anything is at `path`, a symbolic link to nothing included (`lstat`):
    /// such a link is an entry that cannot be read, not an absent one.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
