import Foundation
import SanbaoCore

/// The roster of one village as judged on a date, kept in `DATA/index/<village>.jsonl`
/// so that opening 200,000 households does not mean decoding 600 MB of records.
///
/// A cache, never the source of truth: it is used only while the village's data files
/// are exactly as they were (`SourceStamp`), the rules are the same (`rulesKey`) and the
/// day is within the span the states were judged valid for (`judgedOn ..< stableUntil`,
/// see `Assessor.nextChange`). Otherwise the village is read and judged again. Only a
/// village read without any problem is indexed, so a damaged file is always reported.
///
/// Format: a header object line, then one JSON array per household (`IndexLine`):
/// id, number, head, village, village_code, group, cadre_id, members, state bits,
/// last_check, follow_up, monitoring, search text, the ID numbers' last digits, and the household's own
/// stable_until (so that when the day moves past some of them, only those households
/// are judged again).
struct VillageIndex: Sendable {
    /// 3: the ID number column keeps only the last digits (`RosterEntry.idEnds`); an
    /// index of version 2, which held them whole, is rebuilt (and so overwritten).
    /// 4: written only for a village `Validator` finds no error in; an older index, which
    /// may stand for a village with duplicate ids, is rebuilt so its problems are said.
    /// 5: the header says whether the village stands alone (`contained`); an index of
    /// version 4 lacks it, so it is rebuilt rather than read as if it did.
    static let formatVersion = 5
    static let directory = "index"

    struct Header: Codable, Equatable {
        var kind = "roster_index"
        var formatVersion = VillageIndex.formatVersion
        var village: String
        var judgedOn: LocalDate
        var stableUntil: LocalDate
        var rulesKey: String
        var sources: [SourceStamp]
        var households: Int
        /// Whether the village's files stand alone (`VillageContainment`): what lets
        /// `list`, `show` and `check` trust the index for the rest of the county.
        var contained: Bool

        enum CodingKeys: String, CodingKey {
            case kind, village, sources, households, contained
            case formatVersion = "format_version"
            case judgedOn = "judged_on"
            case stableUntil = "stable_until"
            case rulesKey = "rules_key"
        }
    }

    var header: Header
    var entries: [RosterEntry]
    /// Per entry, the first day its judgement could differ.
    var stable: [LocalDate]

    static func file(_ village: String) -> String { "\(directory)/\(village).jsonl" }

    /// Whether the index may stand in for the data on `today`.
    func isCurrent(today: LocalDate, rulesKey: String, sources: [SourceStamp]) -> Bool {
        isSameData(rulesKey: rulesKey, sources: sources) && header.judgedOn <= today && today < header.stableUntil
    }

    /// Whether the index was made from these files and rules: its rows still hold for
    /// every household whose own span covers the day.
    func isSameData(rulesKey: String, sources: [SourceStamp]) -> Bool {
        header.formatVersion == Self.formatVersion && header.rulesKey == rulesKey && header.sources == sources
            && header.households == entries.count && stable.count == entries.count
    }

    // MARK: Bytes

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var out = [UInt8](try encoder.encode(header))
        out.append(0x0A)
        out.reserveCapacity(out.count + entries.count * 220)
        for (e, s) in zip(entries, stable) { IndexLine.append(Self.values(e) + [.string(s.description)], to: &out) }
        return out
    }

    static func values(_ e: RosterEntry) -> [IndexLine.Value] {
        let r = e.row
        func s(_ v: String?) -> IndexLine.Value { v.map(IndexLine.Value.string) ?? .null }
        return [.string(r.id), .string(r.number), .string(r.head), .string(r.village), .string(r.villageCode),
                .string(r.group), s(r.cadreID), .int(r.members), .int(Int(r.stateSet.bits)),
                s(r.lastCheck?.description), s(r.followUp?.description), s(r.monitoring?.rawValue),
                .string(e.searchText), .string(e.idEnds)]
    }

    /// Reads an index file; nil when it is not one this version wrote in full.
    /// `overdue` and cadre names are left for the caller, who knows the day and the cadres.
    /// With `rowsOnly`, the search texts are checked but not made (left empty): what
    /// `sanbao list` needs, which never searches.
    static func decode(_ bytes: [UInt8], village: String, rowsOnly: Bool = false) -> VillageIndex? {
        bytes.withUnsafeBufferPointer { buf -> VillageIndex? in
            // Checked once here so each string can be made without checking it again.
            guard JSONLines.firstInvalidUTF8(bytes, 0..<bytes.count) == nil, let nl = buf.firstIndex(of: 0x0A),
                  let header = try? JSONDecoder().decode(Header.self, from: Data(buf[0..<nl])),
                  header.kind == "roster_index", header.formatVersion == formatVersion, header.village == village
            else { return nil }
            var entries: [RosterEntry] = []
            var stable: [LocalDate] = []
            entries.reserveCapacity(header.households)
            stable.reserveCapacity(header.households)
            var start = nl + 1
            while start < buf.count {
                guard let end = buf[start...].firstIndex(of: 0x0A),
                      let (entry, until) = entry(UnsafeBufferPointer(rebasing: buf[start..<end]), village: village,
                                                 rowsOnly: rowsOnly) else { return nil }
                entries.append(entry)
                stable.append(until)
                start = end + 1
            }
            return VillageIndex(header: header, entries: entries, stable: stable)
        }
    }

    /// One row, in the order `values` writes it.
    static func entry(_ line: UnsafeBufferPointer<UInt8>, village: String, rowsOnly: Bool = false) -> (RosterEntry, LocalDate)? {
        var f = IndexLine.Fields(line)
        func text() -> String? { rowsOnly ? (f.skipString() ? "" : nil) : f.string() }
        func date(_ text: String??) -> LocalDate?? {
            guard let text else { return nil }
            guard let t = text else { return .some(nil) }
            return LocalDate(t).map { .some($0) }
        }
        guard let id = f.string(), let number = f.string(), let head = f.string(), let villageName = f.string(),
              let code = f.string(), let group = f.string(), let cadre = f.optionalString(),
              let members = f.int(), let bits = f.int(), bits >= 0, bits <= Int(UInt32.max),
              let states = StateSet(bits: UInt32(bits)), let last = date(f.optionalString()),
              let follow = date(f.optionalString()), let mon = f.optionalString(),
              let search = text(), let ids = text(), let until = f.string().flatMap({ LocalDate($0) }),
              f.end() else { return nil }
        var monitoring: MonitoringCategory?
        if let m = mon {
            guard let cat = MonitoringCategory(rawValue: m) else { return nil }
            monitoring = cat
        }
        let row = RosterRow(id: id, number: number, head: head, village: villageName, villageCode: code, group: group,
                            cadreID: cadre, cadre: nil, members: members, states: states, lastCheck: last,
                            followUp: follow, overdue: false, monitoring: monitoring)
        return (RosterEntry(row: row, searchText: search, idEnds: ids, fileVillage: village), until)
    }
}
