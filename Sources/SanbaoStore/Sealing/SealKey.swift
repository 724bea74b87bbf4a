import Crypto
import CryptoExtras
import Foundation

/// The key a passphrase makes: scrypt (RFC 7914), memory-hard, so each guess at a
/// stolen bundle's passphrase costs 32 MiB and 0.1–0.2 s instead of nanoseconds.
public struct SealCost: Sendable, Equatable {
    /// log2 of scrypt's N (CPU and memory cost).
    public var log2N: UInt8
    /// scrypt's r (block size).
    public var r: UInt8
    /// scrypt's p (parallelism).
    public var p: UInt8

    public init(log2N: UInt8, r: UInt8, p: UInt8) {
        self.log2N = log2N
        self.r = r
        self.p = p
    }

    /// What `sanbao bundle --encrypt` uses: N = 2^15, r = 8, p = 1 (128·N·r = 32 MiB),
    /// the interactive setting scrypt's author and RFC 7914 suggest.
    public static let standard = SealCost(log2N: 15, r: 8, p: 1)

    /// Whether a sealed file's stated cost is one Sanbao will pay: a hostile file must
    /// not make the reader allocate gigabytes or spin for minutes. N ≤ 2^18, r ≤ 8, p ≤ 2:
    /// at most 128 · 2^18 · 8 = 256 MiB and a few seconds, room to raise the standard.
    var isAcceptable: Bool {
        (10...18).contains(log2N) && (1...8).contains(r) && (1...2).contains(p)
    }
}

enum SealKey {
    /// The key (256 bits unless asked otherwise) of `passphrase` (as typed, in Unicode
    /// NFC so the same characters typed on two systems give the same key) and `salt`.
    static func derive(_ passphrase: String, salt: some DataProtocol, cost: SealCost, byteCount: Int = 32) throws -> SymmetricKey {
        let bytes = Data(passphrase.precomposedStringWithCanonicalMapping.utf8)
        return try KDF.Scrypt.deriveKey(from: bytes, salt: salt, outputByteCount: byteCount,
                                        rounds: 1 << Int(cost.log2N), blockSize: Int(cost.r), parallelism: Int(cost.p))
    }
}
