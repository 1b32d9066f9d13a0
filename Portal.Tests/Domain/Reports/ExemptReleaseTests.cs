using Portal.Domain.Common;
using Portal.Domain.Reports;

namespace Portal.Tests.Domain.Reports;

public sealed class ExemptReleaseTests
{
    private static readonly DateOnly ReviewDate = new(2015, 8, 25);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static ReportViewer Anonymous => new(null, false, false, false, false, MaySeeBody: true, false, false);

    private static ReportViewer MonitoringOfficer => new(60, true, false, false, true, true, false, false, IsProperOfficer: true);

    private static Report PublishedExempt(DateOnly? reviewOn)
    {
        var report = ReportTemplateTests.YorkReport();
        report.MarkExempt(1, "About one officer.", reviewOn);
        report.Submit(new DateOnly(2008, 7, 1));
        report.Clear(2, new DateOnly(2008, 7, 1));
        report.Publish(new DateOnly(2008, 7, 4), null, null);
        return report;
    }

    [Fact]
    public void NothingIsReleasedByItsDateAloneTheReportIsOnlyDueForReview()
    {
        var report = PublishedExempt(ReviewDate);

        Assert.False(report.IsDueForRelease(ReviewDate.AddDays(-1)));
        Assert.True(report.IsDueForRelease(ReviewDate));
        Assert.True(report.IsDueForRelease(Today));
        Assert.True(report.IsExempt);
        Assert.False(ReportPolicy.For(report, Anonymous).SeesExempt);
        Assert.False(PublishedExempt(null).IsDueForRelease(Today));
    }

    [Fact]
    public void TheProperOfficerReleasesItWithAReasonAndThenEveryoneReadsIt()
    {
        var report = PublishedExempt(ReviewDate);

        report.Release(60, Today, "  The officer has left and consents to the report being published.  ");

        Assert.False(report.IsExempt);
        Assert.Equal(1, report.ExemptParagraph);
        Assert.Equal(Today, report.ReleasedOn);
        Assert.Equal((Today, (int?)60), (report.ReviewedOn, report.ReviewedById));
        Assert.Equal("The officer has left and consents to the report being published.", report.ReviewReason);
        Assert.True(report.IsReadableBy(new ReportReader(MaySeeExempt: false)));
        Assert.False(report.IsDueForRelease(Today));
        Assert.Equal("Release.NotExempt", Assert.Throws<DomainRuleException>(() => report.Release(60, Today, "Again")).Code);
    }

    [Fact]
    public void ReleasingOrKeepingExemptNeedsAReasonAndKeepingNeedsALaterReviewDate()
    {
        var report = PublishedExempt(ReviewDate);

        var noReason = Assert.Throws<DomainRuleException>(() => report.Release(60, Today, " "));
        var noDate = Assert.Throws<DomainRuleException>(() => report.KeepExempt(60, Today, null, "Still about a serving officer."));
        var past = Assert.Throws<DomainRuleException>(() => report.KeepExempt(60, Today, Today, "Still about a serving officer."));
        var tooLong = Assert.Throws<DomainRuleException>(() => report.KeepExempt(60, Today, Today.AddYears(1), new string('x', Report.ReasonMaxLength + 1)));

        Assert.Equal(("Release.ReasonRequired", nameof(Report.ReviewReason)), (noReason.Code, noReason.Field));
        Assert.Equal(("Release.ReviewDateRequired", nameof(Report.ReleaseOn)), (noDate.Code, noDate.Field));
        Assert.Equal(("Release.ReviewDateNotFuture", nameof(Report.ReleaseOn)), (past.Code, past.Field));
        Assert.Equal(("Release.ReasonTooLong", nameof(Report.ReviewReason)), (tooLong.Code, tooLong.Field));
        Assert.True(report.IsExempt);
        Assert.Equal(ReviewDate, report.ReleaseOn);
        Assert.Null(report.ReviewReason);

        report.KeepExempt(60, Today, Today.AddYears(2), "Still about a serving officer.");
        Assert.True(report.IsExempt);
        Assert.Equal(Today.AddYears(2), report.ReleaseOn);
        Assert.False(report.IsDueForRelease(Today));
        Assert.Null(report.ReleasedOn);
    }

    [Fact]
    public void OnlyAPublishedExemptReportIsReleased()
    {
        var draft = ReportTemplateTests.YorkReport();
        draft.MarkExempt(1, "About one officer.", ReviewDate);
        var open = ReportTemplateTests.YorkReport();
        open.Submit(Today);
        open.Clear(2, Today);
        open.Publish(Today, null, null);

        Assert.Equal("Release.NotExempt", Assert.Throws<DomainRuleException>(() => draft.Release(60, Today, "Why not")).Code);
        Assert.Equal("Release.NotExempt", Assert.Throws<DomainRuleException>(() => open.KeepExempt(60, Today, Today.AddYears(1), "Why not")).Code);
    }

    [Fact]
    public void TheMonitoringOfficerAndAdministratorsMayReleaseADirectorOrMemberMayNot()
    {
        var report = PublishedExempt(ReviewDate);
        var administrator = new ReportViewer(61, true, true, false, true, true, false, false);
        var director = new ReportViewer(62, true, false, true, true, true, false, false);
        var member = new ReportViewer(63, true, false, false, false, true, SitsOnBody: true, false);
        var secretary = new ReportViewer(64, true, false, false, true, true, false, KeepsBodyRecord: true);

        Assert.True(ReportPolicy.For(report, MonitoringOfficer).CanRelease);
        Assert.True(ReportPolicy.For(report, MonitoringOfficer).SeesExempt);
        Assert.True(ReportPolicy.For(report, administrator).CanRelease);
        Assert.False(ReportPolicy.For(report, director).CanRelease);
        Assert.False(ReportPolicy.For(report, member).CanRelease);
        Assert.False(ReportPolicy.For(report, secretary).CanRelease);
        Assert.False(ReportPolicy.For(report, Anonymous with { IsProperOfficer = true }).CanRelease);

        report.Release(60, Today, "No longer sensitive.");
        Assert.False(ReportPolicy.For(report, MonitoringOfficer).CanRelease);
    }
}
