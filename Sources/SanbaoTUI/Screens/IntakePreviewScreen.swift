import SanbaoCore
import SanbaoText

/// Take in the township's roster, step two: what the file would change (or why it is
/// refused), read with the same code as `sanbao intake --dry-run`, wrapped to the screen
/// so nothing is cut. F10 takes it in when there is something to take and no problem;
/// Esc goes back to the path.
public struct IntakePreviewScreen: Screen {
    let path: String
    let canTakeIn: Bool
    /// The summary first, then the report, then what to do next.
    let lines: [(text: Bilingual, style: Style)]
    var pager = Pager(scrolls: true)
    var language: Language
    public var context: KeyContext { .intakePreview }

    /// - Parameters:
    ///   - lines: the report (problems, or changes and absentees), in both languages.
    ///   - summary: the summary line, shown first.
    public init(path: String, summary: Bilingual, lines: [Bilingual], canTakeIn: Bool, model: Model) {
        self.path = path
        self.canTakeIn = canTakeIn
        language = model.language
        let blank = Bilingual(zh: "", en: "")
        self.lines = [(summary, Style(.title)), (blank, .normal)] + lines.map { ($0, Style.normal) }
            + [(blank, .normal), (canTakeIn ? UIText.intakeConfirm : UIText.intakeRefused, Style(canTakeIn ? .key : .warning))]
    }

    public mutating func layout(_ area: Rect) {
        let cursor = pager.cursor
        pager = Pager(scrolls: true)
        for (text, style) in lines {
            // A continued line keeps the indent of the line it continues.
            let s = text.text(language)
            let indent = String(s.prefix { $0 == " " }) + "  "
            for (k, part) in DisplayWidth.wrap(s, width: area.columns - indent.count).enumerated() {
                pager.add(k == 0 ? part : indent + part, style)
            }
        }
        pager.cursor = cursor
        pager.layout(area)
    }

    /// A refused roster, or one that changes nothing, offers no F10.
    public func unavailable(_ command: Command, model: Model) -> Bilingual? {
        command == .takeIn && !canTakeIn ? model.readOnly ?? UIText.intakeNothingToTakeIn : nil
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        if pager.apply(command) { return [] }
        switch command {
        case .takeIn: return [.takeIn(path: path)]
        case .back: return [.pop]
        default: return []
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        pager.render(into: &canvas, area: area, model: model)
    }
}
