import Crypto
import Foundation
import SanbaoCore

/// A bundle sealed with a passphrase (`sanbao bundle --encrypt`): a bundle travels on a
/// USB stick or as a chat attachment and holds every full ID number, health condition
/// and phone number, so it can be sealed so that only someone who knows the passphrase
/// can read it, and nobody can change a byte of it unnoticed.
///
/// ChaCha20-Poly1305 (authenticated encryption) under a key made from the passphrase by
/// scrypt (`SealKey`). The layout (docs/data-format.md, "Sealed bundles"):
///
///     "SANBAO-SEALED-BUNDLE 1\n"   23 bytes: what the file is, readable with `head -1`
///     log2 N, r, p                  3 bytes: scrypt's cost
///     salt                          16 bytes, random per file
///     nonce                         12 bytes, random per file
///     ciphertext                    the bundle's JSON, as long as it
///     tag                           16 bytes
///
/// Everything before the ciphertext is authenticated too (associated data), so a changed
/// cost, salt or version is refused like a changed ciphertext.
public enum SealedBundle {
    static let prefix = Array("SANBAO-SEALED-BUNDLE ".utf8)
    static let magic = prefix + Array("1\n".utf8)
    static let saltCount = 16
    static let nonceCount = 12
    static let tagCount = 16
    static let headerCount = magic.count + 3 + saltCount + nonceCount
    /// The shortest passphrase `seal` takes: a bundle's contents are worth guessing for.
    public static let minimumPassphrase = 8

    /// Whether `data` is a sealed bundle (of any version): what `import` asks a
    /// passphrase for.
    public static func isSealed(_ data: Data) -> Bool {
        data.count >= prefix.count && data.prefix(prefix.count).elementsEqual(prefix)
    }

    /// `plain` (a bundle's bytes) sealed with `passphrase`.
    public static func seal(_ plain: Data, passphrase: String, cost: SealCost = .standard) throws -> Data {
        if let problem = passphraseProblem(passphrase) { throw StoreError.sealed(problem) }
        var header = magic + [cost.log2N, cost.r, cost.p]
        var random = SystemRandomNumberGenerator()
        let salt = (0..<saltCount).map { _ in UInt8.random(in: 0...255, using: &random) }
        let nonce = ChaChaPoly.Nonce()
        header += salt
        header += Array(nonce.withUnsafeBytes { Data($0) })
        let key = try SealKey.derive(passphrase, salt: salt, cost: cost)
        let box = try ChaChaPoly.seal(plain, using: key, nonce: nonce, authenticating: header)
        return Data(header) + box.ciphertext + box.tag
    }

    /// Why `passphrase` is refused for sealing, or nil.
    public static func passphraseProblem(_ passphrase: String) -> Bilingual? {
        guard passphrase.count < minimumPassphrase else { return nil }
        return Bilingual(zh: "口令太短：至少 \(minimumPassphrase) 个字符", en: "passphrase too short: at least \(minimumPassphrase) characters")
    }

    /// The bundle's bytes from a sealed file named `name`; refused with a clear message
    /// when the passphrase is wrong or any byte was changed, added or cut.
    public static func open(_ sealed: Data, passphrase: String, name: String) throws -> Data {
        let bytes = [UInt8](sealed)
        guard isSealed(sealed) else { throw refusal(name, zh: "不是加密的数据包", en: "not a sealed bundle") }
        let cut = refusal(name, zh: "文件不完整（被截断）", en: "the file is cut short")
        guard bytes.count >= magic.count else { throw cut }
        guard bytes.starts(with: magic) else {
            throw refusal(name, zh: "由更新版本的三保加密，请升级三保", en: "sealed by a newer Sanbao; upgrade Sanbao")
        }
        guard bytes.count >= headerCount + tagCount else { throw cut }
        let at = magic.count
        let cost = SealCost(log2N: bytes[at], r: bytes[at + 1], p: bytes[at + 2])
        guard cost.isAcceptable else {
            throw refusal(name, zh: "文件头已损坏（密钥参数不可接受）", en: "damaged header (unacceptable key parameters)")
        }
        let salt = bytes[(at + 3)..<(at + 3 + saltCount)]
        do {
            let nonce = try ChaChaPoly.Nonce(data: bytes[(headerCount - nonceCount)..<headerCount])
            let box = try ChaChaPoly.SealedBox(nonce: nonce, ciphertext: bytes[headerCount..<(bytes.count - tagCount)],
                                               tag: bytes[(bytes.count - tagCount)...])
            let key = try SealKey.derive(passphrase, salt: salt, cost: cost)
            return try ChaChaPoly.open(box, using: key, authenticating: bytes[0..<headerCount])
        } catch {
            throw refusal(name, zh: "口令不对，或文件在加密后被改动、损坏", en: "wrong passphrase, or the file was changed or damaged after it was sealed")
        }
    }

    static func refusal(_ name: String, zh: String, en: String) -> StoreError {
        .sealed(Bilingual(zh: "无法打开加密的数据包 \(name)：\(zh)", en: "cannot open sealed bundle \(name): \(en)"))
    }
}
