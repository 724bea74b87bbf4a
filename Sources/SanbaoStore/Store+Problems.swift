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
}
