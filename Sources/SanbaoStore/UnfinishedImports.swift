import Foundation
import SanbaoCore

/// An import a crash cut short leaves its bundle in `incoming/` (storage.md, "All or
/// nothing"): part of it may be written, part not. Until a command that may write
/// finishes it, every reader says so — as an error, so `validate` does not call the
/// half-imported data clean and the app's status line shows it.
enum UnfinishedImports {
    /// One problem per bundle waiting in `incoming/`.
    static func problems(_ layout: DataLayout) -> [FileProblem] {
        let dir = layout.path(Sync.incomingDir)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.map { name in
            FileProblem(file: "\(Sync.incomingDir)/\(name)", Bilingual(
                zh: "上次导入被中断，尚未完成：数据可能只导入了一部分；任何写入数据的命令（再次 sanbao import，或保存一次检查）都会把它完成",
                en: "an import was interrupted and is unfinished: the data may be half imported; any command that writes (sanbao import again, or saving a check) finishes it"))
        }
    }

    /// `problems` without those whose bundle is gone (the store finished the import).
    static func dropFinished(_ problems: inout [FileProblem], _ layout: DataLayout) {
        problems.removeAll { $0.file.hasPrefix(Sync.incomingDir + "/") && !FileManager.default.fileExists(atPath: layout.path($0.file)) }
    }
}
