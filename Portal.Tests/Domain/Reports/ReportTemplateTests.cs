using Portal.Domain.Common;
using Portal.Domain.Reports;

namespace Portal.Tests.Domain.Reports;

public sealed class ReportTemplateTests
{
    private static readonly DateOnly Today = new(2008, 7, 1);

    /// <summary>York's report of 14 July 2008 as its author finished it, every section present.</summary>
    internal static Report YorkReport()
    {
        var report = Report.Draft("CE/DP/2008", "Chief Executive's Directorate Plan 2008-2011", authorId: 1);
        report.Describe(new ReportParticulars(
            "CE/DP/2008", "Chief Executive's Directorate Plan 2008-2011", ChiefOfficerId: 2,
            "Barbara Boyce, Business and Performance Manager, City Strategy, 01904 552014", AllWards: true, null, IsKeyDecision: false, "None"));
        report.PlaceBefore(meetingId: 10, bodyId: 3, agendaItemId: null);
        foreach (var kind in ReportTemplate.Sections)
        {
            report.WriteSection(kind, ReportTemplate.IsImplication(kind) ? "None." : $"The {kind} of the plan.");
        }

        report.Recommend(
            "That the Advisory Panel advise the Executive Member to approve the Chief Executive's Directorate Plan.",
            "To provide strategic direction for the Directorate and for the use of service managers and teams.");
        return report;
    }

