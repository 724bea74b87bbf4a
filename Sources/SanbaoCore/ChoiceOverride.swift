/// When the state a cadre chooses on a visit is not the state the indicator gets, and why.
///
/// The rule (docs/rules.md, "A chosen state the facts overrule"): the household's facts
/// decide whenever they fail. A member without medical insurance makes 医疗 not met
/// whether the visit chose met, follow-up or not applicable; a chosen follow-up is then
/// the plan, not the state — its note and the check's follow-up date are kept and shown as
/// reasons, but the indicator counts as not met until the facts change. Likewise a chosen
/// met on facts that need follow-up (income under the monitoring line) is follow-up. A
/// choice the facts do not contradict (not met, follow-up on met facts, not applicable on
/// met facts) is honoured. Saying so at the moment of choosing means no choice is
/// silently dropped.
public enum ChoiceOverride {
    /// Nil when `chosen` stands (or nothing was chosen); otherwise one sentence naming the
    /// chosen state, the state the indicator gets and what is kept.
    public static func reason(chosen: IndicatorState?, got: IndicatorState) -> Bilingual? {
        guard let chosen, chosen != got, chosen != .unchecked else { return nil }
        let kept = chosen == .followUp
            ? Bilingual(zh: "；说明和跟进日期照常保存", en: "; the note and follow-up date are still kept")
            : Bilingual(zh: "", en: "")
        return Bilingual(
            zh: "所选“\(chosen.label.zh)”未采用：户内情况为“\(got.label.zh)”，以户内情况为准\(kept.zh)",
            en: "the chosen \"\(chosen.label.en)\" is overruled: the household's facts say \"\(got.label.en)\", and facts decide\(kept.en)")
    }
}
