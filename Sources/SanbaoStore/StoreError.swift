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
    /// Writing was refused, for the reason given (read-only, damaged file, newer file).
    case refused(Bilingual, code: Int32)

    public var exitCode: Int32 {
        switch self {
        case .missingDirectory: 66
        case .cannotRead: 66
        case .notEmpty, .cannotCreate, .exists: 73
        case .io: 74
        case .locked: 75
        case .badData: 65
        case .refused(_, let code): code
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
        case .refused(let why, _):
            Bilingual(zh: "未保存：\(why.zh)", en: "not saved: \(why.en)")
        }
    }

    public var description: String { message.en }
}
