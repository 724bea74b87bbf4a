import SanbaoCore

/// Why a roster file could not be read, in words a village cadre can act on: each case
/// says what is wrong with the file and, where there is one, what to do about it.
public enum SpreadsheetError: Error, Equatable, Sendable {
    /// The path names no file.
    case fileNotFound(path: String)
    /// The file exists but could not be read (a directory, no permission).
    case unreadable(path: String, reason: String)
    /// An Excel 97–2003 `.xls` (an OLE compound file, first bytes D0 CF 11 E0).
    case oldExcelFormat(path: String)
    /// Not a ZIP archive, or a ZIP without a workbook in it.
    case notWorkbook(path: String)
    /// The workbook has no sheet of that name.
    case noSuchSheet(name: String, available: [String])
    /// A part of the workbook is not the XML it should be (cut short, mangled).
    case damagedPart(part: String, detail: String)
    /// A sheet was asked for, but a CSV or text file has no sheets.
    case sheetInDelimitedText(path: String)
    /// Text that is neither UTF-8, UTF-16 (with its byte order mark) nor GB18030.
    case undecodableText(offset: Int, line: Int)
    /// The C library cannot convert from this encoding (a minimal system without gconv modules).
    case noConverter(encoding: String)

    public var message: Bilingual {
        switch self {
        case .fileNotFound(let path):
            return Bilingual(zh: "找不到文件：\(path)", en: "No such file: \(path)")
        case .unreadable(let path, let reason):
            return Bilingual(zh: "无法读取文件：\(path)（\(reason)）", en: "Cannot read \(path) (\(reason))")
        case .oldExcelFormat(let path):
            return Bilingual(
                zh: "\(path) 是旧式 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV",
                en: "\(path) is an old-style .xls file; in Excel, save it as .xlsx or CSV")
        case .notWorkbook(let path):
            return Bilingual(
                zh: "\(path) 不是 Excel 工作簿（.xlsx）",
                en: "\(path) is not an Excel workbook (.xlsx)")
        case .noSuchSheet(let name, let available):
            return Bilingual(
                zh: "工作簿中没有名为“\(name)”的工作表；现有工作表：\(available.joined(separator: "、"))",
                en: "The workbook has no sheet named \"\(name)\"; its sheets are: \(available.joined(separator: ", "))")
        case .damagedPart(let part, let detail):
            return Bilingual(
                zh: "工作簿已损坏：\(part) 中的 XML 无法读取（\(detail)）",
                en: "The workbook is damaged: the XML of \(part) cannot be read (\(detail))")
        case .sheetInDelimitedText(let path):
            return Bilingual(
                zh: "\(path) 是文本文件（CSV），没有工作表，不能指定工作表",
                en: "\(path) is a text (CSV) file, which has no sheets; a sheet cannot be chosen")
        case .undecodableText(let offset, let line):
            return Bilingual(
                zh: "文件第 \(line) 行（第 \(offset) 字节）的文字无法识别：既不是 UTF-8，也不是 GB18030（GBK）",
                en: "The text on line \(line) (byte \(offset)) cannot be decoded: it is neither UTF-8 nor GB18030 (GBK)")
        case .noConverter(let encoding):
            return Bilingual(
                zh: "本机的 C 库不能转换 \(encoding) 编码（缺少 gconv 模块）；请把文件另存为 UTF-8 的 CSV，或安装完整的 libc",
                en: "This system's C library cannot convert \(encoding) (no gconv module); save the file as UTF-8 CSV, or install the full libc")
        }
    }
}
