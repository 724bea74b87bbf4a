#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SanbaoCore

/// An open data directory: the only way the app and the CLI read and change data.
///
/// A store opened for writing holds the directory lock for its lifetime. If another
/// process holds it, or a file is damaged or from a newer Sanbao, the store still opens
/// with everything it could read, and says why writing is refused.
public final class Store {
    public enum Access: Sendable, Equatable {
        case readWrite
        /// Writing refused for the whole directory: the reason, for the user.
        case readOnly(Bilingual)
    }

    public let layout: DataLayout
    public internal(set) var loaded: LoadResult
    public private(set) var access: Access
    /// Messages about repairs made on opening (torn tails moved aside, migrations).
    public internal(set) var notices: [Bilingual] = []
    private var lock: DirectoryLock?
    /// Who holds the directory's lock when this store could not take it (as the lock
    /// file tells), so a screen can say it in its own words.
    public private(set) var lockHolder: DirectoryLock.Holder?
    let now: () -> String
    /// Whether every village has been read. A store opened `.onDemand` reads villages
    /// as they are asked for (`household`, `checks(of:)`) and the roster from the index.
    public internal(set) var isComplete = true
    /// Which villages an on-demand store holds, and where each household is.
    var villages = VillageCache()
    /// Bundles and the journaled merge (imports, intakes).
    let sync: Sync
    /// The app's unsaved check forms (`DATA/drafts/`).
    let draftFiles: Drafts
    /// The app's small settings (`DATA/preferences.json`).
    let preferencesFile: PreferencesFile

    public var dataset: Dataset { loaded.dataset }
    public var problems: [FileProblem] { loaded.problems }
    public var deviceID: String { loaded.deviceID }

    /// Opens `layout`. With `write`, takes the lock (falling back to read-only when it
    /// is held), migrates old files and moves torn tails aside.
    /// - Parameter now: the current time as ISO 8601 UTC; injected so tests are exact.
    /// How much to read on opening.
    public enum Loading: Sendable {
        /// Every file: what the commands use.
        case everything
        /// The manifest, cadres and rules only; villages when asked for, the roster from
        /// the index (`roster(on:)`). What the TUI uses, so 200,000 households open in
        /// about a second. Falls back to `.everything` when a repair is due on opening
        /// (a torn last line, an interrupted import).
        case onDemand
    }

    /// `migrations` are the steps that bring older files up to date when opened for
    /// writing (`Migrator.steps`; tests give their own, as today's table is empty).
    public init(layout: DataLayout, write: Bool, loading: Loading = .everything,
                now: @escaping () -> String = Store.isoNow, migrations: [Migrator.Step] = Migrator.steps) throws {
        self.layout = layout
        self.now = now
        sync = Sync(layout: layout, now: now)
        draftFiles = Drafts(layout: layout)
        preferencesFile = PreferencesFile(layout: layout)
        guard FileManager.default.fileExists(atPath: layout.root) else { throw StoreError.missingDirectory(layout.root) }
        // Before the migrator opens anything: a FIFO in place of a file would block it.
        try Readability.check(layout)
        access = .readOnly(Bilingual(zh: "只读打开", en: "opened read-only"))
        if write {
            switch try DirectoryLock.acquire(layout, now: now()) {
            case .success(let l):
                lock = l
                access = .readWrite
            case .failure(let e):
                lockHolder = e.holder
                let who = e.holder.map { "pid \($0.pid)（\($0.host)），自 \($0.since)" } ?? "另一个三保进程"
                access = .readOnly(Bilingual(zh: "数据目录正被 \(who) 使用，只读打开",
                                             en: "data directory is in use by \(e.description); opened read-only"))
            }
        }
        if access == .readWrite { notices += try Migrator(layout: layout, now: now, steps: migrations).migrate() }
        if loading == .onDemand && !Self.repairDue(layout) {
            loaded = try DatasetReader(layout: layout).readDocuments()
            isComplete = false
            return
        }
        loaded = try DatasetReader(layout: layout).read()
        if access == .readWrite {
            try repairTornTails()
            let today = LocalDate(String(now().prefix(10))) ?? LocalDate(year: 2000, month: 1, day: 1)!
            let finished = try sync.finishInterruptedImports(into: &loaded, today: today)
            notices += finished
            UnfinishedImports.dropFinished(&loaded.problems, layout)
        }
    }

    deinit { lock?.release() }

    /// Gives up the lock; the store stays readable.
    public func close() {
        lock?.release()
        lock = nil
        if access == .readWrite { access = .readOnly(Bilingual(zh: "已关闭", en: "closed")) }
    }

