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
    public void TheForwardPlanCountsClearDaysAndWarnsUnder28()
    {
        // Notice given on Monday 2 June 2008 for the decision on Monday 14 July 2008: 29 working days strictly between.
        var entry = ForwardPlanEntry.Give("Directorate Plan 2008-2011", 1, new DateOnly(2008, 7, 14), new DateOnly(2008, 6, 2), null, null, null);
        Assert.Equal(29, entry.NoticeClearDays(England));
        Assert.False(entry.IsShortNotice(England));

        // A week later: 24 clear days, short notice.
        var late = ForwardPlanEntry.Give("Directorate Plan 2008-2011", 1, new DateOnly(2008, 7, 14), new DateOnly(2008, 6, 9), null, null, null);
        Assert.Equal(24, late.NoticeClearDays(England));
        Assert.True(late.IsShortNotice(England));
    }

    [Fact]
    public void BankHolidaysDoNotCountAsNotice()
    {
        // Notice on Tuesday 24 March 2020, decision on Monday 4 May 2020: Good Friday and Easter Monday are not clear days.
        var entry = ForwardPlanEntry.Give("Recovery plan", 1, new DateOnly(2020, 5, 4), new DateOnly(2020, 3, 24), null, null, null);

        // 28 weekdays strictly between, less Good Friday 10 April and Easter Monday 13 April.
        Assert.Equal(26, entry.NoticeClearDays(England));
        Assert.True(entry.IsShortNotice(England));
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
}
