using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings;
using Portal.Features.Meetings.Bodies;
using Portal.Features.Reports;
using Portal.Features.Reports.Decisions;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>
/// A decision is public; what it links to is not. The York decision of 14 July 2008 is linked to
/// two of the plan's key actions and a corporate priority: their titles reach only those who may
/// read them (the plan by the plan rules, the thread by anyone signed in), and everyone else is
/// told how many links there are, in the register, on the report, in the pack and in the choices.
/// A decision on an exempt report shows none of what it changed to anyone who may not read it.
/// </summary>
public sealed class DecisionLinkVisibilityTests : IAsyncLifetime
{
    private const string FinanceOfficer = "fay.finch@york.example";
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _portal = await ServiceHarness.StartAsync();

        // An officer in another directorate: signed in, so reads the thread, but not the Chief Executive's Directorate's plan.
        await _portal.AddPersonWithSignInAsync(FinanceOfficer, "Fay Finch", Roles.Officer, "Finance");
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task ADecisionsLinksShowTheirTitlesOnlyToThoseWhoMayReadThemAndToOthersAsACount()
    {
        var (york, july, actionTitles, threadTitle) = await YorkAsync();
        await using var anonymous = _portal.Anonymous();
        await using var finance = await _portal.SignedInAsAsync(FinanceOfficer);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);

        var publicRow = (await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.ReportId == york);
        var publicReport = (await anonymous.Get<ReportReadingService>().GetAsync(york, Ct))!.Recommendations.Single().Decision!;
        var publicPack = (await anonymous.Get<ReportReadingService>().PackAsync(july, Ct))!;
        Assert.Empty(publicRow.Links);
        Assert.Equal(actionTitles.Count + 1, publicRow.HiddenLinks);
        Assert.Empty(publicReport.Links);
        Assert.Equal(actionTitles.Count + 1, publicReport.HiddenLinks);
        foreach (var text in new[] { Flatten(publicRow), Flatten(publicReport), Flatten(publicPack) })
        {
            Assert.All(actionTitles.Append(threadTitle), title => Assert.DoesNotContain(title, text, StringComparison.Ordinal));
        }

        var financeRow = (await finance.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.ReportId == york);
        Assert.Equal([threadTitle], financeRow.Links.Select(l => l.Name));
        Assert.Equal(actionTitles.Count, financeRow.HiddenLinks);
        var financeReport = Flatten((await finance.Get<ReportReadingService>().GetAsync(york, Ct))!);
        Assert.All(actionTitles, title => Assert.DoesNotContain(title, financeReport, StringComparison.Ordinal));

