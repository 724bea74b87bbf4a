import Foundation
import SanbaoCore

/// Turns a Foundation decoding error into a JSON path and a message a person can act on.
enum DecodeFailure {
    static func describe(_ error: Error) -> (path: String, column: Int?, message: Bilingual) {
        guard let e = error as? DecodingError else {
            return ("$", nil, Bilingual(zh: "无法读取：\(error)", en: "cannot read: \(error)"))
        }
        switch e {
        case .typeMismatch(let type, let ctx):
            let want = typeName(type)
            return (jsonPath(ctx.codingPath), nil, Bilingual(zh: "类型错误，应为\(want.zh)", en: "wrong type, expected \(want.en)"))
        case .valueNotFound(let type, let ctx):
            let want = typeName(type)
            return (jsonPath(ctx.codingPath), nil, Bilingual(zh: "缺少值，应为\(want.zh)", en: "missing value, expected \(want.en)"))
        case .keyNotFound(let key, let ctx):
            let p = jsonPath(ctx.codingPath)
            return (p, nil, Bilingual(zh: "缺少字段 \"\(key.stringValue)\"", en: "missing field \"\(key.stringValue)\""))
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty, let underlying = ctx.underlyingError {
                let text = "\(underlying)"
                return ("$", column(in: text), Bilingual(zh: "JSON 语法错误（\(syntax(text))）", en: "JSON syntax error (\(syntax(text)))"))
            }
            let message = ctx.debugDescription
            if message.hasPrefix("Cannot initialize"), let value = quotedValue(message) {
                return (jsonPath(ctx.codingPath), nil, Bilingual(zh: "无效的取值 \"\(value)\"", en: "invalid value \"\(value)\""))
            }
            return (jsonPath(ctx.codingPath), nil, Bilingual(zh: message, en: message))
        @unknown default:
            return ("$", nil, Bilingual(zh: "\(e)", en: "\(e)"))
        }
    }

    /// `$.members[1].id_number` from a coding path.
    static func jsonPath(_ path: [CodingKey]) -> String {
        var s = "$"
        for key in path {
            if let i = key.intValue { s += "[\(i)]" } else { s += "." + key.stringValue }
        }
        return s
    }

    private static func typeName(_ type: Any.Type) -> Bilingual {
        if type == String.self { return Bilingual(zh: "字符串", en: "a string") }
        if type == Int.self { return Bilingual(zh: "整数", en: "an integer") }
        if type == Bool.self { return Bilingual(zh: "true 或 false", en: "true or false") }
        if type == Double.self { return Bilingual(zh: "数字", en: "a number") }
        if "\(type)".hasPrefix("Array") { return Bilingual(zh: "数组", en: "an array") }
        return Bilingual(zh: "对象", en: "an object")
    }

    private static func quotedValue(_ message: String) -> String? {
        guard let r = message.range(of: "value ") else { return nil }
        return String(message[r.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " \"'."))
    }

    private static func column(in text: String) -> Int? {
        guard let r = text.range(of: "column ") else { return nil }
        return Int(text[r.upperBound...].prefix { $0.isNumber })
    }

    private static func syntax(_ text: String) -> String {
        if let r = text.range(of: "NSDebugDescription=") {
            return String(text[r.upperBound...].prefix { $0 != "," && $0 != "}" })
                .trimmingCharacters(in: .whitespaces)
        }
        if text.contains("Unexpected end") { return "unexpected end of data" }
        return String(text.prefix(120))
    }
}
