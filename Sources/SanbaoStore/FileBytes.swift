#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading whole record files with plain system calls: one `read` into the array that
/// is kept, where `FileManager.contents` makes a `Data` that then has to be copied.
/// Any failure returns nil and the caller takes the Foundation way, which reports it.
enum FileBytes {
    /// The bytes of the file at `path`, or nil when it cannot be read this way.
    static func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                count += n
            }
            complete = count == size
        }
        // A file that changed size while being read is left to the careful path.
        guard complete, readsToEnd(fd) else { return nil }
        return bytes
    }

    /// Whether the file has nothing beyond what was read (it did not grow meanwhile).
    private static func readsToEnd(_ fd: Int32) -> Bool {
        var probe: UInt8 = 0
        return read(fd, &probe, 1) == 0
    }

    /// How many records the file at `path` can hold at most: its lines after the first
    /// (the header). Read in small pieces, to reserve the record arrays once at their
    /// final size instead of letting them double (which holds the old and the new copy
    /// at the same time). For a well-formed file it is exact.
    static func recordBound(_ path: String) -> Int {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        let chunk = 1 << 18
        var lineFeeds = 0
        var last: UInt8 = 0x0A
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, chunk)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            lineFeeds += JSONLines.count(0x0A, in: UnsafeRawBufferPointer(start: buffer, count: n))
            last = buffer.load(fromByteOffset: n - 1, as: UInt8.self)
        }
        let lines = lineFeeds + (last == 0x0A ? 0 : 1)
        return max(0, lines - 1)
    }
}
