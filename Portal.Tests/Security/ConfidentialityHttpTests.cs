using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every channel a person can take a meeting's business away by, over plain HTTP against the
/// running demo: the pages as served, the agenda pack and its download, the calendar feeds, search,
/// the CSV exports and the decision register. What was agreed or written under a private item,
/// and the titles of plan actions a decision is linked to, reach none of them for a visitor, and
/// the private item's business reaches none of them for an officer who is not on the body.
/// </summary>
public sealed class ConfidentialityHttpTests : HttpTest
{
    /// <summary>Agreed under the Employment Panel's private staffing item, 25 August 2009.</summary>
    private const string PanelAction = "Confirm Ms Example";

    /// <summary>Agreed under the EMG's private item at its last meeting, and still open.</summary>
    private const string GroupAction = "at-risk letters";

    /// <summary>The EMG's notes on that private item.</summary>
    private const string GroupNotes = "weighed three options";

    [Fact]
    public async Task NoChannelGivesAVisitorOrAnOfficerOffTheBodyWhatWasAgreedOrWrittenUnderAPrivateItem()
    {
        var ids = await IdsAsync();
        using var visitor = await PortalHttp.ClientAsync(App.BaseUrl);
        using var officer = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Officer);
        using var director = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Director);

        var everywhere = new[]
        {
            $"/meetings/{ids.August}", $"/meetings/{ids.August}/pack", $"/meetings/{ids.August}/pack.html", $"/meetings/{ids.August}/meeting.ics",
            "/meetings/calendar.ics", "/meetings/employment-panel/calendar.ics",
            // Searches for the private words, put so the query the page repeats is not itself the phrase looked for.
            "/search?q=redeployment+Policy+Lead+writing", "/search?q=letters+Assistant+Directors", "/search?q=options+Assistant+Director+posts",
            "/reports", "/decisions",
        };
        var staffOnly = new[]
        {
            $"/meetings/{ids.GroupLast}", $"/meetings/{ids.GroupNext}", $"/meetings/{ids.GroupNext}/pack.html", $"/meetings/{ids.GroupNext}/meeting.ics",
            "/meetings/emg/calendar.ics", $"/plans/{ids.Plan}/export/actions.csv", $"/plans/{ids.Plan}/export/indicators.csv",
            "/organisation/establishment.csv", "/thread/coverage.csv", "/admin/audit.csv", "/admin/audit",
        };

        var read = 0;
        foreach (var (client, paths) in new[] { (visitor, everywhere), (officer, everywhere.Concat(staffOnly).ToArray()) })
        {
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(path, Ct);
                var text = await response.Content.ReadAsStringAsync(Ct);
                read += text.Length;
                Assert.DoesNotContain(PanelAction, text, StringComparison.Ordinal);
                Assert.DoesNotContain("Example&#x27;s redeployment", text, StringComparison.Ordinal);
                Assert.DoesNotContain(GroupAction, text, StringComparison.Ordinal);
                Assert.DoesNotContain(GroupNotes, text, StringComparison.Ordinal);
            }
        }

        // The officer's pages said something was withheld, and the director's pages carry it: the words are there to be withheld.
        Assert.True(read > 100_000, $"Only {read} characters read.");
        Assert.Contains("1 action agreed under an item taken in private is not shown.", await officer.GetStringAsync($"/meetings/{ids.GroupNext}", Ct), StringComparison.Ordinal);
        Assert.Contains(GroupAction, await director.GetStringAsync($"/meetings/{ids.GroupNext}", Ct), StringComparison.Ordinal);
        Assert.Contains(GroupNotes, await director.GetStringAsync($"/meetings/{ids.GroupLast}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDecisionRegisterGivesAVisitorACountOfLinksAndNoPlanActionTitles()
    {
        var ids = await IdsAsync();
        using var visitor = await PortalHttp.ClientAsync(App.BaseUrl);
        using var member = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Member);

        foreach (var path in new[] { "/decisions", $"/reports/{ids.York}", $"/meetings/{ids.July}/pack", $"/meetings/{ids.July}/pack.html", "/search?q=directorate+plan" })
        {
            var text = await visitor.GetStringAsync(path, Ct);
            Assert.All(ids.LinkedActions, title => Assert.DoesNotContain(HtmlEncoder.Default.Encode(title), text, StringComparison.Ordinal));
            Assert.All(ids.LinkedActions, title => Assert.DoesNotContain(title, text, StringComparison.Ordinal));
        }

        // The plan actions it is linked to, and one golden-thread item.
        Assert.Contains($"Linked to {ids.LinkedActions.Count + 1} plan actions or golden-thread items, shown only to those who may read them.", await visitor.GetStringAsync("/decisions", Ct), StringComparison.Ordinal);
        var register = await member.GetStringAsync("/decisions", Ct);
        Assert.All(ids.LinkedActions, title => Assert.Contains(HtmlEncoder.Default.Encode(title), register, StringComparison.Ordinal));
    }

    private Task<Ids> IdsAsync() => App.QueryAsync(async db =>
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var emg = await db.Bodies.Where(b => b.Slug == "emg").Select(b => b.Id).SingleAsync(Ct);
        var groupLast = await db.AgendaItems.Where(i => i.Title == "Senior restructure: options").Select(i => i.MeetingId).SingleAsync(Ct);
        var groupNext = await db.Meetings.Where(m => m.BodyId == emg && m.Date > today && m.Status == MeetingStatus.Scheduled).OrderBy(m => m.Date).Select(m => m.Id).FirstAsync(Ct);
        var york = await db.Reports.SingleAsync(r => r.Reference == "CE/DP/2008", Ct);
        var actionIds = await db.Decisions.Where(d => d.ReportId == york.Id).SelectMany(d => d.Links).Where(l => l.Target == DecisionTarget.KeyAction).Select(l => l.TargetId).ToListAsync(Ct);
        var linked = await db.Actions.Where(a => actionIds.Contains(a.Id)).Select(a => a.Title).ToListAsync(Ct);
        return new Ids(
            await db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync(Ct),
            york.MeetingId!.Value, groupLast, groupNext, york.Id,
            await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct), linked);
    });

    private sealed record Ids(int August, int July, int GroupLast, int GroupNext, int York, int Plan, IReadOnlyList<string> LinkedActions);
}
