import Foundation
import ZIPFoundation

/// The ZIP container of an XLSX workbook, read through ZIPFoundation: small parts whole,
/// the worksheet streamed in chunks so that memory does not grow with the sheet.
///
/// Not `Sendable` (ZIPFoundation's `Archive` is a class holding an open file): opened for
/// one read and dropped after it.
struct WorkbookArchive {
    let path: String
    private let archive: Archive

    /// How much inflated XML is handed on at a time.
    static let chunkSize = 1 << 18

    init(path: String) throws {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw SpreadsheetError.notWorkbook(path: path)
        }
    }

    /// The entry at `part`; ZIP paths are case-sensitive, but some writers' relationships
    /// are not, so a case-insensitive match is taken when there is no exact one.
    func entry(_ part: String) -> Entry? {
        if let exact = archive[part] { return exact }
        let lowered = part.lowercased()
        return archive.first { $0.path.lowercased() == lowered }
    }

    func contains(_ part: String) -> Bool { entry(part) != nil }

    /// The whole of a small part (relationships, workbook, styles).
    func bytes(of part: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(part) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Hands the inflated bytes of `part` to `body` a chunk at a time.
    func stream(_ part: String, _ body: (Data) throws -> Void) throws {
        guard let entry = entry(part) else {
            throw SpreadsheetError.damagedPart(part: part, detail: "missing from the archive")
        }
        do {
            _ = try archive.extract(entry, bufferSize: Self.chunkSize, skipCRC32: true, consumer: body)
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.damagedPart(part: part, detail: "cannot be unpacked: \(error)")
        }
    }

    /// Streams `part` as XML: `scan` is handed the bytes not consumed yet (`atEnd` true for
    /// the last call) and returns how many of them it consumed; the rest is kept, and the
    /// next chunk appended to it.
    func scan(_ part: String, _ scan: (XMLScan, _ atEnd: Bool) throws -> Int) throws {
        var pending: [UInt8] = []
        pending.reserveCapacity(Self.chunkSize * 2)
        try stream(part) { chunk in
            pending.append(contentsOf: chunk)
            let used = try pending.withUnsafeBufferPointer { try scan(XMLScan(bytes: $0), false) }
            pending.removeFirst(used)
        }
        let used = try pending.withUnsafeBufferPointer { try scan(XMLScan(bytes: $0), true) }
        if used < pending.count, pending[used...].contains(where: { !XMLScan.isSpace($0) }) {
            throw SpreadsheetError.damagedPart(part: part, detail: "ends in the middle of an element")
        }
    }
}
