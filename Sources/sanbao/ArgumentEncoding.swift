import Foundation
import SanbaoCore

/// Arguments are checked as the bytes the shell passed, before they are parsed.
///
/// `CommandLine.arguments` has already turned bytes that are not UTF-8 into U+FFFD, so a
/// note typed in a GBK terminal, or cut in the middle of a character, would be saved as
/// a row of replacement characters with nobody told. Sanbao refuses such an argument
/// instead (exit 64), says which one, and does nothing else.
enum ArgumentEncoding {
    /// The bytes of every argument after the program's name, as the kernel passed them.
    static func rawArguments() -> [[UInt8]] {
        (1..<Int(CommandLine.argc)).map { i in
            guard let p = CommandLine.unsafeArgv[i] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
        }
    }

    /// The message for the first argument that is not valid UTF-8, or nil when all are.
    static func problem(_ arguments: [[UInt8]]) -> Bilingual? {
        guard let i = arguments.firstIndex(where: { String(validating: $0, as: UTF8.self) == nil }) else { return nil }
        let bytes = shown(arguments[i])
        let after = i > 0 ? String(decoding: arguments[i - 1], as: UTF8.self) : ""
        let option = after.hasPrefix("-") && !after.contains("=") ? after : nil
        return Bilingual(
            zh: "第 \(i + 1) 个参数" + (option.map { "（\($0) 之后）" } ?? "") + "不是有效的 UTF-8 文本：\(bytes)；未做任何操作",
            en: "argument \(i + 1)" + (option.map { " (after \($0))" } ?? "") + " is not valid UTF-8: \(bytes); nothing was done")
    }

    /// An argument as text for the message: its valid characters as they are, each byte
    /// that is not part of one as `\xHH`.
    static func shown(_ bytes: [UInt8]) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var at = 0
        var out = ""
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                out.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                at += encoded.count
            case .error(let length):
                for b in bytes[at..<at + length] {
                    out += "\\x" + (b < 0x10 ? "0" : "") + String(b, radix: 16, uppercase: true)
                }
                at += length
            case .emptyInput:
                return out
            }
        }
    }

    /// The language to refuse in: `--lang` among the arguments (read by hand, since they
    /// are not parsed yet), else the locale.
    static func language(_ arguments: [[UInt8]], environment: [String: String]) -> Language {
        let words = arguments.map { String(decoding: $0, as: UTF8.self) }
        for (i, w) in words.enumerated().reversed() {
            if w.hasPrefix("--lang="), let l = Language(rawValue: String(w.dropFirst(7))) { return l }
            if w == "--lang", i + 1 < words.count, let l = Language(rawValue: words[i + 1]) { return l }
        }
        return Language.fromLocale(environment)
    }
}
