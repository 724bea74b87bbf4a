import SanbaoCore

extension UIText {
    /// Every text of the catalog, the ones with values filled with sample values, so a
    /// test can check that each exists in both languages. CatalogTests fails when a
    /// `static let … = Bilingual` or a `static func … -> Bilingual` of the catalog is
    /// missing here.
    public static var allStrings: [Bilingual] {
        let date = LocalDate(year: 2026, month: 11, day: 25)!
        let sample = Bilingual(zh: "样例", en: "sample")
        let fixed: [Bilingual] = [
            // Whole app
            appName, readOnly, allCadres, tooSmall, tooSmallKeys, saved, quitQuestion,
            yes, no, unknown, none, note,
            // Roster
            number, head, place, people, days, followUp,
            search, noMatches, all, anyFailing, overdue, monitoring, filters, sortedBy, cadre,
            // Household and one check
            members, nameColumn, relationColumn, ageColumn, idColumn, schoolColumn, insuredColumn, healthColumn,
            hasChronicCard, indicators, indicatorsOpen, meetsAll, followUps, followUpLate, measures, checks, noChecks, corrected,
            auto, measuresAgreed,
            // Check form
            visitPage, wrapUpPage, derived, visitDate, visitCadre, verdict, incomeYear, perCapitaIncome,
            enoughFood, seasonalClothes, winterBedding,
            waterSource, litresPerPersonDay, waterQuality, pipedToYard, roundTripMinutes, daysCutPerYear, scarceArea,
            appraisedGrade, renovation, renovationDate, relocated,
            measuresField, followUpDate, householdConfirmed, overallNote,
            // Record forms
            recordAddMemberTitle(head: "张永强"), recordLeaveTitle(name: "张浩宇", head: "张永强"),
            recordEditMemberTitle(name: "张浩宇", head: "张永强"), recordEditHouseholdTitle(head: "张永强"),
            recordPairTitle(head: "张永强"), recordAddHouseholdTitle, recordCadreOption("赵德胜", unit: "通渭县水务局"),
            recordName, recordRelation, recordSex, recordBirthDate, recordIDNumber, recordJoinReason, recordJoinDate,
            recordSchool, recordInsured, recordHealth, recordDisabilityGrade, recordChronicCard, recordFamilyDoctor,
            recordSeriousIllness, recordMedicalAssistance, recordSubsidy, recordLabour, recordMigrantMonths,
            recordLeaveReason, recordLeaveDate, recordPhone, recordType, recordCause, recordStructure, recordCadre,
            recordPairFrom, recordVillage, recordGroup, recordHead,
            recordRequired, recordSameCadre, recordNoCadres, recordNoVillage, recordIDOrBirth, recordNothingChanged,
            recordRefused("表亲", accepted: ["之子", "之女"]), recordFieldRefused(sample, sample),
            recordAddMember("张小宝", sample, date), recordLeave("张浩宇", sample, date), recordEdit("张浩宇", fields: [Bilingual(zh: "在校情况", en: "school")]),
            recordPair("赵德胜", date), recordAddHousehold("何永福", group: "三组"), recordSaveQuestion(sample),
            recordSaved(sample), recordNotSaved(sample), recordDiscard(sample), recordOnAMember, recordAlreadyLeft, membersWhoLeft, recordQuitQuestion, recordEffect,
            recordNewCadre, recordNewCadreUnit, recordNewCadrePhone, recordPairNew("赵德胜", unit: "通渭县水务局", date),
            recordOtherCause(1), recordOtherCause(2), recordIDNumberUnchanged, recordOldHead("张永强"), recordHeadUnchanged,
            recordOldHeadNeeded("张永强"), recordOldHeadOnlyForNewHead("张永强"),
            recordDraftRestored(savedAt: "2026-11-25 18:00"), recordDraftFound(sample, savedAt: "2026-11-25 18:00"),
            recordDraftUnreadable("drafts/records/member_add.621121103201-0002.json.unreadable-20261125100000"),
            // Keys: why a command does nothing now
            nothingToOpen, nothingOpensHere, firstPage, lastPage, intakeNoPath, intakeNothingToTakeIn,
            // Dashboard and help
            dashboardTitle, byGroup, overdueList, neverVisited, helpTitle, statesLegend,
            // Worklist
            worklistEmpty, worklistNever, worklistFollowUp, worklistVisit, colon, listSeparator,
            worklistTitle(by: date, count: 12), lastVisitOn(date),
            // Export
            exportTitle, exportFormat, exportPath, exportScope, exportMasked, exportFormats,
            exportOverwrite("/tmp/a.xlsx"), exported("/tmp/a.xlsx", households: 3), exportFailed("disk full"),
            exportScopeText(3, cadre: "何志刚"), pageWritten("/tmp/a.html"),
            // Intake
            intakeTitle, intakePath, intakeHowTo, intakeFormats, intakeNeverDeletes, intakeConfirm, intakeRefused,
            intakeNothingToDo, intakeNothingWrittenYet, intakeRosterProblems, intakeProblemsAdvice, intakeAbsentHeading,
            intakeEmptyData, intakeRefusedRowsTitle, intakeProblemColumn, intakeReasonSeparator,
            intakeUnknownColumns(["备注"]), intakeProblemKind(sample, count: 3), intakeMoreProblems(2),
            intakeNewHousehold("621121103201-0101", head: "马国强", members: 6), intakeChanged("621121103201-0101", head: "马国强"),
            intakeMemberAdded("马小宝"), intakeNewCadre("赵德胜", unit: "通渭县水务局"),
            intakeAbsentHousehold("621121103201-0104", head: "李福"),
            intakeAbsentMember("621121103201-0104", head: "李福", member: "李二"),
            intakeSummary("花名册.xlsx", households: 3, counts: (3, 1, 1), people: 9, cadres: 1, problems: 0),
            intakeDone(sample), intakeFailed(sample), intakeRefusedRowsWritten(2, to: "待改正.xlsx"),
        ]
        let withValues: [Bilingual] = [
            tooSmallNow(columns: 60, rows: 20),
            savedCheck(head: "张三", id: "20261125-1a2b3c4d"),
            dataProblem(sample, count: 3),
            draftFound(head: "张三", savedAt: "2026-11-25 18:00"),
            draftContinued(head: "张三"),
            villageCount(12),
            lockedByAnother(since: "10:14"),
            moreBelow(12),
            discardDraft(head: "张三"),
            draftNotKept("disk full"),
            checkDraftUnreadable("drafts/621121103201-0002.json.unreadable-20261125100000"),
            notSaved("disk full"),
            reasons([sample, sample]),
            localeFallback(was: "POSIX"),
            noUTF8Locale(was: "POSIX"),
            rosterPlace(village: "文峰村", group: "一组"),
            addressLine(["甘肃省", "定西市"], villageCode: "621121103201"),
            numberLine(number: "0007", phone: "13800000000"),
            typeLine(type: sample, status: sample),
            causesLine([sample, sample]),
            cadreLine(name: "刘志刚", unit: "县农业局", phone: "13800000000"),
            disabilityGrade(3),
            followUpDue(date),
            corrects("20261125-1a2b3c4d"),
            recordedAt("2026-11-25T10:00:00Z", confirmed: true),
            followUpOn(date),
            checkTitle(head: "张三", place: "文峰村一组"),
            invalidInput("2026-13-01"),
            invalidDate("12月31日", example: date),
            invalidNumber("四十五"),
            memberSchool("张浩宇", age: 12),
            memberExemption("张浩宇"),
            memberInsured("张浩宇"),
            memberChronicCard("张浩宇"),
            dashboardHeadline(households: 48, meeting: 30, overdue: 6),
            lastVisit(date, daysAgo: 40),
        ]
        let perCase = Indicator.allCases.map(indicatorColumn) + CheckFormScreen.Page.allCases.map(pageTitle)
            + Command.allCases.map(help) + Command.allCases.map(hint) + KeyContext.allCases.map(title)
        return fixed + withValues + perCase
    }
}
