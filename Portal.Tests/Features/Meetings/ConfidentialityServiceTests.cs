using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings;
using Portal.Features.Meetings.Agenda;
using Portal.Features.Meetings.Calendar;
using Portal.Features.Meetings.Feeds;
using Portal.Features.Meetings.Minutes;
using Portal.Features.Reports;
using Portal.Features.Reports.Drafting;
using Portal.Features.Reports.Reading;
using Portal.Features.Reports.Workflow;
using Portal.Features.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Meetings;

/// <summary>
/// Confidentiality follows the agenda item, through every service that shows a meeting's
/// business: what is agreed, written or declared under a private item reaches only those who may
/// read the item, on the meeting's page, at later meetings, in search and in feeds; and an
/// exempt report published on an item takes the item in private.
/// </summary>
public sealed class ConfidentialityServiceTests : IAsyncLifetime
{
    /// <summary>The demo's action agreed under the Employment Panel's private "Staffing matters" item, 25 August 2009.</summary>
    private const string PanelAction = "Confirm Ms Example's redeployment";

    /// <summary>The demo's open action agreed under the EMG's private "Senior restructure: options" item at its last meeting.</summary>
    private const string GroupAction = "Draft the at-risk letters";

    private static readonly Uri Site = new("https://portal.example/");
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => new(2026, 11, 25);

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task AnActionAgreedUnderAPrivateItemIsOnTheMeetingPageOnlyForThoseWhoMayReadTheItem()
    {
        var august = await MeetingWithItemAsync("Staffing matters");
        await using var anonymous = _portal.Anonymous();
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);

        foreach (var outsider in new[] { anonymous, officer })
        {
            var seen = (await outsider.Get<MeetingService>().GetAsync(august, Ct))!;
            Assert.DoesNotContain(seen.AgreedHere, a => a.Text.StartsWith(PanelAction, StringComparison.Ordinal));
            Assert.Equal(1, seen.AgreedHereWithheld);
            Assert.DoesNotContain("Policy Lead", Flatten(seen), StringComparison.Ordinal);
            Assert.Empty(seen.Items.Single(i => i.IsPrivate).Declarations);
        }

