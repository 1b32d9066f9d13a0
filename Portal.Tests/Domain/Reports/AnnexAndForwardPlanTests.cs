using System.Text;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;

namespace Portal.Tests.Domain.Reports;

public sealed class AnnexAndForwardPlanTests
{
    private static readonly IHolidayCalendar England = EnglandAndWalesBankHolidays.Instance;

    [Fact]
    public void AFileIsRecognisedByItsBytesNotOnlyItsName()
    {
        var pdf = "%PDF-1.4\n%âãÏÓ\n"u8.ToArray();
        var exe = "MZ\u0090\0\u0003"u8.ToArray();

        Assert.Equal("application/pdf", AnnexFiles.Check("Appendix 1.pdf", pdf.Length, pdf));
        Assert.Equal("text/csv", AnnexFiles.Check("figures.csv", 7, Encoding.UTF8.GetBytes("a,b\n1,2")));

        var renamed = Assert.Throws<DomainRuleException>(() => AnnexFiles.Check("structure.pdf", exe.Length, exe));
        Assert.Equal(("Annex.NotWhatItSays", "File"), (renamed.Code, renamed.Field));
        Assert.Equal("Annex.NotWhatItSays", Assert.Throws<DomainRuleException>(() => AnnexFiles.Check("notes.txt", 3, [0x41, 0x00, 0x42])).Code);
        Assert.Equal("Annex.TypeNotAllowed", Assert.Throws<DomainRuleException>(() => AnnexFiles.Check("run.exe", exe.Length, exe)).Code);
    }

    [Fact]
    public void A50MegabyteAnnexIsRefusedBeforeItIsRead()
    {
        var rule = Assert.Throws<DomainRuleException>(() => AnnexFiles.CheckSize(50L * 1024 * 1024));

        Assert.Equal("Annex.TooLarge", rule.Code);
        Assert.Equal(10L, rule.Arguments[0]);
    }

    [Theory]
    [InlineData("C:\\Users\\me\\Appendix 2.pdf", "Appendix 2.pdf")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("report\u202Efdp.txt", "reportfdp.txt")]
    [InlineData("a\"b\r\n.csv", "ab.csv")]
    public void AFileNameKeepsOnlyItsOwnNameWithoutControlCharacters(string given, string kept) =>
        Assert.Equal(kept, AnnexFiles.SafeName(given));

    [Fact]
    public void TheForwardPlanCountsCalendarClearDaysAndWarnsUnder28()
    {
        // SI 2012/2089 reg. 9: "at least 28 clear days before a key decision is made". Published Monday 1 March 2027:
        // a decision on Tuesday 30 March has 2 to 29 March, 28 clear days; on Monday 29 March, 27.
        var enough = ForwardPlanEntry.Give("Corporate Strategy refresh", 1, new DateOnly(2027, 3, 30), new DateOnly(2027, 3, 1), null, null, null);
        var oneShort = ForwardPlanEntry.Give("Corporate Strategy refresh", 1, new DateOnly(2027, 3, 29), new DateOnly(2027, 3, 1), null, null, null);

        Assert.Equal((28, false), (enough.NoticeClearDays(), enough.IsShortNotice()));
        Assert.Equal((27, true), (oneShort.NoticeClearDays(), oneShort.IsShortNotice()));
    }

    [Fact]
    public void WeekendsAndBankHolidaysInsideTheNoticeStillCount()
    {
        // Good Friday 26 March and Easter Monday 29 March 2027, and four weekends, fall inside the 28 days from 1 to 30 March:
        // only 18 of them are working days, yet the notice is enough, because reg. 9 counts calendar days.
        var entry = ForwardPlanEntry.Give("Recovery plan", 1, new DateOnly(2027, 3, 30), new DateOnly(2027, 3, 1), null, null, null);
        Assert.True(EnglandAndWalesBankHolidays.Instance.HolidayOn(new DateOnly(2027, 3, 26)) is not null);
        Assert.Equal(18, ClearDays.Between(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 30), England));

        Assert.Equal(28, entry.NoticeClearDays());
        Assert.False(entry.IsShortNotice());

