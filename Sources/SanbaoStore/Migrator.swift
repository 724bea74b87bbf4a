import Foundation
import SanbaoCore

/// Brings files written by an older Sanbao up to the current `schema_version`.
///
/// Before a file is changed, the original is copied to `backup/<time>/<file>`, so a
/// migration can always be undone by hand. Migration works on plain JSON values, one
/// step per version, because the old shape may not decode into today's types.
/// Schema version 1 is the first released format, so today's table is empty; the steps
/// are injectable so the mechanism is tested.
public struct Migrator {
    /// Turns one record (or the single document of a `.json` file) of version `from`
    /// into version `from + 1`. `kind` is "households", "checks", "cadres", "rules" or "manifest".
    public struct Step: Sendable {
        public var from: Int
        public var transform: @Sendable (_ kind: String, _ record: [String: Any]) -> [String: Any]

        public init(from: Int, transform: @escaping @Sendable (_ kind: String, _ record: [String: Any]) -> [String: Any]) {
            self.from = from
            self.transform = transform
        }
    }

    public static let steps: [Step] = []

    let layout: DataLayout
    let now: () -> String
    let steps: [Step]
    let target: Int

    public init(layout: DataLayout, now: @escaping () -> String, steps: [Step] = Migrator.steps,
                target: Int = DataLayout.schemaVersion) {
        self.layout = layout
        self.now = now
        self.steps = steps
        self.target = target
    }

    /// Migrates every old file; returns a notice per file migrated. Files that cannot be
    /// migrated are left exactly as they are (the reader then reports them).
    public func migrate() throws -> [Bilingual] {
        var notices: [Bilingual] = []
        var backup: String?
        for file in files() {
            // The version is in the first line of a JSON Lines file: read only that much
            // of 600 MB of village files on every start, the whole file when migrating.
            let jsonLines = file.hasSuffix(".jsonl")
            guard let head = jsonLines ? Self.firstLine(layout.path(file)) : FileManager.default.contents(atPath: layout.path(file)),
                  let version = Self.version(of: head, jsonLines: jsonLines), version < target,
                  let data = FileManager.default.contents(atPath: layout.path(file)),
                  let migrated = migrateFile(data, file: file, from: version) else { continue }
            let dir = backup ?? "backup/" + now().replacingOccurrences(of: ":", with: "")
            backup = dir
            try AtomicFile.inDataDirectory {
                try AtomicFile.makeDirectory(layout.path(dir + "/" + (file as NSString).deletingLastPathComponent))
                try AtomicFile.write(data, to: layout.path(dir + "/" + file))
                try AtomicFile.write(migrated, to: layout.path(file))
            }
            notices.append(Bilingual(zh: "\(file) 已从格式版本 \(version) 升级到 \(target)，原文件备份在 \(dir)/",
                                     en: "\(file) migrated from schema_version \(version) to \(target); original kept in \(dir)/"))
        }
        return notices
    }

    func files() -> [String] {
        var out = [DataLayout.manifest, DataLayout.cadres, DataLayout.rules]
            .filter { FileManager.default.fileExists(atPath: layout.path($0)) }
        for dir in [DataLayout.householdsDir, DataLayout.checksDir, DataLayout.editsDir] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.path(dir))) ?? []
            out += names.filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(dir)/\($0)" }
        }
        return out
    }

    /// The bytes of a file up to its first newline (at most 64 KiB), or nil when unreadable.
    static func firstLine(_ path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var head = Data()
        while head.count < 65536, let chunk = try? handle.read(upToCount: 4096), !chunk.isEmpty {
            head.append(chunk)
            if chunk.contains(0x0A) { break }
        }
        return head
    }

    static func version(of data: Data, jsonLines: Bool) -> Int? {
        let first = jsonLines ? data.prefix { $0 != 0x0A } : data
        let probe = try? JSONDecoder().decode(VersionProbe.self, from: Data(first))
        return probe?.wholeNumber
    }

    /// The migrated bytes, or nil when some step is missing or a line will not parse.
    func migrateFile(_ data: Data, file: String, from version: Int) -> Data? {
        let kind = Self.kind(of: file)
        var chain: [Step] = []
        for v in version..<target {
            guard let step = steps.first(where: { $0.from == v }) else { return nil }
            chain.append(step)
        }
        func apply(_ object: [String: Any]) -> [String: Any] {
            var o = chain.reduce(object) { $1.transform(kind, $0) }
            if o["schema_version"] != nil { o["schema_version"] = target }
            return o
        }
        if file.hasSuffix(".jsonl") {
            var out = Data()
            for line in data.split(separator: 0x0A) where !line.allSatisfy({ $0 == 0x20 }) {
                guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
                      let encoded = try? JSONSerialization.data(withJSONObject: apply(object), options: [.sortedKeys, .withoutEscapingSlashes])
                else { return nil }
                out.append(encoded)
                out.append(0x0A)
            }
            return out
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              var encoded = try? JSONSerialization.data(withJSONObject: apply(object),
                                                         options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
        else { return nil }
        encoded.append(0x0A)
        return encoded
    }

    static func kind(of file: String) -> String {
        if file.hasPrefix(DataLayout.householdsDir + "/") { return "households" }
        if file.hasPrefix(DataLayout.checksDir + "/") { return "checks" }
        if file.hasPrefix(DataLayout.editsDir + "/") { return "edits" }
        return String(file.dropLast(".json".count)).replacingOccurrences(of: "sanbao", with: "manifest")
    }
}
