/// Where things are in an XLSX package: its worksheets in workbook order with the part
/// each is stored in, its shared strings and styles parts, and its date system.
///
/// Found the way the package says, not by guessing file names: `_rels/.rels` names the
/// workbook part, the workbook's `<sheet r:id>` names a relationship, and the relationship's
/// `Target` (relative to the workbook's folder, or absolute from the package root) names
/// the part. Chart sheets and dialog sheets hold no cells, so they are not listed.
struct WorkbookManifest: Sendable, Equatable {
    struct Sheet: Sendable, Equatable {
        var name: String
        var part: String
    }

    var sheets: [Sheet]
    var date1904: Bool
    var sharedStringsPart: String?
    var stylesPart: String?

    static func read(_ archive: WorkbookArchive) throws -> WorkbookManifest {
        let workbookPart = try officeDocument(archive) ?? "xl/workbook.xml"
        guard archive.contains(workbookPart) else { throw SpreadsheetError.notWorkbook(path: archive.path) }
        let relsPart = PartPath.relationships(of: workbookPart)
        let rels = archive.contains(relsPart) ? try relationships(archive, relsPart, base: PartPath.folder(of: workbookPart)) : []
        var manifest = WorkbookManifest(sheets: [], date1904: false, sharedStringsPart: nil, stylesPart: nil)
        manifest.sharedStringsPart = rels.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? PartPath.existing("xl/sharedStrings.xml", in: archive)
        manifest.stylesPart = rels.first { $0.type.hasSuffix("/styles") }?.target
            ?? PartPath.existing("xl/styles.xml", in: archive)
        let bytes = try archive.bytes(of: workbookPart)
        try bytes.withUnsafeBufferPointer { buffer in
            let xml = XMLScan(bytes: buffer)
            try xml.forEachTag(part: workbookPart) { tag in
                guard tag.kind == .open || tag.kind == .empty else { return }
                if xml.equals(tag.name, "workbookPr") {
                    let value = xml.attributeString("date1904", of: tag)
                    manifest.date1904 = value == "1" || value == "true"
                } else if xml.equals(tag.name, "sheet"), let name = xml.attributeString("name", of: tag) {
                    let id = xml.attributeString("id", of: tag)
                    guard let rel = rels.first(where: { $0.id == id }) else { return }
                    if rel.type.hasSuffix("/chartsheet") || rel.type.hasSuffix("/dialogsheet") { return }
                    manifest.sheets.append(Sheet(name: name, part: rel.target))
                }
            }
        }
        return manifest
    }

    /// The workbook part `_rels/.rels` names, or nil when the package has no such file.
    private static func officeDocument(_ archive: WorkbookArchive) throws -> String? {
        guard archive.contains("_rels/.rels") else { return nil }
        let rels = try relationships(archive, "_rels/.rels", base: "")
        return rels.first { $0.type.hasSuffix("/officeDocument") }?.target
    }

    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The internal relationships of a `.rels` part, targets resolved to package paths.
    static func relationships(_ archive: WorkbookArchive, _ part: String, base: String) throws -> [Relationship] {
        let bytes = try archive.bytes(of: part)
        var found: [Relationship] = []
        try bytes.withUnsafeBufferPointer { buffer in
            let xml = XMLScan(bytes: buffer)
            try xml.forEachTag(part: part) { tag in
                guard tag.kind == .open || tag.kind == .empty, xml.equals(tag.name, "Relationship"),
                      xml.attributeString("TargetMode", of: tag) != "External",
                      let id = xml.attributeString("Id", of: tag),
                      let target = xml.attributeString("Target", of: tag) else { return }
                found.append(Relationship(id: id, type: xml.attributeString("Type", of: tag) ?? "",
                                          target: PartPath.resolve(target, against: base)))
            }
        }
        return found
    }
}

/// Paths of parts inside a package (always `/`-separated, no leading `/`).
enum PartPath {
    /// `xl/workbook.xml` → `xl`.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationships(of part: String) -> String {
        let folder = folder(of: part)
        let file = folder.isEmpty ? part : String(part.dropFirst(folder.count + 1))
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    }

    /// A relationship target as a package path: `/xl/a.xml` from the root, `worksheets/a.xml`
    /// or `../a.xml` from `base`.
    static func resolve(_ target: String, against base: String) -> String {
        let absolute = target.hasPrefix("/")
        var parts = absolute || base.isEmpty ? [] : base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    static func existing(_ part: String, in archive: WorkbookArchive) -> String? {
        archive.contains(part) ? part : nil
    }
}
