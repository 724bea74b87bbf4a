import Foundation

/// A merge's journal written on another thread while the plan is checked: at a county's
/// size the journal is tens of MB, and waiting for the disk to take it was a tenth of an
/// import. Written and fsynced under a temporary name (`.NAME.tmp-PID-N`, never read as a
/// journal) and renamed to its own only by `commit`, after the plan has passed — so a
/// refused import leaves no journal behind, and a crash at any point leaves none or a
/// whole one.
final class StagedJournal: @unchecked Sendable {
    let path: String
    /// Whether this made the journal's folder (removed again on `discard`, so a refused
    /// import leaves the directory as it found it).
    private let madeFolder: Bool
    private let done = DispatchSemaphore(value: 0)
    // Set by the writing thread before it signals `done`, read only after `done.wait()`.
    private var written: Result<String, Error> = .failure(CancellationError())

    /// Starts writing the bytes `make` hands the function it is given. Nil when the
    /// folder cannot be made: the caller then checks first and writes after, so the
    /// error is the one it always gave.
    static func start(_ path: String, _ make: @escaping @Sendable ((Data) throws -> Void) throws -> Void) -> StagedJournal? {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        let existed = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
        guard existed ? isFolder.boolValue : (try? AtomicFile.makeDirectory(folder)) != nil else { return nil }
        return StagedJournal(path, madeFolder: !existed, make)
    }

    private init(_ path: String, madeFolder: Bool, _ make: @escaping @Sendable ((Data) throws -> Void) throws -> Void) {
        self.path = path
        self.madeFolder = madeFolder
        Thread.detachNewThread { [self] in
            written = Result { try AtomicFile.writeTemporary(beside: path, make) }
            done.signal()
        }
    }

    /// Waits for the bytes to be on disk, then makes them the journal.
    func commit() throws {
        done.wait()
        try AtomicFile.moveTemporary(try written.get(), to: path)
    }

    /// Waits for the writing to end and removes what it wrote: the plan was refused.
    func discard() {
        done.wait()
        if case .success(let temp) = written { unlink(temp) }
        if madeFolder { rmdir((path as NSString).deletingLastPathComponent) }
    }
}
