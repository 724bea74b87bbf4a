import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoIntake
import SanbaoStore
import SanbaoText

/// The running app: a stack of screens over one model, a status line, and the store.
/// One loop: draw the top screen into a canvas, show it, wait for a key, turn it into
/// effects, carry them out. Screens never touch the store; the app does, here.
public final class App {
    public static let minimumSize = (rows: 24, columns: 80)

    let store: Store
    let terminal: Terminal
    public internal(set) var model: Model
    var stack: [any Screen] = []
    var status: (text: Bilingual, isError: Bool)?
    /// A yes/no question waiting for an answer, and what "yes" does.
    var question: (text: Bilingual, onYes: [Effect])?
    public private(set) var finished = false
    let clock: () -> String
    /// Where exported files go unless a path says otherwise: the summary file's default
    /// and every household page. The working directory, as a cadre started Sanbao there.
    public var exportDirectory = FileManager.default.currentDirectoryPath

    public convenience init(store: Store, terminal: Terminal, today: LocalDate, language: Language, glyphs: Glyphs = .unicode,
                            cadreID: String?, clock: @escaping () -> String = Store.isoNow) {
        var readOnly: Bilingual?
        if case .readOnly(let why) = store.access {
            // In people's words: another window since 10:14, not a pid and a UTC instant.
            readOnly = store.lockHolder.map { UIText.lockedByAnother(since: LocalTime.short($0.since, today: LocalTime.today())) } ?? why
        }
        let roster = store.roster(on: today)
        let model = Model(entries: roster.villages.joined(), records: store, rules: store.dataset.rules, cadres: store.dataset.cadres,
                          today: today, language: language, glyphs: glyphs, cadreID: cadreID, readOnly: readOnly)
        self.init(model: model, store: store, terminal: terminal, clock: clock)
    }

    /// An app over a model already built from `store` (the benchmark times the pieces).
    public init(model: Model, store: Store, terminal: Terminal, clock: @escaping () -> String = Store.isoNow) {
        self.store = store
        self.terminal = terminal
        self.clock = clock
        self.model = model
        stack = [RosterScreen(model: model)]
        announceStartup()
    }

    /// Tells what happened on opening: damaged files, repairs, drafts waiting.
    func announceStartup() {
        let errors = store.problems(validatedOn: model.today).filter { $0.severity == .error }
        if let damaged = errors.first {
            status = (UIText.dataProblem(Bilingual(zh: damaged.text(.zh), en: damaged.text(.en)), count: errors.count), true)
        } else if let notice = store.notices.first {
            status = (notice, false)
        } else if let why = model.readOnly {
            status = (why, true)
        }
        guard model.readOnly == nil else { return }
        let kept = store.drafts()
        for (draft, _) in kept where model.drafts[draft.householdID] == nil { model.drafts[draft.householdID] = draft }
        if let (draft, savedAt) = kept.first, let h = model.household(draft.householdID) {
            let name = h.head?.name ?? h.id
            question = (UIText.draftFound(head: name, savedAt: LocalTime.written(savedAt)), [.push(CheckFormScreen(draft: draft, model: model))])
        } else {
            offerRecordDraft()
        }
    }

    /// Runs until the user quits.
    public func run() {
        while !finished {
            draw()
            guard let key = terminal.nextKey() else { continue }
            handle(key)
        }
    }

    /// Draws the current state into a canvas of the terminal's size and shows it.
    @discardableResult
    public func draw() -> Canvas {
        let size = terminal.size
        var canvas = Canvas(rows: size.rows, columns: size.columns)
        if isTooSmall {
            drawTooSmall(&canvas)
        } else {
            let body = Rect(row: 1, column: 0, rows: size.rows - 3, columns: size.columns)
            stack[stack.count - 1].layout(body)
            drawHeader(&canvas)
            stack.last!.render(into: &canvas, area: body, model: model)
            drawFooter(&canvas)
        }
        terminal.present(canvas)
        return canvas
    }

    func drawTooSmall(_ canvas: inout Canvas) {
        let size = terminal.size
        let lines = [model.say(UIText.tooSmall), model.say(UIText.tooSmallNow(columns: size.columns, rows: size.rows)),
                     model.say(UIText.tooSmallKeys)]
        for (k, line) in lines.enumerated() {
            let row = max(0, size.rows / 2 - 1 + k)
            let parts = DisplayWidth.prefix(line, width: size.columns)
            canvas.put(parts, row: row, column: max(0, (size.columns - DisplayWidth.of(parts)) / 2), style: Style(.warning))
        }
    }

    func drawHeader(_ canvas: inout Canvas) {
        let g = model.glyphs
        var parts = [model.say(UIText.appName)]
        // One village by name; at township or county scale their number, so the date stays on screen.
        parts.append(model.villages.count == 1 ? model.villages[0] : model.say(UIText.villageCount(model.villages.count)))
        parts.append(model.cadreID.flatMap { model.cadreNames[$0] } ?? model.say(UIText.allCadres))
        parts.append(model.today.description)
        canvas.fill(row: 0, style: Style(.title, [.reverse]))
        canvas.put(parts.joined(separator: g.separator), row: 0, column: 0, style: Style(.title, [.reverse]))
        if let _ = model.readOnly {
            let ro = "[" + model.say(UIText.readOnly) + "]"
            canvas.put(ro, row: 0, column: canvas.columns - DisplayWidth.of(ro) - 1, style: Style(.error, [.reverse]))
        }
    }

