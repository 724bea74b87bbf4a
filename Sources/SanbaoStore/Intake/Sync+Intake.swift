import Foundation
import SanbaoCore

/// Taking in the township's roster: planned against everything the data holds, then
/// written through the same journaled merge as a bundle from another device.
extension Sync {
    /// What taking in `roster` would change, against everything in `loaded`; writes nothing.
    func planIntake(_ roster: RosterContent, asOf: LocalDate, source: String, loaded: LoadResult) throws -> IntakePlan {
        let dataset = loaded.dataset
        return try IntakePlan(roster: roster, current: dataset.households, cadres: dataset.cadres, log: EditLog(dataset.edits),
                              asOf: asOf, deviceID: loaded.deviceID, now: now(), source: "intake " + source)
    }

    /// Writes `plan` as a bundle of this device through `merge`.
    func takeIn(_ plan: IntakePlan, source: String, today: LocalDate, into loaded: inout LoadResult, access: Store.Access) throws {
        guard !plan.isEmpty else { return }
        let bundle = Bundle(deviceID: loaded.deviceID, created: now(), cadres: plan.newCadres, households: plan.newHouseholds,
                            checks: [], edits: plan.edits)
        // Each new household encoded once, for the journal and the village files alike.
        let encoded = try EncodedRecords(plan.newHouseholds)
        // The journal streamed from those lines: a county's is hundreds of MB, never held whole.
        let name = "intake-" + StableHash.hex("\(loaded.deviceID)|\(source)|\(now())|\(plan.newHouseholds.count)|\(plan.edits.count)")
        _ = try merge(bundle, journalName: name, name: source, today: today, encoded: encoded, into: &loaded, access: access) { put in
            try encoded.bundleBytes(bundle, put)
        }
    }
}

extension Store {
    /// What taking in `roster` would change; writes nothing.
    /// - Parameter source: the roster's file name, recorded on every edit it makes.
    public func planIntake(_ roster: RosterContent, asOf: LocalDate, source: String) throws -> IntakePlan {
        try readEverything()
        return try sync.planIntake(roster, asOf: asOf, source: source, loaded: loaded)
    }

    /// Writes `plan`, all or nothing: the merged result is validated first, the plan is
    /// journaled in `incoming/` as a bundle of this device, so a kill part way is finished
    /// on the next open, and taking the same roster in again finds nothing to do.
    public func takeIn(_ plan: IntakePlan, source: String, today: LocalDate) throws {
        if let refusal = access.refusal { throw refusal }
        try sync.takeIn(plan, source: source, today: today, into: &loaded, access: access)
    }
}
