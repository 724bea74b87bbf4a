import SanbaoCore
import SanbaoExport

/// What a screen asks the app to do after a key. Screens never do I/O or touch other
/// screens; they return effects and the app carries them out.
public enum Effect {
    case push(any Screen)
    case pop
    case quit
    case status(Bilingual)
    case error(Bilingual)
    /// Ask a yes/no question; on yes, carry out the effects.
    case confirm(Bilingual, [Effect])
    /// Save a check through the store (`Store.record`); the app says "saved" once it is on disk.
    case save(CheckDraft)
    /// Save a change to the records (a member added or gone, facts, a pairing, a new
    /// household) through the store; "saved" only once it is on disk, and then the form's
    /// draft is removed.
    case saveRecord(RecordChange, draft: RecordDraft.Key)
    /// Open a record form, with its answers back when a draft of it was kept.
    case openRecord(RecordFormScreen)
    /// Keep a record form's answers on disk, as `keepDraft` keeps a check's.
    case keepRecordDraft(RecordDraft)
    case dropRecordDraft(RecordDraft.Key)
    /// Keep the unsaved form on disk so a crash or kill does not lose it.
    case keepDraft(CheckDraft)
    case dropDraft(householdID: String)
    /// Quit, asking first when some screen has unsaved input.
    case confirmQuit
    /// Open the export screen (the app knows the working directory).
    case openExport
    /// Write the summary file; asks first when the file exists, unless `overwrite`.
    case export(ExportFormat, path: String, overwrite: Bool)
    /// Write the printable page (明白卡) of one household into the export directory; asks
    /// first when the file exists, unless `overwrite`.
    case printPage(householdID: String, overwrite: Bool)
    /// Open the roster intake screen (the app knows the working directory).
    case openIntake
    /// Read a roster file and show what taking it in would change; writes nothing.
    case previewIntake(path: String)
    /// Take the roster in through the store, then show the new roster.
    case takeIn(path: String)
}
