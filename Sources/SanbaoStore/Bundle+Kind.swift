import Foundation
import SanbaoCore

extension Bundle {
    /// Why `bytes` are not a bundle at all — a spreadsheet, a roster, plain text, another
    /// Sanbao file — or nil when they look like one (a JSON object with no other `kind`).
    /// A damaged bundle (cut short, a bad value) is not this: it is bad data, said with
    /// line and column.
    static func notABundle(_ bytes: [UInt8], syntax: JSONSyntax.Failure?) -> Bilingual? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else {
            let at = JSONSyntax.position(bytes, offset: min(start, bytes.count))
            return Bilingual(zh: "第 \(at.line) 行第 \(at.column) 列起不是 JSON 对象", en: "no JSON object at line \(at.line), column \(at.column)")
        }
        struct KindProbe: Decodable { var kind: String? }
        guard syntax == nil, let kind = (try? JSONDecoder().decode(KindProbe.self, from: Data(bytes)))?.kind,
              kind != "bundle" else { return nil }
        return Bilingual(zh: "kind 为 \"\(kind)\"", en: "kind \"\(kind)\"")
    }
}
