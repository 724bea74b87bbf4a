import Foundation

/// A file Sanbao writes for someone else: an export, a bundle, a roster, an intake's
/// refused rows. The one rule for all of them: an existing file is replaced only when
/// asked (`replacing`, the CLI's `--force`, the app's question), the file is written
/// whole or not at all (`AtomicFile`), and created 0600, as it holds ID numbers.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    /// Whether an existing file may be replaced.
    public let replacing: Bool

    public init(_ path: String, replacing: Bool) {
        self.path = path
        self.replacing = replacing
    }

    /// Whether the file is there and may not be replaced: a front end asks, or refuses.
    public var isRefused: Bool { !replacing && FileManager.default.fileExists(atPath: path) }

    /// Throws `StoreError.exists` (73, "X exists; use --force to replace it") when the
    /// file is there and may not be replaced; said before any work, so nothing is lost.
    public func check() throws {
        if isRefused { throw StoreError.exists(path) }
    }

    /// Writes `data` whole (refused, writing nothing, when `check` would refuse).
    public func write(_ data: Data) throws {
        try check()
        // An export killed before (SIGKILL, a power cut) left its temporary file here.
        StaleTemporaries.remove(dir: (path as NSString).deletingLastPathComponent, name: (path as NSString).lastPathComponent)
        try AtomicFile.write(data, to: path, mode: 0o600)
    }

    /// Writes the bytes `make` hands the function it is given, as they come: a file too
    /// large to be made whole first (a county's bundle). The same rules as `write(_:)`.
    public func write(pieces make: ((Data) throws -> Void) throws -> Void) throws {
        try check()
        StaleTemporaries.remove(dir: (path as NSString).deletingLastPathComponent, name: (path as NSString).lastPathComponent)
        try AtomicFile.write(to: path, mode: 0o600, make)
    }
}

/// A file Sanbao reads that is not in the data directory: a bundle to import, summaries
/// to roll up.
public enum InputFile {
    /// The file's bytes; `StoreError.cannotRead` (66, "cannot read X") when it cannot be read.
    public static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.cannotRead(path) }
        return data
    }
}
