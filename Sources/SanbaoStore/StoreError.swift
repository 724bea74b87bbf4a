#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SanbaoCore

/// Failures of the store, each with the sysexits code the CLI exits with.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case missingDirectory(String)
    case notEmpty(String)
    case cannotCreate(String, String)
    /// An output file is there and replacing it was not asked for (`OutputFile`).
    case exists(String)
    /// An input file outside the data directory cannot be read (`InputFile`).
    case cannotRead(String)
    case io(String, String)
    case locked(String)
    case badData(String)
    /// A file given as a bundle that is not one (a spreadsheet, a roster, text): said as
    /// such, with what was found, rather than as a JSON parser's complaint.
    case notABundle(String, found: Bilingual)
    /// Writing was refused, for the reason given (read-only, damaged file, newer file).
    case refused(Bilingual, code: Int32)
    /// A bundle or roster (named) holds ids that name other people here: nothing written.
    case identityClash(String, [IdentityClash])
    /// An import failed part-way through writing (named file, why); its journal stays in
    /// `incoming/` and the next open for writing finishes it.
    case interruptedImport(String, Bilingual)
    /// A sealed bundle could not be opened (wrong passphrase, changed or cut file), or
    /// a passphrase was refused (`SealedBundle`).
    case sealed(Bilingual)
    /// A file or directory of the data directory that is there but cannot be read: the
    /// path, the errno (0: not a regular file). `Readability`.
    case unreadable(String, Int32)

    public var exitCode: Int32 {
        switch self {
        case .missingDirectory: 66
        case .cannotRead: 66
        case .notEmpty, .cannotCreate, .exists: 73
        case .io: 74
        case .locked: 75
        case .badData, .sealed, .notABundle: 65
        case .refused(_, let code): code
        case .identityClash: 65
        case .interruptedImport: 74
        case .unreadable(_, let e): [0, EACCES, EPERM, ENOENT, ENOTDIR, ELOOP].contains(e) ? 66 : 74
        }
    }

    public var message: Bilingual {
        switch self {
        case .missingDirectory(let d):
            Bilingual(zh: "数据目录不存在：\(d)（新设备先用 sanbao init \(d) 建立空的数据目录，再导入数据包；或用 sanbao intake 花名册.xlsx --data \(d) 导入乡镇发来的花名册；或用 sanbao demo \(d) 生成示例数据）",
                      en: "data directory does not exist: \(d) (on a new device, sanbao init \(d) makes an empty one to import a bundle into; sanbao intake ROSTER.xlsx --data \(d) takes in the township's roster; sanbao demo \(d) writes the demo village there)")
        case .notEmpty(let d):
            Bilingual(zh: "目录不为空，拒绝写入：\(d)", en: "directory is not empty, refusing to write: \(d)")
        case .cannotCreate(let p, let why):
            Bilingual(zh: "无法创建 \(p)：\(why)", en: "cannot create \(p): \(why)")
        case .exists(let p):
            Bilingual(zh: "\(p) 已存在；用 --force 覆盖", en: "\(p) exists; use --force to replace it")
        case .cannotRead(let p):
            Bilingual(zh: "无法读取 \(p)", en: "cannot read \(p)")
        case .io(let p, let why):
            Bilingual(zh: "读写 \(p) 失败：\(why)", en: "I/O error on \(p): \(why)")
        case .locked(let who):
            Bilingual(zh: "数据目录被占用：\(who)", en: "data directory is locked: \(who)")
        case .badData(let what):
            Bilingual(zh: "数据有误：\(what)", en: "bad data: \(what)")
        case .notABundle(let p, let found):
            Bilingual(zh: "\(p) 不是三保数据包（\(found.zh)）；数据包由 sanbao bundle 写出",
                      en: "\(p) is not a Sanbao bundle (\(found.en)); bundles are written by sanbao bundle")
        case .refused(let why, _):
            Bilingual(zh: "未保存：\(why.zh)", en: "not saved: \(why.en)")
        case .identityClash(let name, let clashes):
            Self.clashMessage(name, clashes)
        case .interruptedImport(let name, let why):
            Bilingual(zh: "导入 \(name) 时写入中断（\(why.zh)）；已写入的部分保留，下次以可写方式打开数据时会完成这次导入",
                      en: "importing \(name) stopped part-way (\(why.en)); what was written is kept, and the next open for writing finishes the import")
        case .sealed(let why):
            why
        case .unreadable(let p, let e):
            Bilingual(zh: "无法读取 \(p)：\(Self.reason(e).zh)；为免显示不完整的数据，未做任何操作（用 ls -l 查看）",
                      en: "cannot read \(p): \(Self.reason(e).en); nothing was done rather than show incomplete data (see ls -l)")
        }
    }

    public var description: String { message.en }

    /// At most five clashes spelled out, then how many more.
    static func clashMessage(_ name: String, _ clashes: [IdentityClash]) -> Bilingual {
        let shown = clashes.prefix(5).map(\.message)
        let more = clashes.count > 5 ? Bilingual(zh: "\n  …另有 \(clashes.count - 5) 处", en: "\n  … and \(clashes.count - 5) more") : Bilingual(zh: "", en: "")
        return Bilingual(
            zh: "\(name) 与本机数据中有 \(clashes.count) 处同一编号指的不是同一家庭或同一个人，不能合并，未导入任何内容：\n  "
                + shown.map(\.zh).joined(separator: "\n  ") + more.zh
                + "\n（两份数据不是同一份花名册的副本？请核对后再导入）",
            en: "\(name) has \(clashes.count) id(s) that name another family or person here; they cannot be merged and nothing was imported:\n  "
                + shown.map(\.en).joined(separator: "\n  ") + more.en
                + "\n(are the two data sets copies of one roster? check before importing)")
    }

    /// An errno in words.
    static func reason(_ e: Int32) -> Bilingual {
        switch e {
        case 0: Bilingual(zh: "不是普通文件", en: "not a regular file")
        case EACCES, EPERM: Bilingual(zh: "没有读取权限", en: "permission denied")
        case ENOTDIR: Bilingual(zh: "不是目录", en: "not a directory")
        case ENOENT, ELOOP: Bilingual(zh: "是指向不存在位置的链接", en: "a link to nothing")
        default: Bilingual(zh: "读写错误（\(String(cString: strerror(e)))）", en: String(cString: strerror(e)))
        }
    }
}
