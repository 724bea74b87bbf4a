import SanbaoCore

/// Every user intent is a named command. Keys map to commands through `KeyTable`; the
/// help screen and the footer hints are generated from the same table.
public enum Command: String, CaseIterable, Sendable {
    case help, quit, back, interrupt
    case yes, no
    case up, down, pageUp, pageDown, top, bottom
    case deleteBackward, deleteForward, cursorLeft, cursorRight, lineStart, lineEnd, deleteToStart
    case open, search, browseDown, browseUp, clearSearch, sort, reverse, filterIndicator, filterOverdue, filterMonitoring, filterPlace, clearFilters
    case newCheck, dashboard, worklist, revealIDs, printPage, export, intake, previewIntake, takeIn
    case nextField, previousField, nextPage, previousPage, increase, decrease, toggle, save
    case addMember, memberLeaves, editMember, editHousehold, pairCadre, addHousehold, saveRecord

    /// What the command does, for the help screen (from the catalog).
    public var help: Bilingual { UIText.help(self) }
}
