#if canImport(Glibc)
import Glibc
#endif

/// What a data file looked like when the index was made: size, modification time and
/// inode. Sanbao never writes a data file in place (whole files are replaced by a
/// rename, which gives a new inode; append-only files grow), so any change shows here.
struct SourceStamp: Codable, Hashable, Sendable {
    var file: String
    var size: Int
    var mtimeNS: Int
    var inode: UInt64

    enum CodingKeys: String, CodingKey {
        case file, size, inode
        case mtimeNS = "mtime_ns"
    }

    /// The stamp of `file` (relative to `layout`), or nil when it does not exist.
    static func of(_ file: String, in layout: DataLayout) -> SourceStamp? {
        var st = stat()
        guard stat(layout.path(file), &st) == 0 else { return nil }
        return SourceStamp(file: file, size: Int(st.st_size),
                           mtimeNS: Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec),
                           inode: UInt64(st.st_ino))
    }

    /// The stamps of a village's three data files that exist, in a fixed order.
    static func village(_ code: String, in layout: DataLayout) -> [SourceStamp] {
        [DataLayout.householdsFile(village: code), DataLayout.checksFile(village: code), DataLayout.editsFile(village: code)]
            .compactMap { of($0, in: layout) }
    }
}