    func drawFooter(_ canvas: inout Canvas) {
        let hintsRow = canvas.rows - 2
        canvas.fill(row: hintsRow, style: Style(.muted, [.reverse]))
        // While a question waits, only its answers do anything: the hints say so.
        let hints = question != nil ? model.keys.hints(for: .question, model.language, width: canvas.columns) : stack.last!.hints(model, width: canvas.columns)
        canvas.put(hints, row: hintsRow, column: 0, style: Style(.muted, [.reverse]))
        let last = canvas.rows - 1
        if let q = question {
            canvas.put(model.say(q.text), row: last, column: 0, style: Style(.warning, [.bold]))
        } else if let s = status {
            let text = model.say(s.text)
            let shown = DisplayWidth.of(text) > canvas.columns ? DisplayWidth.fit(text, width: canvas.columns, ellipsis: model.glyphs.ellipsis) : text
            canvas.put(shown, row: last, column: 0, style: Style(s.isError ? .error : .normal))
        }
    }

    // MARK: Keys and effects

    var isTooSmall: Bool {
        terminal.size.rows < Self.minimumSize.rows || terminal.size.columns < Self.minimumSize.columns
    }

    public func handle(_ key: Key) {
        // A resize is the terminal's news, not the user's key: the next draw takes the size.
        if key == .resize { return }
        // Nothing shows but the request to enlarge: keys would act unseen. Only Ctrl-C
        // still quits, and only when no form would be lost.
        if isTooSmall {
            if model.keys.command(for: key, in: .global) == .interrupt, !stack.contains(where: \.isDirty) { finished = true }
            return
        }
        if let q = question {
            switch model.keys.command(for: key, in: .question) {
            case .yes?:
                question = nil
                perform(q.onYes)
            case .no?:
                question = nil
            default: break
            }
            return
        }
        status = nil
        let top = stack.count - 1
        // Help and interrupt are the app's, whatever the screen; F1 even while typing
        // (the table names it, and a typed "?" is text).
        switch model.keys.command(for: key, in: stack[top].context, typing: stack[top].isEditingText) {
        case .interrupt?: return perform([.confirmQuit])
        case .help?: return perform([.push(HelpScreen(model: model))])
        default: perform(stack[top].handle(key, model: model))
        }
    }

    func perform(_ effects: [Effect]) {
        for e in effects {
            switch e {
            case .push(let s): stack.append(s)
            case .pop: if stack.count > 1 { stack.removeLast() } else { finished = true }
            case .quit: finished = true
            case .status(let t): status = (t, false)
            case .error(let t): status = (t, true)
            case .confirm(let q, let yes): question = (q, yes)
            case .save(let draft): save(draft)
            case .saveRecord(let change, let key): save(change, draft: key)
            case .openRecord(let screen): openRecord(screen)
            case .keepRecordDraft(let d): keep(d)
            case .dropRecordDraft(let key): try? store.dropRecordDraft(key)
            case .keepDraft(let d): keep(d)
            case .dropDraft(let id):
                try? store.dropDraft(householdID: id)
                model.drafts[id] = nil
            case .openExport:
                stack.append(ExportScreen(directory: exportDirectory, model: model))
            case .export(let format, let path, let overwrite):
                export(format, to: path, overwrite: overwrite)
            case .printPage(let id, let overwrite):
                printPage(id, overwrite: overwrite)
            case .openIntake:
                stack.append(IntakeScreen())
            case .previewIntake(let path):
                previewIntake(path)
            case .takeIn(let path):
                takeIn(path)
            case .confirmQuit:
                // Every form's draft is kept on disk; the question names the kind of form.
                if stack.contains(where: { $0.isDirty && $0 is CheckFormScreen }) {
                    question = (UIText.quitQuestion, [.quit])
                } else if stack.contains(where: \.isDirty) {
                    question = (UIText.recordQuitQuestion, [.quit])
                } else {
                    finished = true
                }
            }
        }
    }

    func keep(_ draft: CheckDraft) {
        do {
            if let aside = try store.keepDraft(draft) { status = (UIText.checkDraftUnreadable(aside), true) }
            model.drafts[draft.householdID] = draft
        } catch {
            status = (UIText.draftNotKept("\(error)"), true)
        }
    }

