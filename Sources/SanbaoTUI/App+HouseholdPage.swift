import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoStore

/// `p` on the household screen: the household's printable page (明白卡), written like every
/// export through the store's `OutputFile` (atomic, 0600, asked before replacing) into the
/// export directory, the full path said on the status line. The same page as
/// `sanbao export --household ID`, ID numbers masked.
extension App {
    func printPage(_ householdID: String, overwrite: Bool) {
        guard let h = model.household(householdID) else { return }
        let path = exportDirectory + "/" + Self.pageFileName(h)
        let file = OutputFile(path, replacing: overwrite)
        if file.isRefused {
            question = (UIText.exportOverwrite(path), [.printPage(householdID: householdID, overwrite: true)])
            return
        }
        let page = HouseholdPage(household: h, checks: model.checks(of: householdID), cadres: model.cadres, rules: model.rules,
                                 on: model.today, fullIDs: false)
        do {
            try file.write(HouseholdPageDocument(pages: [page], language: model.language).render())
            status = (UIText.pageWritten(path), false)
        } catch let e as StoreError {
            status = (UIText.exportFailed(e.message.text(model.language)), true)
        } catch {
            status = (UIText.exportFailed("\(error)"), true)
        }
    }

    /// `马斌-621121103201-0001.html`: the head's name finds the file among others, the id
    /// makes it one household's. A slash or a control character in a name (typed by
    /// mistake, or from a bundle) would make another path; it becomes `_`.
    static func pageFileName(_ h: Household) -> String {
        let name = String(String.UnicodeScalarView((h.head?.name ?? "").unicodeScalars.map {
            $0 == "/" || $0.value < 0x20 || $0.value == 0x7F ? "_" : $0
        }))
        return (name.isEmpty ? "" : name + "-") + h.id + ".html"
    }
}
