import Foundation

/// What a roster file is, before it is read: that it exists and can be read (errors name
/// the path), and what its first bytes say it is.
enum FileCheck {
    static func requireReadable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SpreadsheetError.fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw SpreadsheetError.unreadable(path: path, reason: "是文件夹 / a folder") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw SpreadsheetError.unreadable(path: path, reason: "没有读取权限 / no permission to read")
        }
    }

    /// The first `count` bytes of the file (fewer when it is shorter).
    static func prefix(_ path: String, _ count: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SpreadsheetError.unreadable(path: path, reason: "无法打开 / cannot open")
        }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
    }

    /// An OLE compound file: Excel 97–2003 `.xls` (and old `.doc`).
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]
    /// A ZIP archive's first local file header: XLSX and every other OOXML file.
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    static func startsWithOLEMagic(_ path: String) throws -> Bool {
        try prefix(path, 4) == oleMagic
    }

    /// The whole file.
    static func contents(_ path: String) throws -> [UInt8] {
        try requireReadable(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpreadsheetError.unreadable(path: path, reason: "无法读取 / cannot read")
        }
        return [UInt8](data)
    }
}