    [Fact]
    public void ACompleteReportHasNothingMissingAndCanBeSubmitted()
    {
        var report = YorkReport();

        Assert.Empty(report.Check());
        report.Submit(Today);
        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void AFreshDraftListsEverySectionTheChiefOfficerTheMeetingAndARecommendation()
    {
        var report = Report.Draft("X/1", "A new draft", authorId: 1);

        var codes = report.Check().Select(p => (p.Code, p.Field)).ToList();

        Assert.Contains(("ChiefOfficerMissing", nameof(Report.ChiefOfficerId)), codes);
        Assert.Contains(("MeetingMissing", nameof(Report.MeetingId)), codes);
        Assert.Contains(("ContactMissing", nameof(Report.ContactDetails)), codes);
        Assert.Contains(("SectionMissing", nameof(SectionKind.Summary)), codes);
        Assert.Contains(("SectionMissing", nameof(SectionKind.RiskManagement)), codes);
        Assert.Contains(("ImplicationBlank", nameof(SectionKind.LegalImplications)), codes);
        Assert.Contains(("RecommendationMissing", nameof(Report.Recommendations)), codes);
        Assert.Equal(3 + ReportTemplate.Sections.Count + 1, codes.Count);
    }

    [Fact]
    public void AnImplicationLeftBlankIsMissingButNoneIsAnAnswer()
    {
        var report = YorkReport();
        report.WriteSection(SectionKind.PropertyImplications, "   ");

        var problem = Assert.Single(report.Check());
        Assert.Equal("ImplicationBlank", problem.Code);
        Assert.Equal(nameof(SectionKind.PropertyImplications), problem.Field);

        report.WriteSection(SectionKind.PropertyImplications, "None");
        Assert.Empty(report.Check());
    }

    [Fact]
    public void ARecommendationWithoutAReasonIsListedByItsNumber()
    {
        var report = YorkReport();
        report.Recommend("That the panel note the risks.", reason: null);

        var problem = Assert.Single(report.Check());
        Assert.Equal(("ReasonMissing", "Recommendation2"), (problem.Code, problem.Field));

        report.ReviseRecommendation(2, "That the panel note the risks.", "So that members know them.");
        Assert.Empty(report.Check());
    }

    [Fact]
    public void AnExemptReportNeedsItsParagraphAndThePublicInterestReason()
    {
        var report = YorkReport();
        report.MarkExempt(paragraph: null, publicInterestReason: null, releaseOn: null);

        Assert.Equal(["ExemptParagraphMissing", "PublicInterestMissing"], report.Check().Select(p => p.Code));

        report.MarkExempt(1, "It names the officers affected by the restructure.", new DateOnly(2010, 1, 1));
        Assert.Empty(report.Check());
        Assert.False(report.IsReadableBy(new ReportReader(MaySeeExempt: false)));
        Assert.True(report.IsReadableBy(new ReportReader(MaySeeExempt: true)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(-1)]
    public void OnlyTheSevenParagraphsOfSchedule12AExist(int paragraph)
    {
        var report = YorkReport();

        var rule = Assert.Throws<DomainRuleException>(() => report.MarkExempt(paragraph, "Reason", null));
        Assert.Equal("Exempt.ParagraphOutOfRange", rule.Code);
        Assert.False(report.IsExempt);
    }

    [Fact]
    public void AKeyDecisionNeedsItsForwardPlanEntry()
    {
        var report = YorkReport();
        report.Describe(new ReportParticulars(report.Reference, report.Title, 2, report.ContactDetails, true, null, IsKeyDecision: true, null));

        Assert.Equal("ForwardPlanMissing", Assert.Single(report.Check()).Code);

        report.LinkForwardPlan(5);
        Assert.Empty(report.Check());
    }

    [Fact]
    public void AReportWithProblemsCannotBeSubmittedAndStaysADraft()
    {
        var report = YorkReport();
        report.WriteSection(SectionKind.Summary, null);

        var rule = Assert.Throws<DomainRuleException>(() => report.Submit(Today));

        Assert.Equal("Report.TemplateIncomplete", rule.Code);
        Assert.Equal(ReportStatus.Draft, report.Status);
    }

    [Fact]
    public void TheWorkflowGoesDraftSubmittedClearedPublishedAndOnlyADraftIsWritten()
    {
        var report = YorkReport();
        report.Submit(Today);

        Assert.Equal("Report.NotDraft", Assert.Throws<DomainRuleException>(() => report.WriteSection(SectionKind.Summary, "Changed")).Code);
        Assert.Equal("Report.NotCleared", Assert.Throws<DomainRuleException>(() => report.Publish(Today, null, null)).Code);

        report.ReturnToDraft();
        report.WriteSection(SectionKind.Summary, "Changed after the chief officer's comments.");
        report.Submit(Today);
        report.Clear(chiefOfficerId: 2, Today);
        Assert.Equal(Today, report.ClearedOn);

        report.Publish(new DateOnly(2008, 7, 4), deadline: new DateOnly(2008, 7, 4), lateReason: null);
        Assert.True(report.IsPublished);
        Assert.False(report.IsLate);
    }

    [Fact]
    public void AReportPublishedAfterTheAgendaDeadlineIsLateAndNeedsTheChairsReason()
    {
        var report = YorkReport();
        report.Submit(Today);
        report.Clear(2, Today);
        var deadline = new DateOnly(2008, 7, 4);

        var rule = Assert.Throws<DomainRuleException>(() => report.Publish(new DateOnly(2008, 7, 8), deadline, "  "));
        Assert.Equal(("Report.LateReasonRequired", nameof(Report.LateReason)), (rule.Code, rule.Field));
        Assert.False(report.IsPublished);

        report.Publish(new DateOnly(2008, 7, 8), deadline, "The plan must be in place before the summer recess.");
        Assert.True(report.IsLate);
        Assert.Equal("The plan must be in place before the summer recess.", report.LateReason);
    }

    [Fact]
    public void WithdrawingARecommendationRenumbersTheRest()
    {
        var report = YorkReport();
        report.Recommend("Second", "Because");
        report.Recommend("Third", "Because");

        report.WithdrawRecommendation(2);

        Assert.Equal([(1, report.Recommendations[0].Text), (2, "Third")], report.Recommendations.OrderBy(r => r.Number).Select(r => (r.Number, r.Text)));
    }
}

public sealed class ReportPolicyTests
{
    private static ReportViewer Anonymous => new(null, false, false, false, false, MaySeeBody: true, false, false);

    private static Report Published(bool exempt)
    {
        var report = ReportTemplateTests.YorkReport();
        if (exempt)
        {
            report.MarkExempt(1, "About one officer.", null);
        }

        report.Submit(new DateOnly(2008, 7, 1));
        report.Clear(2, new DateOnly(2008, 7, 1));
        report.Publish(new DateOnly(2008, 7, 4), null, null);
        return report;
    }

    [Fact]
    public void ThePublicReadAPublishedReportButNotItsExemptContent()
    {
        Assert.True(ReportPolicy.For(Published(false), Anonymous).CanRead);
        var exempt = ReportPolicy.For(Published(true), Anonymous);
        Assert.True(exempt.CanRead);
        Assert.False(exempt.SeesExempt);
        Assert.False(exempt.CanTakeNotes);
    }

    [Fact]
    public void MembersOfTheBodyAndTheOfficersForItSeeExemptContent()
    {
        var report = Published(true);
        var member = new ReportViewer(50, true, false, false, false, true, SitsOnBody: true, false);
        var secretary = new ReportViewer(51, true, false, false, true, true, false, KeepsBodyRecord: true);
        var otherOfficer = new ReportViewer(52, true, false, false, true, true, false, false);
        var author = new ReportViewer(1, true, false, false, true, true, false, false);

        Assert.True(ReportPolicy.For(report, member).SeesExempt);
        Assert.True(ReportPolicy.For(report, member).CanTakeNotes);
        Assert.True(ReportPolicy.For(report, secretary).CanDecide);
        Assert.False(ReportPolicy.For(report, otherOfficer).SeesExempt);
        Assert.True(ReportPolicy.For(report, author).SeesExempt);
        Assert.False(ReportPolicy.For(report, member).CanDecide);
    }

    [Fact]
    public void ADraftIsOnlyForItsAuthorChiefOfficerSecretaryAndAdministrators()
    {
        var draft = ReportTemplateTests.YorkReport();

        Assert.False(ReportPolicy.For(draft, Anonymous).CanRead);
        Assert.False(ReportPolicy.For(draft, new ReportViewer(50, true, false, true, true, true, true, false)).CanRead);
        Assert.True(ReportPolicy.For(draft, new ReportViewer(1, true, false, false, true, true, false, false)).CanEdit);
        Assert.True(ReportPolicy.For(draft, new ReportViewer(2, true, false, true, true, true, false, false)).CanRead);
        Assert.False(ReportPolicy.For(draft, new ReportViewer(2, true, false, true, true, true, false, false)).CanEdit);
        Assert.True(ReportPolicy.For(draft, new ReportViewer(99, true, true, false, true, true, false, false)).CanEdit);
    }
}
