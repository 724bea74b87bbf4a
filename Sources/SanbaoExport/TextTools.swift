import SanbaoCore
import SanbaoText

/// Small text helpers shared by the renderers.
enum TextTools {
    /// Columns a character takes in a spreadsheet: its display width as a terminal draws
    /// it (SanbaoText, glibc's table, the one the app and the CLI use), and one for what
    /// cannot be shown (a control, an unassigned character), as the byte measure counts
    /// ASCII.
    static func width(_ s: Unicode.Scalar) -> Int {
        let w = DisplayWidth.of(s)
        return w < 0 ? 1 : w
    }

    /// Display width of the widest line of `text`.
    static func displayWidth(_ text: String) -> Int {
        var widest = 0, current = 0
        for s in text.unicodeScalars {
            if s == "\n" {
                widest = max(widest, current)
                current = 0
            } else {
                current += width(s)
            }
        }
        return max(widest, current)
    }

    /// `displayWidth` of UTF-8 bytes, without making a String: ASCII takes one column (a
    /// line feed starts a new line), other characters are decoded and measured.
    static func displayWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var widest = 0, current = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A {
                    widest = max(widest, current)
                    current = 0
                } else {
                    current += 1
                }
                i += 1
                continue
            }
            // Lead bytes E5-E9 start U+5000-U+9FFF, all CJK ideographs two columns wide:
            // most Chinese text, measured without decoding.
            if b >= 0xE5 && b <= 0xE9 && i + 2 < n {
                current += 2
                i += 3
                continue
            }
            let (scalar, length) = decode(bytes, at: i)
            current += width(scalar)
            i += length
        }
        return max(widest, current)
    }

    /// The scalar whose UTF-8 encoding starts at `i` (valid UTF-8: the bytes come from a
    /// String), and how many bytes it takes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b = UInt32(bytes[i])
        let value: UInt32, length: Int
        if b < 0xE0 {
            value = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            length = 2
        } else if b < 0xF0 {
            value = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            length = 3
        } else {
            value = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Whether XML 1.0 allows `s` in text: tab, line feed and the printable ranges.
    static func allowedInXML(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` with CR LF and lone CR made LF and every character XML cannot hold removed.
    static func cleaned(_ text: String) -> String {
        let unified = text.replacingCRLF()
        guard !unified.unicodeScalars.allSatisfy(allowedInXML) else { return unified }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: unified.unicodeScalars.filter(allowedInXML))
        return String(out)
    }

    /// `IDNumber.masked(text)`, without turning the text into an array of characters when
    /// every byte is ASCII and none is CR (then each byte is one character; CR LF would be
    /// one character of two bytes).
    static func maskedIDNumber(_ text: String) -> String {
        var text = text
        let fast = text.withUTF8 { u -> String? in
            guard u.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            let n = u.count
            let keep = n > 10 ? 6 : 0
            let stars = n > 10 ? n - 10 : max(0, n - 4)
            return String(unsafeUninitializedCapacity: keep + stars + min(4, n)) { out in
                var k = 0
                for b in u.prefix(keep) { out[k] = b; k += 1 }
                for _ in 0..<stars { out[k] = UInt8(ascii: "*"); k += 1 }
                for b in u.suffix(4) { out[k] = b; k += 1 }
                return k
            }
        }
        return fast ?? IDNumber.masked(text)
    }

    /// Escapes `& < > " '` for element text and attribute values (after `cleaned`).
    static func xmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in cleaned(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension String {
    /// CR LF and lone CR replaced by LF.
    func replacingCRLF() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in unicodeScalars {
            if s == "\r" {
                out.append("\n")
                previousCR = true
                continue
            }
            if s == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(s)
        }
        return String(out)
    }
}
