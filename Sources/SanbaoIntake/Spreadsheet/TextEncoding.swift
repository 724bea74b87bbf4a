/// The character encoding a CSV or text roster was found to be in.
public enum TextEncoding: Hashable, Sendable {
    case utf8
    /// UTF-8 starting with a byte order mark (what Excel writes for "CSV UTF-8").
    case utf8BOM
    /// GB18030, which includes GBK and GB2312: what Chinese Windows and Excel write for plain "CSV".
    case gb18030
    /// UTF-16 little-endian with its byte order mark: Excel's "Unicode text".
    case utf16LE
    case utf16BE

    /// How the intake summary names it.
    public var label: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf8BOM: return "UTF-8 (BOM)"
        case .gb18030: return "GB18030"
        case .utf16LE, .utf16BE: return "UTF-16"
        }
    }
}