    public static func isoNow() -> String {
        let f = ISO8601DateFormatter()
        // Milliseconds: two checks saved within one second still order as they were saved.
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }

    // MARK: Writing checks

    /// Why `file` may not be written, or nil when it may.
    public func refusal(for file: String) -> StoreError? {
        Self.refusal(for: file, access: access, conditions: loaded.conditions)
    }

    /// Why `file` may not be written by a store with `access` that read files in
    /// `conditions`, or nil when it may.
    static func refusal(for file: String, access: Access, conditions: [String: FileCondition]) -> StoreError? {
        if let refusal = access.refusal { return refusal }
        switch conditions[file] {
        case .damaged?:
            return .refused(Bilingual(zh: "\(file) 已损坏，拒绝写入；请先修复或移走该文件（见 docs/storage.md）",
                                      en: "\(file) is damaged and will not be written; repair or move it first (see docs/storage.md)"), code: 65)
        case .newer(let v)?:
            return .refused(Bilingual(zh: "\(file) 由更新版本的三保写入（格式版本 \(v)），不会改写",
                                      en: "\(file) was written by a newer Sanbao (schema_version \(v)) and will not be written"), code: 65)
        default:
            return nil
        }
    }

    /// The checks file a household's checks go to.
    public func checksFile(for householdID: String) throws -> String {
        guard let h = household(householdID) else {
            throw StoreError.badData("unknown household \(householdID)")
        }
        return DataLayout.checksFile(village: h.address.villageCode)
    }

    /// Saves `check` durably: when this returns, the check is on disk (written and
    /// fsync'd) and survives a crash or power cut. Throws, writing nothing, when the
    /// directory or the target file may not be written.
    public func save(_ check: Check) throws {
        let file = try checksFile(for: check.householdID)
        if let refusal = refusal(for: file) { throw refusal }
        guard !dataset.checks.contains(where: { $0.id == check.id }) else {
            throw StoreError.badData("check id \(check.id) exists already")
        }
        var line = try RecordLine.of(check)
        line.append(0x0A)
        try AppendOnlyFile.append(line, to: file, in: layout, kind: "checks", village: DataLayout.village(ofChecksFile: file))
        loaded.dataset.checks.append(check)
    }

    // MARK: Repairs on open

    /// A torn last line of an append-only file is the trace of a write interrupted by a
    /// crash; that check was never reported saved. Keep every complete line, move the
    /// torn bytes to `damaged/` so nothing is lost, and rewrite the file atomically.
    private func repairTornTails() throws {
        try AtomicFile.inDataDirectory { try repairEachTornTail() }
    }

    private func repairEachTornTail() throws {
        for (file, offset) in loaded.tornTails.sorted(by: { $0.key < $1.key }) {
            let path = layout.path(file)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let aside = try moveAside(data.subdata(in: offset..<data.count), from: file, suffix: "torn")
            try AtomicFile.write(data.subdata(in: 0..<offset), to: path)
            loaded.conditions[file] = nil
            loaded.problems.removeAll { $0.file == file && $0.message.en.hasPrefix("last line is incomplete") }
            notices.append(Bilingual(
                zh: "\(file) 末尾有一条未写完的记录（\(data.count - offset) 字节，写入时被中断），已移至 \(aside)，其余记录完好",
                en: "\(file) ended in an unfinished record (\(data.count - offset) bytes, an interrupted write); moved to \(aside), every complete record kept"))
        }
        loaded.tornTails = [:]
    }

    /// Copies bytes into `DATA/damaged/` under a name that says where they came from.
    func moveAside(_ bytes: Data, from file: String, suffix: String) throws -> String {
        let dir = "damaged"
        try AtomicFile.makeDirectory(layout.path(dir))
        let stamp = now().replacingOccurrences(of: ":", with: "")
        let base = "\(dir)/\(file.replacingOccurrences(of: "/", with: "_")).\(stamp)"
        // Never replace bytes moved aside earlier (two repairs can share a second).
        var name = "\(base).\(suffix)"
        var n = 1
        while FileManager.default.fileExists(atPath: layout.path(name)) {
            n += 1
            name = "\(base)-\(n).\(suffix)"
        }
        try AtomicFile.write(bytes, to: layout.path(name))
        return name
    }
}

extension Store.Access {
    /// Why nothing at all may be written (75), or nil when the store is writable.
    var refusal: StoreError? {
        if case .readOnly(let why) = self { return .refused(why, code: 75) }
        return nil
    }
}

extension DataLayout {
    /// `checks/621121103201.jsonl` → `621121103201`.
    static func village(ofChecksFile file: String) -> String {
        String((file as NSString).lastPathComponent.dropLast(".jsonl".count))
    }
}
