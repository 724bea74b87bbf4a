import SanbaoCore

extension Store {
    /// Every error and warning `sanbao validate` would report of what this store has
    /// read: the problems of reading, and the domain problems (`Validator`: duplicate ids,
    /// checks and edits of unknown households, ID numbers …) located by file and line, so
    /// a reader can say "N problems" instead of showing damaged data as whole. A store
    /// read on demand has validated each village its roster read (`roster(on:)`), and
    /// those problems are among `problems` already.
    public func problems(validatedOn today: LocalDate) -> [FileProblem] {
        guard isComplete else { return loaded.problems }
        return loaded.problems + Validator(today: today).problems(in: dataset).map { loaded.located($0) }
    }

    /// The errors among `problems(validatedOn:)`, in its order, the records' found village
    /// by village on every core (`VillageErrors`): for a command that warns of errors
    /// before it goes on (`bundle`, `conflicts`), where the whole validator on one core
    /// was a tenth of bundling a county.
    public func errors(validatedOn today: LocalDate) -> [FileProblem] {
        let read = loaded.problems.filter { $0.severity == .error }
        guard isComplete else { return read }
        return read + VillageErrors.of(dataset, Validator(today: today)).map { loaded.located($0) }
    }
}
