using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Reports.Decisions;
using Portal.Features.Reports.Reading;
using Portal.Features.Reports.Workflow;
using Portal.Features.Search;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>
/// An exempt report's release date on the seeded York demo: the Employment Panel's staffing
/// report (HR 14/09, exempt under paragraph 1) was due for review on 25 August 2015. Nothing is
/// public by the date alone; the proper officer (Quentin Baker holds the post designated
/// Monitoring Officer; an administrator too) releases it or keeps it exempt, with a reason, in
/// the audit trail, and a released report is then public and searchable.
/// </summary>
public sealed class ExemptReleaseServiceTests : IAsyncLifetime
{
    private const string MonitoringOfficer = "quentin.baker@york.example";
    private static readonly DateOnly Today = new(2026, 11, 25);
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _portal = await ServiceHarness.StartAsync();
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task AnExemptReportPastItsReleaseDateStaysExemptAndIsListedForTheProperOfficerOnly()
    {
        var staffing = await StaffingAsync();
        await using var anonymous = _portal.Anonymous();
        await using var officer = await _portal.SignedInAsAsync(MonitoringOfficer);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);

        var seen = (await anonymous.Get<ReportReadingService>().GetAsync(staffing, Ct))!;
        Assert.Equal(new DateOnly(2015, 8, 25), seen.ReleaseOn);
        Assert.True(seen.Withheld);
        Assert.Empty(seen.Sections);
        Assert.Empty((await anonymous.Get<SearchService>().SearchAsync("Example pay protection", Ct)).Results);

        foreach (var properOfficer in new[] { officer, admin })
        {
            var due = Assert.Single(await properOfficer.Get<ExemptReleaseService>().DueAsync(Ct));
            Assert.Equal((staffing, new DateOnly(2015, 8, 25), (int?)1), (due.ReportId, due.ReviewDue, due.Paragraph));
            Assert.Equal("Employment Panel", due.BodyName);
            Assert.True((await properOfficer.Get<ReportReadingService>().ListAsync(new ReportQuery(), Ct)).CanRelease);
            var view = (await properOfficer.Get<ReportReadingService>().GetAsync(staffing, Ct))!;
            Assert.True(view.Rights.CanRelease);
            Assert.False(view.Withheld);
        }

