// Small helpers for the tests of the demo village and the scale generator.
import SanbaoCore

/// A date from `YYYY-MM-DD`; a typo in a test literal stops the run with the literal named.
func d(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { preconditionFailure("test literal \"\(text)\" is not a real date") }
    return date
}

/// The GB 11643-1999 check character, computed here independently of `IDNumber`
/// (so tests that build numbers with it do not trust the code under test).
func gbCheckCharacter(_ first17: String) -> Character {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let digits = first17.map { Int(String($0))! }
    precondition(digits.count == 17, "need 17 digits, got \(first17)")
    let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    return Array("10X98765432")[sum % 11]
}
