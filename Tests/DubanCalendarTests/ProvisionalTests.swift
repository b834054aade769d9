import DubanCalendar
import Testing

/// Years without a notice are computed on weekends alone and flagged.
@Suite struct ProvisionalTests {
    let calendar = bundledCalendar

    @Test func year2027IsWeekendsOnlyAndFlagged() {
        #expect(!calendar.hasData(for: 2027))
        #expect(calendar.isProvisional(day("2027-01-01")))
        #expect(!calendar.isProvisional(day("2026-12-31")))
        // 2027-01-01 is a Friday: a workday until the 2027 notice says otherwise.
        #expect(calendar.kind(of: day("2027-01-01")) == .workday)
        #expect(calendar.kind(of: day("2027-01-02")) == .weekend)
        #expect(calendar.adding(workingDays: 1, to: day("2026-12-31")) == day("2027-01-01"))
        #expect(calendar.adding(workingDays: 10, to: day("2027-09-30")) == day("2027-10-14"))
        #expect(calendar.explain(day("2027-10-01")).provisional)
        #expect(!calendar.explain(day("2026-10-01")).provisional)
    }

    @Test func missingYears() {
        #expect(calendar.missingYears(in: 2019...2028) == [2019, 2027, 2028])
        #expect(calendar.missingYears(in: 2020...2026).isEmpty)
        #expect(WorkingDayCalendar.weekendsOnly.missingYears(in: 2026...2027) == [2026, 2027])
    }
}