        foreach (var email in new[] { DemoUsers.Director, DemoUsers.Officer, DemoUsers.SecondMember, DemoUsers.Secretary })
        {
            await using var other = await _portal.SignedInAsAsync(email);
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<ExemptReleaseService>().DueAsync(Ct));
            Assert.False((await other.Get<ReportReadingService>().ListAsync(new ReportQuery(), Ct)).CanRelease);
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<ExemptReleaseService>().DueAsync(Ct));
    }

    [Fact]
    public async Task ReleasingMakesTheReportAndItsDecisionPublicAndSearchableAndIsAudited()
    {
        var staffing = await StaffingAsync();
        await using var anonymous = _portal.Anonymous();
        await using var officer = await _portal.SignedInAsAsync(MonitoringOfficer);
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var recommendation = (await secretary.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Recommendations.Single();
        await secretary.Get<DecisionService>().RecordAsync(staffing, recommendation.Id, new DecisionEdit(
            0, new DateOnly(2009, 8, 25), DecisionOutcome.Approved, "Ms Example to be redeployed as Policy Lead with pay protection.", "To keep her experience.", null, null), Ct);
        // Nothing of the exempt report or its decision is found (PostgreSQL's stemming may find other papers' "redeployment" and "policy").
        Assert.DoesNotContain((await anonymous.Get<SearchService>().SearchAsync("redeployed Policy Lead", Ct)).Results, r => r.Url.StartsWith($"/reports/{staffing}", StringComparison.Ordinal));
        var version = (await officer.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Version;

        await officer.Get<ExemptReleaseService>().ReleaseAsync(staffing, version, "Ms Example has left the council and consents to publication.", Ct);

        var released = (await anonymous.Get<ReportReadingService>().GetAsync(staffing, Ct))!;
        Assert.False(released.IsExempt);
        Assert.False(released.Withheld);
        Assert.Contains("Ms A. Example", released.Sections.Single(s => s.Kind == SectionKind.Summary).Text, StringComparison.Ordinal);
        Assert.Equal((Today, "Ms Example has left the council and consents to publication."), (released.ReleasedOn, released.ReviewReason));
        Assert.Equal(1, released.ExemptParagraph);
        Assert.Contains((await anonymous.Get<SearchService>().SearchAsync("Example pay protection", Ct)).Results, r => r.Url == $"/reports/{staffing}");
        Assert.Contains((await anonymous.Get<SearchService>().SearchAsync("redeployed Policy Lead", Ct)).Results, r => r.Kind == SearchIndex.DecisionKind);
        Assert.NotNull((await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery("employment-panel"), Ct)).Rows.Single(r => r.ReportId == staffing).Wording);
        Assert.Empty(await officer.Get<ExemptReleaseService>().DueAsync(Ct));

        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var key = staffing.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(
            a => a.EntityType == nameof(Report) && a.EntityId == key && a.ActorName == "Quentin Baker" && a.After!.Contains("consents to publication"), Ct));
    }

    [Fact]
    public async Task KeepingItExemptSetsTheNextReviewAndBadInputIsRefusedBesideItsFieldWithNothingSaved()
    {
        var staffing = await StaffingAsync();
        await using var anonymous = _portal.Anonymous();
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var release = admin.Get<ExemptReleaseService>();
        var version = (await admin.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Version;

        var noDate = await Assert.ThrowsAsync<DomainRuleException>(() => release.KeepExemptAsync(staffing, version, null, "Still about a serving officer.", Ct));
        var today = await Assert.ThrowsAsync<DomainRuleException>(() => release.KeepExemptAsync(staffing, version, Today, "Still about a serving officer.", Ct));
        var noReason = await Assert.ThrowsAsync<DomainRuleException>(() => release.ReleaseAsync(staffing, version, "   ", Ct));
        Assert.Equal((nameof(Report.ReleaseOn), nameof(Report.ReleaseOn), nameof(Report.ReviewReason)), (noDate.Field, today.Field, noReason.Field));
        var unchanged = (await admin.Get<ReportReadingService>().GetAsync(staffing, Ct))!;
        Assert.Equal((version, true, new DateOnly(2015, 8, 25)), (unchanged.Version, unchanged.IsExempt, unchanged.ReleaseOn));

        await release.KeepExemptAsync(staffing, version, Today.AddYears(3), "Ms Example still works for the council.", Ct);

        Assert.Empty(await release.DueAsync(Ct));
        var seen = (await anonymous.Get<ReportReadingService>().GetAsync(staffing, Ct))!;
        Assert.True(seen.Withheld);
        Assert.Null(seen.ReviewReason);
        Assert.Equal(Today.AddYears(3), seen.ReleaseOn);
        Assert.Equal("Ms Example still works for the council.", (await member.Get<ReportReadingService>().GetAsync(staffing, Ct))!.ReviewReason);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => release.ReleaseAsync(staffing, version, "A stale page.", Ct));
    }

    [Fact]
    public async Task OnlyTheProperOfficerMayReleaseAndOthersAreRefusedBeforeTheirInputIsChecked()
    {
        var staffing = await StaffingAsync();
        await using var anonymous = _portal.Anonymous();
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var version = (await admin.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Version;

        foreach (var email in new[] { DemoUsers.Director, DemoUsers.Officer, DemoUsers.SecondMember, DemoUsers.Secretary })
        {
            await using var other = await _portal.SignedInAsAsync(email);
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<ExemptReleaseService>().ReleaseAsync(staffing, version, null, Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<ExemptReleaseService>().KeepExemptAsync(staffing, version, null, null, Ct));
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<ExemptReleaseService>().ReleaseAsync(staffing, version, "Let it out.", Ct));
        Assert.True((await admin.Get<ReportReadingService>().GetAsync(staffing, Ct))!.IsExempt);

        // The designation follows the post: once the Monitoring Officer's post is no longer designated, its holder may not release.
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var designation = await db.StatutoryDesignations.SingleAsync(d => d.Role == Portal.Domain.Establishment.StatutoryRole.MonitoringOfficer && d.To == null, Ct);
            db.StatutoryDesignations.Remove(designation);
            await db.SaveChangesAsync(Ct);
        }

        await using var former = await _portal.SignedInAsAsync(MonitoringOfficer);
        await Assert.ThrowsAsync<AccessDeniedException>(() => former.Get<ExemptReleaseService>().ReleaseAsync(staffing, version, "Let it out.", Ct));
    }

    private async Task<int> StaffingAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.Id).SingleAsync(Ct);
    }
}