        // Christmas: notice on Friday 11 December 2026, a decision on Saturday 9 January 2027 has 28 clear days across
        // Christmas Day, the substitute Boxing Day and New Year's Day.
        Assert.Equal(28, ForwardPlanEntry.Give("Budget consultation", 1, new DateOnly(2027, 1, 9), new DateOnly(2026, 12, 11), null, null, null).NoticeClearDays());
    }

    [Fact]
    public void NeitherTheDayOfNoticeNorTheDayOfDecisionIsAClearDay()
    {
        // York: notice given on Monday 16 June 2008 for the decision on Monday 14 July 2008 leaves 17 June to 13 July, 27 days.
        var york = ForwardPlanEntry.Give("Directorate Plan 2008-2011", 1, new DateOnly(2008, 7, 14), new DateOnly(2008, 6, 16), null, null, null);
        var dayEarlier = ForwardPlanEntry.Give("Directorate Plan 2008-2011", 1, new DateOnly(2008, 7, 14), new DateOnly(2008, 6, 15), null, null, null);
        var nextDay = ForwardPlanEntry.Give("Urgent", 1, new DateOnly(2008, 6, 17), new DateOnly(2008, 6, 16), null, null, null);

        Assert.Equal((27, true), (york.NoticeClearDays(), york.IsShortNotice()));
        Assert.Equal((28, false), (dayEarlier.NoticeClearDays(), dayEarlier.IsShortNotice()));
        Assert.Equal(0, nextDay.NoticeClearDays());
        Assert.Equal(0, ClearDays.CalendarBetween(new DateOnly(2008, 6, 16), new DateOnly(2008, 6, 16)));
    }

    [Fact]
    public void ADecisionDueBeforeItsNoticeIsRefused()
    {
        var rule = Assert.Throws<DomainRuleException>(() => ForwardPlanEntry.Give("X", 1, new DateOnly(2008, 6, 1), new DateOnly(2008, 6, 2), null, null, null));
        Assert.Equal(("ForwardPlan.DueAfterNotice", nameof(ForwardPlanEntry.DecisionDue)), (rule.Code, rule.Field));
        Assert.Equal("ForwardPlan.DueRequired", Assert.Throws<DomainRuleException>(() => ForwardPlanEntry.Give("X", 1, null, new DateOnly(2008, 6, 2), null, null, null)).Code);
    }

    [Fact]
    public void ADecisionIsRecordedOnlyOnAPublishedReportAndDefaultsToTheRecommendation()
    {
        var report = ReportTemplateTests.YorkReport();
        var recommendation = report.Recommendations[0];

        Assert.Equal("Decision.ReportNotPublished", Assert.Throws<DomainRuleException>(
            () => Decision.Record(report, recommendation, new DateOnly(2008, 7, 14), DecisionOutcome.Approved, null, null, null, null)).Code);

        report.Submit(new DateOnly(2008, 7, 1));
        report.Clear(2, new DateOnly(2008, 7, 1));
        report.Publish(new DateOnly(2008, 7, 4), new DateOnly(2008, 7, 4), null);
        var decision = Decision.Record(report, recommendation, new DateOnly(2008, 7, 14), DecisionOutcome.Approved, null, null, "None", null);

        Assert.Equal(recommendation.Text, decision.Wording);
        Assert.Equal(recommendation.Reason, decision.Reasons);
        decision.Link(DecisionTarget.ThreadItem, 7);
        Assert.Equal("Decision.AlreadyLinked", Assert.Throws<DomainRuleException>(() => decision.Link(DecisionTarget.ThreadItem, 7)).Code);
    }

    [Fact]
    public void ADecisionNotesEachDispensationGrantedBesideTheInterestsDeclared()
    {
        var decision = YorkDecision();

        decision.RecordDispensation(" Cllr Ann Reid ", "the Standards Committee", new DateOnly(2008, 7, 1), "To speak and vote on the Directorate Plan although her husband works in the directorate.");
        decision.RecordDispensation("Cllr Ian Gillies", "the Monitoring Officer", new DateOnly(2008, 7, 14), "To speak but not vote.");

        Assert.Equal(2, decision.Dispensations.Count);
        var first = decision.Dispensations[0];
        Assert.Equal(("Cllr Ann Reid", "the Standards Committee", new DateOnly(2008, 7, 1)), (first.GrantedTo, first.GrantedBy, first.GrantedOn));
        Assert.StartsWith("To speak and vote", first.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public void ADispensationNeedsItsHolderGrantorDateAndScopeAndComesBeforeTheDecision()
    {
        var decision = YorkDecision();

        Assert.Equal(("Dispensation.GrantedToRequired", nameof(Dispensation.GrantedTo)), Code(() => decision.RecordDispensation(" ", "the Standards Committee", new DateOnly(2008, 7, 1), "To vote.")));
        Assert.Equal(("Dispensation.GrantedByRequired", nameof(Dispensation.GrantedBy)), Code(() => decision.RecordDispensation("Cllr Ann Reid", null, new DateOnly(2008, 7, 1), "To vote.")));
        Assert.Equal(("Dispensation.GrantedOnRequired", nameof(Dispensation.GrantedOn)), Code(() => decision.RecordDispensation("Cllr Ann Reid", "the Standards Committee", null, "To vote.")));
        Assert.Equal(("Dispensation.ScopeRequired", nameof(Dispensation.Scope)), Code(() => decision.RecordDispensation("Cllr Ann Reid", "the Standards Committee", new DateOnly(2008, 7, 1), "")));
        Assert.Equal(("Dispensation.GrantedToTooLong", nameof(Dispensation.GrantedTo)), Code(() => decision.RecordDispensation(new string('x', 201), "the Standards Committee", new DateOnly(2008, 7, 1), "To vote.")));
        Assert.Equal(("Dispensation.AfterDecision", nameof(Dispensation.GrantedOn)), Code(() => decision.RecordDispensation("Cllr Ann Reid", "the Standards Committee", new DateOnly(2008, 7, 15), "To vote.")));
        Assert.Empty(decision.Dispensations);

        // Nor can the decision be moved to before a dispensation it records.
        decision.RecordDispensation("Cllr Ann Reid", "the Standards Committee", new DateOnly(2008, 7, 10), "To vote.");
        Assert.Equal(("Decision.DispensationAfterDecision", nameof(Decision.DecidedOn)), Code(() => decision.Amend(new DateOnly(2008, 7, 9), DecisionOutcome.Approved, "Approved.", null, null, "Cllr Reid: personal interest.")));
        Assert.Equal(new DateOnly(2008, 7, 14), decision.DecidedOn);
        Assert.Equal("Dispensation.NotFound", Assert.Throws<DomainRuleException>(() => decision.RemoveDispensation(999)).Code);
    }

    private static (string Code, string? Field) Code(Action act)
    {
        var rule = Assert.Throws<DomainRuleException>(act);
        return (rule.Code, rule.Field);
    }

    internal static Decision YorkDecision()
    {
        var report = ReportTemplateTests.YorkReport();
        report.Submit(new DateOnly(2008, 7, 1));
        report.Clear(2, new DateOnly(2008, 7, 1));
        report.Publish(new DateOnly(2008, 7, 4), new DateOnly(2008, 7, 4), null);
        return Decision.Record(report, report.Recommendations[0], new DateOnly(2008, 7, 14), DecisionOutcome.Approved, null, null, null, "Cllr Reid: personal interest.");
    }
}
