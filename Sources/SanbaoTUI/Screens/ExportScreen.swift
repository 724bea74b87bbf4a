import SanbaoCore
import SanbaoExport
import SanbaoText

/// Choose a format and a path, then write the summary file for the township. The app
/// does the writing (through the store's atomic write) and says where it went.
public struct ExportScreen: Screen {
    public var format = ExportFormat.xlsx
    var path: TextField
    var field = 0
    public var context: KeyContext { .export }
    public var isEditingText: Bool { field == 1 }

    /// - Parameter directory: where the file goes by default (the working directory).
    public init(directory: String, model: Model) {
        let village = model.villages.first ?? "sanbao"
        path = TextField(directory + "/" + village + "-" + model.today.description + "." + ExportFormat.xlsx.fileExtension)
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        switch command {
        case .nextField, .previousField:
            // Two fields: the next and the previous are the other one.
            field = 1 - field
        case .export:
            return [.export(format, path: path.text, overwrite: false)]
        case .back:
            return [.pop]
        case .increase: step(1)
        case .decrease: step(-1)
        default:
            _ = path.edit(command)
        }
        return []
    }

    public mutating func type(_ character: Character, model: Model) -> [Effect] {
        _ = path.insert(character)
        return []
    }

    /// Changes the format and, when the path ends in the old extension, the extension too.
    mutating func step(_ delta: Int) {
        let all = ExportFormat.allCases
        let old = format
        format = all[(all.firstIndex(of: format)! + delta + all.count) % all.count]
        let text = path.text
        if text.hasSuffix("." + old.fileExtension) {
            path = TextField(String(text.dropLast(old.fileExtension.count)) + format.fileExtension)
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        let say = model.say
        canvas.put(say(UIText.exportTitle), row: area.row, column: area.column, style: Style(.title))
        let label = UIWidth.exportLabel(model.language)
        let scope = UIText.exportScopeText(model.rows.count, cadre: model.cadreID.flatMap { model.cadreNames[$0] })
        canvas.put(say(UIText.exportScope), row: area.row + 2, column: area.column + 2)
        canvas.put(say(scope), row: area.row + 2, column: area.column + label)
        canvas.put((field == 0 ? model.glyphs.cursor : " ") + " " + say(UIText.exportFormat), row: area.row + 3, column: area.column, style: field == 0 ? Style(.key) : .normal)
        canvas.put("< " + format.rawValue + " >", row: area.row + 3, column: area.column + label, style: field == 0 ? Style(.input, [.reverse]) : .normal)
        canvas.put((field == 1 ? model.glyphs.cursor : " ") + " " + say(UIText.exportPath), row: area.row + 4, column: area.column, style: field == 1 ? Style(.key) : .normal)
        path.render(into: &canvas, row: area.row + 4, column: area.column + label, width: area.columns - label - 1,
                    style: field == 1 ? Style(.input, [.underline]) : .normal)
        // Wrapped, not cut: in English the list of formats is wider than 80 columns.
        let notes = [UIText.exportFormats, UIText.exportMasked].flatMap { DisplayWidth.wrap(say($0), width: area.columns - 2) }
        for (k, line) in notes.enumerated() {
            canvas.put(line, row: area.row + 6 + k, column: area.column + 2, style: Style(.muted))
        }
    }
}