        var insider = (await member.Get<MeetingService>().GetAsync(august, Ct))!;
        var action = Assert.Single(insider.AgreedHere, a => a.Text.StartsWith(PanelAction, StringComparison.Ordinal));
        Assert.Equal("Staffing matters", action.ItemTitle);
        Assert.Equal(0, insider.AgreedHereWithheld);
    }

    [Fact]
    public async Task AnOpenActionAgreedInPrivateIsCarriedToLaterMeetingsOnlyForThoseWhoMayReadTheItem()
    {
        var last = await MeetingWithItemAsync("Senior restructure: options");
        var next = await NextMeetingIdAsync("emg");
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);

        // Barbara Boyce is staff, so she sees the group's meetings, but she is not in the group.
        var atLast = (await officer.Get<MeetingService>().GetAsync(last, Ct))!;
        var atNext = (await officer.Get<MeetingService>().GetAsync(next, Ct))!;
        Assert.True(atLast.Items.Single(i => i.Title == "Senior restructure: options").NotesWithheld);
        Assert.DoesNotContain(atLast.AgreedHere, a => a.Text.StartsWith(GroupAction, StringComparison.Ordinal));
        Assert.DoesNotContain(atNext.CarriedActions, a => a.Text.StartsWith(GroupAction, StringComparison.Ordinal));
        Assert.Contains(atNext.CarriedActions, a => a.Text == "Chase the owners of overdue key actions");
        Assert.Equal(1, atNext.CarriedWithheld);
        Assert.DoesNotContain("at-risk", Flatten(atLast) + Flatten(atNext), StringComparison.Ordinal);

        foreach (var insider in new[] { secretary, director })
        {
            var carried = (await insider.Get<MeetingService>().GetAsync(next, Ct))!;
            Assert.Contains(carried.CarriedActions, a => a.Text.StartsWith(GroupAction, StringComparison.Ordinal) && a.ItemTitle == "Senior restructure: options");
            Assert.Equal(0, carried.CarriedWithheld);
        }
    }

    [Fact]
    public async Task TheOwnerOfAnActionAgreedInPrivateReadsTheirOwnActionButNotTheItemsNotes()
    {
        var last = await MeetingWithItemAsync("Senior restructure: options");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var meeting = (await secretary.Get<MeetingService>().GetAsync(last, Ct))!;
        var item = meeting.Items.Single(i => i.Title == "Senior restructure: options");
        var barbara = await PersonIdAsync("Barbara Boyce");

        await secretary.Get<MinutesService>().AgreeActionAsync(last, new AgreedActionEdit(item.Id, "Update the structure chart once the posts are agreed", barbara, Today.AddDays(20)), Ct);

        var hers = (await officer.Get<MeetingService>().GetAsync(last, Ct))!;
        Assert.Contains(hers.AgreedHere, a => a.Text == "Update the structure chart once the posts are agreed");
        Assert.DoesNotContain(hers.AgreedHere, a => a.Text.StartsWith(GroupAction, StringComparison.Ordinal));
        Assert.True(hers.Items.Single(i => i.Id == item.Id).NotesWithheld);
    }

    [Fact]
    public async Task AnItemWithActionsAgreedUnderItCannotBeRemovedSoItsActionsNeverLoseTheirPrivacy()
    {
        var last = await MeetingWithItemAsync("Senior restructure: options");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var item = (await secretary.Get<MeetingService>().GetAsync(last, Ct))!.Items.Single(i => i.Title == "Senior restructure: options");

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => secretary.Get<AgendaService>().RemoveItemAsync(last, item.Id, Ct));

        Assert.Equal("Agenda.ItemHasActions", refused.Code);
        Assert.Contains((await secretary.Get<MeetingService>().GetAsync(last, Ct))!.Items, i => i.Id == item.Id);
        Assert.DoesNotContain((await officer.Get<MeetingService>().GetAsync(last, Ct))!.AgreedHere, a => a.Text.StartsWith(GroupAction, StringComparison.Ordinal));
    }

    [Fact]
    public async Task APrivateItemsNotesDeclarationsAndActionsAreNeverIndexedForSearch()
    {
        var last = await MeetingWithItemAsync("Senior restructure: options");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var meetings = secretary.Get<MeetingService>();
        var item = (await meetings.GetAsync(last, Ct))!.Items.Single(i => i.Title == "Senior restructure: options");
        await secretary.Get<AgendaService>().DeclareAsync(last, item.Id, null, "Ian Floyd", "His own post is one of those considered", Ct);

        // Publishing the notes files the group's minutes for search: the open items only.
        await secretary.Get<MinutesService>().PublishNotesAsync(last, (await meetings.GetAsync(last, Ct))!.Version, Ct);

        Assert.Contains((await officer.Get<SearchService>().SearchAsync("overdue actions dashboard", Ct)).Results, r => r.Kind == SearchIndex.MinutesKind && r.Url == $"/meetings/{last}");
        foreach (var reader in new[] { officer, admin })
        {
            foreach (var words in new[] { "weighed three options", "at-risk letters", "own post considered" })
            {
                // Not found in this meeting's minutes (PostgreSQL's stemming and stop words may find other papers' words).
                Assert.DoesNotContain((await reader.Get<SearchService>().SearchAsync(words, Ct)).Results, r => r.Url == $"/meetings/{last}");
            }
        }

        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        await SearchIndex.RebuildAsync(db, Ct);
        Assert.DoesNotContain((await admin.Get<SearchService>().SearchAsync("weighed three options", Ct)).Results, r => r.Url == $"/meetings/{last}");
    }

    [Fact]
    public async Task NoCalendarFeedCarriesAPrivateItemsNotesOrActions()
    {
        var august = await MeetingWithItemAsync("Staffing matters");
        var last = await MeetingWithItemAsync("Senior restructure: options");
        await using var anonymous = _portal.Anonymous();
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var feeds = anonymous.Get<CalendarFeedService>();
        var token = await secretary.Get<CalendarFeedService>().MyTokenAsync(replace: false, Ct);

        var texts = new[]
        {
            await feeds.PublicCalendarAsync(Site, Ct),
            await feeds.BodyCalendarAsync("employment-panel", Site, Ct),
            await feeds.MeetingCalendarAsync(august, Site, Ct),
            await feeds.PersonalCalendarAsync(token!, Site, Ct),
            await secretary.Get<CalendarFeedService>().MeetingCalendarAsync(last, Site, Ct),
        };

        Assert.All(texts, Assert.NotNull);
        foreach (var text in texts)
        {
            Assert.DoesNotContain("Ms Example", text, StringComparison.Ordinal);
            Assert.DoesNotContain("at-risk", text, StringComparison.Ordinal);
            Assert.DoesNotContain("weighed three options", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PublishingAnExemptReportOnAnItemTakesTheItemInPrivateWithItsNotesDeclarationsAndActions()
    {
        var (draft, meetingId, itemId) = await ComingPanelDraftAsync();
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var anonymous = _portal.Anonymous();
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var meetings = secretary.Get<MeetingService>();
        var heather = await PersonIdAsync("Heather Rice");
        var version = (await meetings.GetAsync(meetingId, Ct))!.Items.Single(i => i.Id == itemId).Version;
        await secretary.Get<MinutesService>().WriteNotesAsync(meetingId, itemId, "The Panel heard a frank account of the senior pay review.", version, Ct);
        await secretary.Get<AgendaService>().DeclareAsync(meetingId, itemId, null, "Cllr Ruth Potter", "Her partner's post is in the review", Ct);
        await secretary.Get<MinutesService>().AgreeActionAsync(meetingId, new AgreedActionEdit(itemId, "Benchmark senior pay against the region", heather, Today.AddDays(30)), Ct);
        Assert.Contains("frank account", Flatten((await anonymous.Get<MeetingService>().GetAsync(meetingId, Ct))!), StringComparison.Ordinal);

        await MakeExemptAndPublishAsync(draft, lateReason: null);

        foreach (var outsider in new[] { anonymous, officer })
        {
            var seen = (await outsider.Get<MeetingService>().GetAsync(meetingId, Ct))!;
            var item = seen.Items.Single(i => i.Id == itemId);
            Assert.True(item.IsPrivate);
            Assert.True(item.NotesWithheld);
            Assert.Empty(item.Declarations);
            Assert.Equal(1, seen.AgreedHereWithheld);
            var text = Flatten(seen);
            Assert.DoesNotContain("frank account", text, StringComparison.Ordinal);
            Assert.DoesNotContain("partner's post", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Benchmark senior pay", text, StringComparison.Ordinal);
        }

        // The change is the secretary's, in the audit trail like any other.
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var key = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(
            a => a.EntityType == nameof(AgendaItem) && a.EntityId == key && a.After != null && a.After.Contains("IsPrivate") && a.ActorName == "Grace Okafor", Ct));

        // And it stays private: the secretary cannot open it again while the exempt report is on it.
        var item2 = (await meetings.GetAsync(meetingId, Ct))!.Items.Single(i => i.Id == itemId);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            secretary.Get<AgendaService>().UpdateItemAsync(meetingId, itemId, new AgendaItemEdit(item2.Title, item2.Presenter, item2.MinutesAllowed, false, item2.Version), Ct));
        Assert.Equal(("Agenda.ExemptReportKeepsPrivate", nameof(AgendaItem.IsPrivate)), (refused.Code, refused.Field));
        Assert.True((await meetings.GetAsync(meetingId, Ct))!.Items.Single(i => i.Id == itemId).IsPrivate);
    }

    [Fact]
    public async Task AnExemptReportPublishedOnAnItemOfFinalMinutesTakesItsNotesOutOfTheSearchIndex()
    {
        // The Advisory Panel of 8 September 2008: its minutes written and approved at the coming meeting, so filed for search.
        var september = await MeetingOnAsync("emap-cs", new DateOnly(2008, 9, 8));
        var coming = await NextMeetingIdAsync("emap-cs");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var anonymous = _portal.Anonymous();
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        var meetings = secretary.Get<MeetingService>();
        var item = (await meetings.GetAsync(september, Ct))!.Items.Single();
        await secretary.Get<MinutesService>().WriteNotesAsync(september, item.Id, "Minutes approved; the Panel also noted the chief officers' grading appeal.", item.Version, Ct);
        await secretary.Get<MinutesService>().ApproveMinutesAsync(september, coming, (await meetings.GetAsync(september, Ct))!.Version, Ct);
        Assert.NotEmpty((await anonymous.Get<SearchService>().SearchAsync("grading appeal", Ct)).Results);

        var (draft, _, _) = await ComingPanelDraftAsync();
        await using (var author = await _portal.SignedInAsAsync(DemoUsers.Officer))
        {
            var view = (await author.Get<ReportReadingService>().GetAsync(draft, Ct))!;
            await author.Get<ReportDraftingService>().DescribeAsync(draft, Edit(view, september, item.Id, exempt: false), Ct);
        }

        await MakeExemptAndPublishAsync(draft, lateReason: "The appeal was lodged after the agenda went out.");

        Assert.True((await anonymous.Get<MeetingService>().GetAsync(september, Ct))!.Items.Single().NotesWithheld);
        Assert.Empty((await anonymous.Get<SearchService>().SearchAsync("grading appeal", Ct)).Results);
        Assert.Empty((await member.Get<SearchService>().SearchAsync("grading appeal", Ct)).Results);
    }

    /// <summary>The demo's draft for the coming Advisory Panel, ready but for its exemption, on its open item.</summary>
    private async Task<(int Draft, int Meeting, int Item)> ComingPanelDraftAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var draft = await db.Reports.SingleAsync(r => r.Reference == "CE/DP/PROGRESS", Ct);
        return (draft.Id, draft.MeetingId!.Value, draft.AgendaItemId!.Value);
    }

    /// <summary>Marks the draft exempt under paragraph 1, completes it, and takes it through clearing and publishing.</summary>
    private async Task MakeExemptAndPublishAsync(int draft, string? lateReason)
    {
        await using var author = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var chief = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var reports = author.Get<ReportDraftingService>();
        var view = (await author.Get<ReportReadingService>().GetAsync(draft, Ct))!;
        var version = await reports.DescribeAsync(draft, Edit(view, view.Meeting!.Id, view.AgendaItemId, exempt: true), Ct);
        foreach (var kind in ReportTemplate.Sections.Where(k => k is not SectionKind.Summary and not SectionKind.Background))
        {
            version = await reports.WriteSectionAsync(draft, version, kind, "None.", Ct);
        }

        version = await reports.ReviseRecommendationAsync(draft, version, 1, "That the Panel note the review.", "To keep the Panel informed.", Ct);
        version = await author.Get<ReportWorkflowService>().SubmitAsync(draft, version, Ct);
        version = await chief.Get<ReportWorkflowService>().ClearAsync(draft, version, Ct);
        await secretary.Get<ReportWorkflowService>().PublishAsync(draft, version, lateReason, Ct);
    }

    private static ReportEdit Edit(ReportView view, int meetingId, int? itemId, bool exempt) => new(
        view.Version, view.Reference, view.Title, view.ChiefOfficerId, meetingId, itemId, view.ContactDetails, view.AllWards, view.Wards,
        view.IsKeyDecision, null, view.BackgroundPapers ?? "None.",
        exempt, exempt ? 1 : null, exempt ? "Information about named senior officers' pay." : null, exempt ? Today.AddYears(1) : null);

    private async Task<int> MeetingWithItemAsync(string title)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.AgendaItems.Where(i => i.Title == title).Select(i => i.MeetingId).SingleAsync(Ct);
    }

    private async Task<int> MeetingOnAsync(string slug, DateOnly date)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var body = await db.Bodies.Where(b => b.Slug == slug).Select(b => b.Id).SingleAsync(Ct);
        return await db.Meetings.Where(m => m.BodyId == body && m.Date == date).Select(m => m.Id).SingleAsync(Ct);
    }

    private async Task<int> NextMeetingIdAsync(string slug)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var body = await db.Bodies.Where(b => b.Slug == slug).Select(b => b.Id).SingleAsync(Ct);
        return await db.Meetings.Where(m => m.BodyId == body && m.Date > Today && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).Select(m => m.Id).FirstAsync(Ct);
    }

    private async Task<int> PersonIdAsync(string name)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.People.Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync(Ct);
    }

    /// <summary>Everything a service returned, as text (apostrophes and all), so a test can say a phrase is nowhere in it.</summary>
    private static string Flatten(object value) => JsonSerializer.Serialize(value, Plain);
}
