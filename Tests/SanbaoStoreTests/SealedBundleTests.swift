import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// Sealed bundles: scrypt as RFC 7914 defines it, a round trip, and the attacks a
/// bundle on a lost USB stick meets — a wrong passphrase, every byte changed, every
/// length it can be cut to, bytes added, a hostile key cost. Each must be refused with
/// a message, never opened, never crash or hang.
final class SealedBundleTests: XCTestCase {
    /// The attacks run at a cheap cost so that a thousand openings take a second; the
    /// format and the checks are the same at every cost.
    let cheap = SealCost(log2N: 10, r: 1, p: 1)
    let passphrase = "麦子黄了-2026"

    func hex(_ key: some ContiguousBytes) -> String {
        key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }

    /// RFC 7914, section 12 (the fourth vector, N = 2^20, needs 1 GiB and is left out).
    func testScryptGivesTheRFC7914Vectors() throws {
        let vectors: [(String, String, UInt8, UInt8, UInt8, String)] = [
            ("", "", 4, 1, 1,
             "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
            ("password", "NaCl", 10, 8, 16,
             "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
            ("pleaseletmein", "SodiumChloride", 14, 8, 1,
             "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"),
        ]
        for (password, salt, log2N, r, p, expected) in vectors {
            let key = try SealKey.derive(password, salt: Array(salt.utf8), cost: SealCost(log2N: log2N, r: r, p: p), byteCount: 64)
            XCTAssertEqual(hex(key), expected, "scrypt(\"\(password)\", \"\(salt)\", 2^\(log2N), \(r), \(p))")
        }
    }

    /// The same characters typed as composed or decomposed Unicode make the same key.
    func testPassphraseIsNormalised() throws {
        let composed = "caf\u{E9}-passphrase", decomposed = "cafe\u{301}-passphrase"
        XCTAssertNotEqual(Array(composed.utf8), Array(decomposed.utf8))
        let sealed = try SealedBundle.seal(Data("{}".utf8), passphrase: composed, cost: cheap)
        XCTAssertEqual(try SealedBundle.open(sealed, passphrase: decomposed, name: "x"), Data("{}".utf8))
    }

    /// The standard cost takes well under a second (printed for the notes).
    func testStandardCostTakesUnderASecond() throws {
        let start = Date()
        _ = try SealKey.derive(passphrase, salt: [UInt8](repeating: 1, count: 16), cost: .standard)
        let seconds = Date().timeIntervalSince(start)
        print("scrypt N=2^15 r=8 p=1: \(String(format: "%.3f", seconds)) s")
        // 0.1–0.2 s optimised; a debug build on a loaded machine takes up to 0.8 s here.
        XCTAssertLessThan(seconds, 2.0)
    }

    func plain() throws -> Data {
        try Bundle(deviceID: "dev-1", created: "2026-11-29T08:00:00Z", cadres: [], households: [Fixture.household(1)],
                   checks: [], edits: []).encoded()
    }

    func testRoundTripAndNothingInClear() throws {
        let data = try plain()
        let sealed = try SealedBundle.seal(data, passphrase: passphrase)
        XCTAssertTrue(SealedBundle.isSealed(sealed))
        XCTAssertFalse(SealedBundle.isSealed(data))
        XCTAssertEqual(String(decoding: sealed.prefix(23), as: UTF8.self), "SANBAO-SEALED-BUNDLE 1\n")
        XCTAssertEqual(sealed.count, data.count + SealedBundle.headerCount + SealedBundle.tagCount)
        for secret in ["621121197005120138", "13909321234", "王建国"] {
            XCTAssertNil(sealed.range(of: Data(secret.utf8)), "\(secret) in clear")
        }
        XCTAssertEqual(try SealedBundle.open(sealed, passphrase: passphrase, name: "a.sealed"), data)
        XCTAssertNotEqual(try SealedBundle.seal(data, passphrase: passphrase), sealed, "salt and nonce are new each time")
    }

    func testShortPassphraseIsRefused() {
        XCTAssertThrowsError(try SealedBundle.seal(Data(), passphrase: "1234567")) { error in
            XCTAssertEqual((error as? StoreError)?.exitCode, 65)
            XCTAssertTrue("\(error)".contains("at least 8"), "\(error)")
        }
        XCTAssertNoThrow(try SealedBundle.seal(Data(), passphrase: "一二三四五六七八", cost: cheap))
    }

    /// Asserts `sealed` is refused with a `StoreError` that names the file.
    func assertRefused(_ sealed: Data, passphrase: String? = nil, saying: String, _ what: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try SealedBundle.open(sealed, passphrase: passphrase ?? self.passphrase, name: "b.sealed"), what,
                             file: file, line: line) { error in
            let text = (error as? StoreError)?.message.en ?? "not a StoreError: \(error)"
            XCTAssertTrue(text.contains("cannot open sealed bundle b.sealed") && text.contains(saying), "\(what): \(text)",
                          file: file, line: line)
        }
    }

    func testWrongPassphraseIsRefused() throws {
        let sealed = try SealedBundle.seal(try plain(), passphrase: passphrase, cost: cheap)
        for wrong in ["", "麦子黄了-2025", "麦子黄了-2026 ", passphrase.uppercased() + "x"] {
            assertRefused(sealed, passphrase: wrong, saying: "wrong passphrase", "passphrase \"\(wrong)\"")
        }
    }

    /// Flips every bit pattern of every byte once: each changed file is refused.
    func testEveryChangedByteIsRefused() throws {
        let sealed = try SealedBundle.seal(try plain(), passphrase: passphrase, cost: cheap)
        var tried = 0
        for i in 0..<sealed.count {
            var changed = sealed
            changed[i] ^= UInt8(1 << (i % 8))
            let saying = i < SealedBundle.prefix.count ? "not a sealed bundle"
                : i < SealedBundle.magic.count ? "newer Sanbao"
                : i < SealedBundle.magic.count + 3 ? "unacceptable key parameters" : "changed or damaged"
            assertRefused(changed, saying: saying, "byte \(i) changed")
            tried += 1
        }
        print("sealed-bundle attacks: \(tried) changed bytes, all refused")
    }

    func testEveryCutAndEveryAdditionIsRefused() throws {
        let sealed = try SealedBundle.seal(try plain(), passphrase: passphrase, cost: cheap)
        for n in SealedBundle.prefix.count..<sealed.count {
            let saying = n < SealedBundle.headerCount + SealedBundle.tagCount ? "cut short" : "changed or damaged"
            assertRefused(sealed.prefix(n), saying: saying, "cut to \(n) bytes")
        }
        for extra in [Data([0]), Data("\n".utf8), Data(repeating: 0x41, count: 100)] {
            assertRefused(sealed + extra, saying: "changed or damaged", "\(extra.count) bytes added")
        }
        print("sealed-bundle attacks: \(sealed.count - SealedBundle.prefix.count) cuts and 3 additions, all refused")
    }

    /// A file asking for a key cost that would take gigabytes or minutes is refused
    /// before any key is made (it would fail to authenticate anyway, but too late).
    func testHostileCostIsRefusedAtOnce() throws {
        let sealed = try SealedBundle.seal(try plain(), passphrase: passphrase, cost: cheap)
        let at = SealedBundle.magic.count
        for (offset, value) in [(0, UInt8(40)), (0, 63), (0, 0), (1, 0), (1, 255), (2, 0), (2, 200)] {
            var hostile = sealed
            hostile[at + offset] = value
            let start = Date()
            assertRefused(hostile, saying: "unacceptable key parameters", "cost byte \(offset) = \(value)")
            XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
        }
    }
}
