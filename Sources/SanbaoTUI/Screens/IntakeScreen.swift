import SanbaoCore
import SanbaoText

/// Take in the township's roster, step one: the file's path. Enter asks the app to read
/// the file and show what it would change (`IntakePreviewScreen`); nothing is written here.
public struct IntakeScreen: Screen {
    var path: TextField
    public var context: KeyContext { .intake }
    public var isEditingText: Bool { true }

    /// The path starts empty: a relative one is from the directory Sanbao was started in.
    public init(path: String = "") {
        self.path = TextField(path)
    }

    public func unavailable(_ command: Command, model: Model) -> Bilingual? {
        command == .previewIntake && path.text.trimmingBlanks.isEmpty ? UIText.intakeNoPath : nil
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        switch command {
        case .previewIntake: return [.previewIntake(path: String(path.text.trimmingBlanks))]
        case .back: return [.pop]
        default:
            _ = path.edit(command)
            return []
        }
    }

    public mutating func type(_ character: Character, model: Model) -> [Effect] {
        _ = path.insert(character)
        return []
    }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        let say = model.say
        let width = area.columns - 4
        canvas.put(say(UIText.intakeTitle), row: area.row, column: area.column, width: area.columns, style: Style(.title))
        let label = DisplayWidth.of(say(UIText.intakePath)) + 3
        canvas.put(model.glyphs.cursor + " " + say(UIText.intakePath), row: area.row + 2, column: area.column, style: Style(.key))
        path.render(into: &canvas, row: area.row + 2, column: area.column + label, width: area.columns - label - 1, style: Style(.input, [.underline]))
        var row = area.row + 4
        for text in [UIText.intakeHowTo, UIText.intakeFormats, UIText.intakeNeverDeletes] {
            for line in DisplayWidth.wrap(say(text), width: width) {
                canvas.put(line, row: row, column: area.column + 2, style: Style(.muted))
                row += 1
            }
        }
    }
}
