import SanbaoCore
import SanbaoStore
import SanbaoText

/// Record forms' drafts (`RecordDraft`): kept on every change, put back when the same
/// form is opened again, offered on start when no check draft is. The app does the
/// reading and writing; the form only says what changed.
extension App {
    func keep(_ draft: RecordDraft) {
        do {
            try store.keepRecordDraft(draft)
        } catch {
            status = (UIText.draftNotKept("\(error)"), true)
        }
    }

    /// Pushes `screen` with the answers of the draft kept for its form, if any. A draft
    /// that cannot be read has been renamed aside by the store: the form starts afresh
    /// and the status line says where the old one is.
    func openRecord(_ screen: RecordFormScreen) {
        var screen = screen
        do {
            switch try store.openRecordDraft(screen.form.draftKey) {
            case .none: break
            case .found(let draft, let savedAt): screen.restore(draft, savedAt: LocalTime.written(savedAt))
            case .unreadable(let aside): status = (UIText.recordDraftUnreadable(aside), true)
            }
        } catch let e as StoreError {
            status = (UIText.draftNotKept(e.message.text(model.language)), true)
        } catch {
            status = (UIText.draftNotKept("\(error)"), true)
        }
        stack.append(screen)
    }

    /// On start: the newest record form left unsaved, offered as the check form's draft
    /// is ("no" keeps it; the same form opened later gets it back).
    func offerRecordDraft() {
        for (draft, savedAt) in store.recordDrafts() {
            guard let form = RecordForm.reopening(draft.key, model: model) else { continue }
            let time = LocalTime.written(savedAt)
            let title = Bilingual(zh: fitted(form.title, .zh, time), en: fitted(form.title, .en, time))
            question = (UIText.recordDraftFound(title, savedAt: time), [.openRecord(RecordFormScreen(form))])
            return
        }
    }

    /// The form's title cut (with an ellipsis) so the question fits the narrowest screen:
    /// the question line is never cut, and its answers come last.
    private func fitted(_ title: Bilingual, _ language: Language, _ time: String) -> String {
        let rest = DisplayWidth.of(UIText.recordDraftFound(Bilingual(zh: "", en: ""), savedAt: time).text(language))
        let room = max(4, App.minimumSize.columns - rest)
        let text = title.text(language)
        return DisplayWidth.of(text) <= room ? text : DisplayWidth.fit(text, width: room, ellipsis: model.glyphs.ellipsis)
    }
}
