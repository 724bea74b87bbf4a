import SanbaoCore

/// Small text helpers for the demo and the generator (no Foundation here either).
enum SampleText {
    /// `value` with leading zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `YYYYMMDD`.
    static func compact(_ d: LocalDate) -> String {
        pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2)
    }

    static let chineseNumerals = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (group and village numbers).
    static func chinese(_ n: Int) -> String {
        switch n {
        case 0...10: return chineseNumerals[n]
        case 11...19: return "十" + chineseNumerals[n - 10]
        case 20...99: return chineseNumerals[n / 10] + "十" + (n % 10 == 0 ? "" : chineseNumerals[n % 10])
        default: return String(n)
        }
    }

    /// 32 bits as 8 lower-case hex digits.
    static func hex8(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 8)
        var x = v
        for i in stride(from: 7, through: 0, by: -1) {
            out[i] = digits[Int(x & 0xF)]
            x >>= 4
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A bijection of 32-bit values (odd multiplications and xor-shifts are invertible):
    /// distinct counters give distinct, random-looking check ids.
    static func permute(_ x: UInt32, key: UInt32) -> UInt32 {
        var z = x ^ key
        z = (z ^ (z >> 16)) &* 0x7FEB_352D
        z = (z ^ (z >> 15)) &* 0x846C_A68B
        return z ^ (z >> 16)
    }
}