        var memberRow = (await member.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.ReportId == york);
        Assert.Equal(actionTitles.Append(threadTitle).Order(), memberRow.Links.Select(l => l.Name).Order());
        Assert.Equal(0, memberRow.HiddenLinks);
        Assert.Equal(actionTitles.Count + 1, (await member.Get<ReportReadingService>().GetAsync(york, Ct))!.Recommendations.Single().Decision!.Links.Count);
    }

    [Fact]
    public async Task TheChoicesForLinkingAndTheLinkItselfAreOnlyWhatTheCallerMayRead()
    {
        var (york, _, actionTitles, threadTitle) = await YorkAsync();
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await using var finance = await _portal.SignedInAsAsync(FinanceOfficer);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);

        var financeChoices = await finance.Get<DecisionService>().LinkChoicesAsync(Ct);
        Assert.DoesNotContain(financeChoices.Actions, a => actionTitles.Contains(a.Name));
        Assert.Contains(financeChoices.ThreadItems, i => i.Name == threadTitle);
        Assert.Contains((await member.Get<DecisionService>().LinkChoicesAsync(Ct)).Actions, a => actionTitles.Contains(a.Name));

        // Made secretary to the panel, the finance officer may record and link its decisions, but not to a plan they may not read.
        var panel = await IdAsync(db => db.Bodies.Where(b => b.Slug == "emap-cs").Select(b => b.Id).SingleAsync(Ct));
        var fay = await IdAsync(db => db.People.Where(p => p.DisplayName == "Fay Finch").Select(p => p.Id).SingleAsync(Ct));
        await admin.Get<BodyService>().AddMemberAsync(panel, fay, null, MemberRole.Secretary, Ct);
        var decision = await IdAsync(db => db.Decisions.Where(d => d.ReportId == york).Select(d => d.Id).SingleAsync(Ct));
        var unlinked = await IdAsync(db => db.Actions.Where(a => !db.DecisionLinks.Any(l => l.Target == DecisionTarget.KeyAction && l.TargetId == a.Id)).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => finance.Get<DecisionService>().LinkAsync(decision, DecisionTarget.KeyAction, unlinked, Ct));

        Assert.Equal("Decision.LinkTargetUnknown", refused.Code);
        Assert.Equal(actionTitles.Count, (await member.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.ReportId == york).Links.Count(l => l.Target == DecisionTarget.KeyAction));
        await admin.Get<DecisionService>().LinkAsync(decision, DecisionTarget.KeyAction, unlinked, Ct);
        Assert.Equal(actionTitles.Count + 1, (await finance.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.ReportId == york).HiddenLinks);
    }

    [Fact]
    public async Task AnExemptReportsDecisionShowsNoneOfWhatItChangedToThoseWhoMayNotReadIt()
    {
        var staffing = await IdAsync(db => db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.Id).SingleAsync(Ct));
        var action = await IdAsync(db => db.Actions.Where(a => a.PlanId == db.Plans.Min(p => p.Id)).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct));
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        // Barbara reads her directorate's plan, and the exempt report's title only.
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var recommendation = (await secretary.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Recommendations.Single();
        await secretary.Get<DecisionService>().RecordAsync(
            staffing, recommendation.Id, new DecisionEdit(0, new DateOnly(2009, 8, 25), DecisionOutcome.Approved, "Redeployed from 1 October 2009.", "To keep her experience.", null, null), Ct);
        var decision = await IdAsync(db => db.Decisions.Where(d => d.ReportId == staffing).Select(d => d.Id).SingleAsync(Ct));
        await secretary.Get<DecisionService>().LinkAsync(decision, DecisionTarget.KeyAction, action, Ct);

        var row = (await officer.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.ReportId == staffing);
        var view = (await officer.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Recommendations.Single().Decision!;
        var onAction = await officer.Get<DecisionService>().LinkedToAsync(DecisionTarget.KeyAction, action, Ct);

        Assert.Null(row.Wording);
        Assert.Empty(row.Links);
        Assert.Equal(1, row.HiddenLinks);
        Assert.Empty(view.Links);
        Assert.Equal(1, view.HiddenLinks);
        Assert.DoesNotContain(onAction, d => d.ReportId == staffing);
        // Its secretary, who reads it, sees what it changed.
        Assert.Single((await secretary.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.ReportId == staffing).Links);
        Assert.Contains(await secretary.Get<DecisionService>().LinkedToAsync(DecisionTarget.KeyAction, action, Ct), d => d.ReportId == staffing);
    }

    private async Task<(int York, int July, IReadOnlyList<string> ActionTitles, string ThreadTitle)> YorkAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var york = await db.Reports.SingleAsync(r => r.Reference == "CE/DP/2008", Ct);
        var links = await db.Decisions.Where(d => d.ReportId == york.Id).SelectMany(d => d.Links).ToListAsync(Ct);
        var actionIds = links.Where(l => l.Target == DecisionTarget.KeyAction).Select(l => l.TargetId).ToList();
        var threadId = links.Single(l => l.Target == DecisionTarget.ThreadItem).TargetId;
        var actions = await db.Actions.Where(a => actionIds.Contains(a.Id)).OrderBy(a => a.Id).Select(a => a.Title).ToListAsync(Ct);
        var thread = await db.ThreadItems.Where(i => i.Id == threadId).Select(i => i.Title).SingleAsync(Ct);
        Assert.True(actions.Count >= 2, "The York decision links fewer than two plan actions.");
        return (york.Id, york.MeetingId!.Value, actions, thread);
    }

    private async Task<int> IdAsync(Func<Portal.Data.PortalDbContext, Task<int>> query)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await query(db);
    }

    private static string Flatten(object value) => JsonSerializer.Serialize(value, Plain);
}
