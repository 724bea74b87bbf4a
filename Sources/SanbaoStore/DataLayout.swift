import SanbaoCore

/// Where things live in a data directory. See docs/storage.md and docs/data-format.md.
///
///     DATA/
///       sanbao.json                  manifest: schema_version, device id
///       cadres.json                  the paired cadres
///       rules.json                   optional threshold overrides
///       households/<village>.jsonl   one household per line, after a header line
///       checks/<village>.jsonl       append-only: one check per line, after a header line
///       edits/<village>.jsonl        append-only: one household edit per line, after a header line
public struct DataLayout: Sendable {
    public static let schemaVersion = 1
    public static let manifest = "sanbao.json"
    public static let cadres = "cadres.json"
    public static let rules = "rules.json"
    public static let householdsDir = "households"
    public static let checksDir = "checks"
    public static let editsDir = "edits"

    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    public func path(_ relative: String) -> String { root + "/" + relative }

    public static func householdsFile(village: String) -> String { "\(householdsDir)/\(village).jsonl" }
    public static func checksFile(village: String) -> String { "\(checksDir)/\(village).jsonl" }
    public static func editsFile(village: String) -> String { "\(editsDir)/\(village).jsonl" }
}
