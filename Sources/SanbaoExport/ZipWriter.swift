#if canImport(CZlib)
import CZlib
#elseif canImport(zlib)
import zlib
#endif
import Foundation
import SanbaoCore

/// A ZIP archive (PKWARE APPNOTE 6.3, no ZIP64) of deflated entries, built in memory.
///
/// Why not ZIPFoundation's `Archive` for writing: it deflates one entry on one core at
/// zlib's default level, reading the entry through a provider into a growing in-memory
/// file. A workbook's household sheet is hundreds of MB of XML; here each entry is made
/// of pieces that are rendered *and* deflated on every core at once, each piece as its
/// own raw deflate stream ended by a sync flush (only the entry's last piece is final),
/// so the pieces joined in order are one valid deflate stream — the way pigz works. A
/// piece's bytes are freed once deflated: the uncompressed XML is never held whole.
/// ZIPFoundation still reads archives (the tests read every workbook back with it).
enum ZipWriter {
    /// One file of the archive: `pieces` pieces, piece `k` made by `make(k)`.
    struct Entry: Sendable {
        var path: String
        var pieces: Int
        var make: @Sendable (Int) -> Piece

        init(path: String, pieces: Int, make: @escaping @Sendable (Int) -> Piece) {
            self.path = path
            self.pieces = max(1, pieces)
            self.make = make
        }

        init(path: String, text: String) {
            let bytes = Data(text.utf8)
            self.init(path: path, pieces: 1) { _ in .raw(bytes) }
        }
    }

    /// A piece of an entry: bytes to deflate, or bytes deflated already (by `compress`,
    /// not final) by a writer that needed them made before the pieces ahead of them.
    enum Piece: Sendable {
        case raw(Data)
        case deflated(Deflated)
    }

    /// zlib level 2: on the household sheet's XML as fast as level 1 (the fastest) and 5 %
    /// smaller; about twice as fast as the default level 6, for a file about 45 % larger
    /// (see docs/performance.md, "Export speed").
    static let defaultLevel: Int32 = 2

    static func archive(_ entries: [Entry], modified: Date, level: Int32 = defaultLevel) throws -> Data {
        let jobs = entries.indices.flatMap { e in (0..<entries[e].pieces).map { (entry: e, piece: $0) } }
        var builder = Builder(modified: modified)
        var failure: Error?
        Parallel.ordered(jobs.count, make: { j -> Result<Deflated, Error> in
            let (e, k) = jobs[j]
            switch entries[e].make(k) {
            case .raw(let raw): return Result { try compress(raw, final: k == entries[e].pieces - 1, level: level) }
            case .deflated(let piece): return .success(piece)
            }
        }, take: { result, j in
            guard failure == nil else { return }
            switch result {
            case .success(let piece):
                let (e, k) = jobs[j]
                builder.add(piece, of: entries[e].path, first: k == 0, last: k == entries[e].pieces - 1)
            case .failure(let error):
                failure = error
            }
        })
        if let failure { throw failure }
        return try builder.finish()
    }

    /// One piece deflated: the compressed bytes, and the CRC-32 and length of the raw ones.
    struct Deflated: Sendable {
        var bytes: [UInt8]
        var crc: UInt32
        var rawCount: Int
    }

    static func compress(_ raw: Data, final: Bool, level: Int32) throws -> Deflated {
        var stream = z_stream()
        // Raw deflate (negative window bits): a ZIP entry holds no zlib header.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw failure("deflateInit2") }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(raw.count))) + 16)
        var crc: uLong = 0
        let produced = try raw.withUnsafeBytes { bytes -> Int in
            let input = bytes.bindMemory(to: UInt8.self)
            crc = crc32(0, input.baseAddress, uInt(input.count))
            return try out.withUnsafeMutableBufferPointer { output -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                let status = deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
                guard status == (final ? Z_STREAM_END : Z_OK), stream.avail_in == 0 else { throw failure("deflate \(status)") }
                return output.count - Int(stream.avail_out)
            }
        }
        // A copy of the bytes produced: the buffer has room for the raw size, and a piece
        // may be kept until the pieces ahead of it are made (XLSXWriter.sheetEntry).
        return Deflated(bytes: Array(out[..<produced]), crc: UInt32(crc), rawCount: raw.count)
    }

    static func failure(_ what: String) -> ExportError {
        ExportError(Bilingual(zh: "无法压缩 XLSX（\(what)）", en: "cannot compress the XLSX (\(what))"), usage: false)
    }

