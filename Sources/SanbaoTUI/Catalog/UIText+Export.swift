import SanbaoCore

/// The export screen.
extension UIText {
    public static let exportTitle = Bilingual(zh: "导出汇总文件（Enter 或 F10 写入，Esc 返回）", en: "Export the summary file (Enter or F10 writes, Esc goes back)")
    public static let exportFormat = Bilingual(zh: "格式", en: "Format")
    public static let exportPath = Bilingual(zh: "保存到", en: "Write to")
    public static let exportScope = Bilingual(zh: "范围", en: "Households")
    public static let exportMasked = Bilingual(zh: "身份证号已隐去中间位；需要完整号码请用命令 sanbao export --full-ids",
                                               en: "ID numbers are masked; for full numbers use sanbao export --full-ids")
    public static let exportFormats = Bilingual(zh: "xlsx 表格（Excel、WPS）；csv 户明细；json 供汇总合并；html 可打印报告",
                                                en: "xlsx workbook (Excel, WPS); csv households table; json for roll-ups; html printable report")

    public static func exportOverwrite(_ path: String) -> Bilingual {
        Bilingual(zh: "\(path) 已存在，覆盖？(y/n)", en: "\(path) exists. Replace it? (y/n)")
    }

    public static func exported(_ path: String, households: Int) -> Bilingual {
        Bilingual(zh: "已导出 \(households) 户到 \(path)", en: "exported \(households) households to \(path)")
    }

    public static func exportFailed(_ why: String) -> Bilingual {
        Bilingual(zh: "导出失败：\(why)", en: "export failed: \(why)")
    }

    /// The household page (`p` on the household screen) was written: where, and that ID
    /// numbers on it are masked.
    public static func pageWritten(_ path: String) -> Bilingual {
        Bilingual(zh: "已写入户页 \(path)（身份证号已隐去中间位），用浏览器打开打印",
                  en: "wrote the household page \(path) (ID numbers masked); open it in a browser to print")
    }

    public static func exportScopeText(_ households: Int, cadre: String?) -> Bilingual {
        Bilingual(zh: "\(households) 户" + (cadre.map { "（\($0)）" } ?? "（全部干部）"),
                  en: "\(households)" + (cadre.map { " (\($0))" } ?? " (all cadres)"))
    }
}

extension UIWidth {
    /// Where the values start after the labels of the export screen ("Households" is ten letters).
    public static let exportLabel = LanguageWidth(zh: 12, en: 14)
}