    /// Saves through the store; says "saved" only after the store returns (fsync done).
    func save(_ draft: CheckDraft) {
        let recorded: RecordedCheck
        do {
            recorded = try store.record(draft, today: model.today, recordedAt: clock())
        } catch let refused as CheckRefused {
            status = (refused.problems.first!.message, true)
            return
        } catch let e as StoreError {
            status = (e.message, true)
            return
        } catch {
            status = (UIText.notSaved("\(error)"), true)
            return
        }
        model.drafts[draft.householdID] = nil
        model.replace(recorded.entry)
        if stack.count > 1 { stack.removeLast() }
        for i in stack.indices { stack[i].modelChanged(model) }
        status = (UIText.savedCheck(head: recorded.household.head?.name ?? "", id: recorded.check.id), false)
    }

    /// Writes the summary file of the households shown (the chosen cadre's, or all).
    func export(_ format: ExportFormat, to path: String, overwrite: Bool) {
        let full = path.hasPrefix("~/") ? NSHomeDirectory() + String(path.dropFirst(1)) : path
        let file = OutputFile(full, replacing: overwrite)
        if file.isRefused {
            question = (UIText.exportOverwrite(full), [.export(format, path: path, overwrite: true)])
            return
        }
        do {
            let request = ExportRequest(cadre: model.cadreID, to: model.today, generatedAt: clock())
            // A store that read everything has the data; otherwise it is read village by
            // village, not held whole.
            let report = store.isComplete ? try SummaryReport(store.dataset, request)
                : try SummaryReport.read(store.layout, documents: store.dataset, request).report
            let data = try report.render(format, options: RenderOptions(language: model.language))
            try file.write(data)
            if stack.count > 1 { stack.removeLast() }
            status = (UIText.exported(full, households: report.households.count), false)
        } catch let e as StoreError {
            status = (UIText.exportFailed(e.message.text(model.language)), true)
        } catch {
            status = (UIText.exportFailed("\(error)"), true)
        }
    }

    /// Reads a roster and shows what taking it in would change, or its problems; the
    /// same reading and words as `sanbao intake --dry-run`. Writes nothing.
    func previewIntake(_ path: String) {
        guard let intake = readRoster(path, plan: true) else { return }
        let report = intake.report
        var lines = report.unknownColumns(intake.roster).map { [$0] } ?? []
        let refused = !intake.roster.problems.isEmpty
        if refused {
            lines += report.problems(intake.roster.problems)
        } else if let plan = intake.plan {
            lines += report.dryRun(plan)
        }
        let canTakeIn = !refused && !(intake.plan?.isEmpty ?? true) && model.readOnly == nil
        stack.append(IntakePreviewScreen(path: path, summary: report.summary(intake.roster, plan: intake.plan), lines: lines,
                                         canTakeIn: canTakeIn, model: model))
    }

    /// Takes the roster in through the store (read and checked again: the file may have
    /// changed since the preview), then shows the new roster.
    func takeIn(_ path: String) {
        guard let intake = readRoster(path, plan: true), intake.roster.problems.isEmpty, let plan = intake.plan else { return }
        do {
            try store.takeIn(plan, source: intake.name, today: model.today)
        } catch let e as StoreError {
            status = (UIText.intakeFailed(e.message), true)
            return
        } catch {
            status = (UIText.intakeFailed(Bilingual(zh: "\(error)", en: "\(error)")), true)
            return
        }
        reloadModel()
        stack = [RosterScreen(model: model)]
        status = (UIText.intakeDone(intake.report.summary(intake.roster, plan: plan)), false)
    }

    /// The model built again from the store's roster (after an intake or a new household).
    /// The check drafts known are carried over: a new check of a household that has one
    /// must continue it, never start over it (and replace its file).
    func reloadModel() {
        let roster = store.roster(on: model.today)
        let drafts = model.drafts
        model = Model(entries: roster.villages.joined(), records: store, rules: store.dataset.rules, cadres: store.dataset.cadres,
                      today: model.today, language: model.language, glyphs: model.glyphs, cadreID: model.cadreID,
                      readOnly: model.readOnly)
        model.drafts = drafts
    }

    /// The roster at `path` read (and planned against the data); nil, with the reason on
    /// the status line, when it cannot be read.
    func readRoster(_ path: String, plan: Bool) -> RosterIntake? {
        let full = path.hasPrefix("~/") ? NSHomeDirectory() + String(path.dropFirst(1)) : path
        do {
            var intake = try RosterIntake(path: full)
            try intake.read(asOf: model.today, today: model.today, store: store)
            if plan && intake.roster.problems.isEmpty { try intake.makePlan(store: store, asOf: model.today) }
            return intake
        } catch let e as SpreadsheetError {
            status = (UIText.intakeFailed(e.message), true)
        } catch let e as StoreError {
            status = (UIText.intakeFailed(e.message), true)
        } catch {
            status = (UIText.intakeFailed(Bilingual(zh: "\(error)", en: "\(error)")), true)
        }
        return nil
    }

    /// The text on screen now (for tests and `--dump`).
    public var screenText: String { draw().text }

    /// Text on screen now that was cut at an edge with no ellipsis to say so (for tests
    /// and `--dump`, which fail on any).
    public var silentCuts: [Canvas.Cut] { draw().unmarkedCuts(ellipsis: model.glyphs.ellipsis) }
}