    /// The archive as it grows: local headers and data in entry order, then the central
    /// directory. A local header is written with zero CRC and sizes and filled in once
    /// the entry's last piece is in.
    struct Builder {
        struct Written {
            var path: [UInt8]
            var offset: Int
            var crc: UInt32 = 0
            var compressed = 0
            var raw = 0
        }

        let data = ByteWriter(capacity: 1 << 20)
        var written: [Written] = []
        let time: UInt16
        let date: UInt16

        init(modified: Date) {
            (date, time) = Self.dosDateTime(modified)
        }

        mutating func add(_ piece: Deflated, of path: String, first: Bool, last: Bool) {
            if first {
                written.append(Written(path: Array(path.utf8), offset: data.count))
                data.put(localHeader(written[written.count - 1]))
            }
            var w = written[written.count - 1]
            w.crc = first ? piece.crc : Self.combine(w.crc, piece.crc, length: piece.rawCount)
            w.compressed += piece.bytes.count
            w.raw += piece.rawCount
            written[written.count - 1] = w
            data.put(piece.bytes)
            if last { data.overwrite(at: w.offset, with: localHeader(w)) }
        }

        func finish() throws -> Data {
            guard data.count < Int(UInt32.max), written.allSatisfy({ $0.raw < Int(UInt32.max) }) else {
                throw ExportError(Bilingual(zh: "XLSX 超过 4 GB", en: "the XLSX would be over 4 GB"), usage: false)
            }
            let directory = data.count
            for w in written { data.put(centralHeader(w)) }
            var end = Bytes()
            end.u32(0x0605_4B50)
            end.u16(0)
            end.u16(0)
            end.u16(UInt16(written.count))
            end.u16(UInt16(written.count))
            end.u32(UInt32(data.count - directory))
            end.u32(UInt32(directory))
            end.u16(0)
            data.put(end.bytes)
            return data.finish()
        }

        func localHeader(_ w: Written) -> [UInt8] {
            var b = Bytes()
            b.u32(0x0403_4B50)
            b.u16(20)                       // version needed: 2.0 (deflate)
            b.u16(0)                        // flags
            b.u16(8)                        // deflate
            b.u16(time)
            b.u16(date)
            b.u32(w.crc)
            b.u32(UInt32(truncatingIfNeeded: w.compressed))
            b.u32(UInt32(truncatingIfNeeded: w.raw))
            b.u16(UInt16(w.path.count))
            b.u16(0)                        // extra field length
            b.bytes += w.path
            return b.bytes
        }

        func centralHeader(_ w: Written) -> [UInt8] {
            var b = Bytes()
            b.u32(0x0201_4B50)
            b.u16(0x0314)                   // made by: UNIX, 2.0
            b.u16(20)
            b.u16(0)
            b.u16(8)
            b.u16(time)
            b.u16(date)
            b.u32(w.crc)
            b.u32(UInt32(w.compressed))
            b.u32(UInt32(w.raw))
            b.u16(UInt16(w.path.count))
            b.u16(0)                        // extra
            b.u16(0)                        // comment
            b.u16(0)                        // disk
            b.u16(0)                        // internal attributes
            b.u32(UInt32(0o100644) << 16)   // external: a regular file, rw-r--r--
            b.u32(UInt32(w.offset))
            b.bytes += w.path
            return b.bytes
        }

        /// The CRC-32 of two byte runs joined, from the CRC-32 of each.
        static func combine(_ a: UInt32, _ b: UInt32, length: Int) -> UInt32 {
            UInt32(crc32_combine(uLong(a), uLong(b), .init(length)))
        }

        /// MS-DOS date and time in UTC, as ZIPFoundation writes them (years 1980-2099).
        static func dosDateTime(_ d: Date) -> (date: UInt16, time: UInt16) {
            let seconds = Int(d.timeIntervalSince1970.rounded(.down))
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let inDay = seconds - days * 86_400
            let day = LocalDate(dayNumber: days)
            let year = min(2099, max(1980, day.year))
            let date = day.day + day.month * 32 + (year - 1980) * 512
            let time = (inDay % 60) / 2 + (inDay / 60 % 60) * 32 + (inDay / 3600) * 2048
            return (UInt16(date), UInt16(time))
        }
    }

    /// Little-endian fields.
    struct Bytes {
        var bytes: [UInt8] = []
        mutating func u16(_ v: UInt16) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        mutating func u32(_ v: UInt32) { u16(UInt16(v & 0xFFFF)); u16(UInt16(v >> 16)) }
    }
}
