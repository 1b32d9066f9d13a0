using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Meetings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// Confidentiality in a real browser: what is agreed under a private item is in no page, no page
/// source and no WebSocket frame for those who may not read the item, even as it is agreed while
/// they watch; a visitor reads the decision register without the titles of plan actions; and the
/// proper officer releases an exempt report from their list, after which the public read it.
/// </summary>
public sealed class ConfidentialityBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private const string PrivateAction = "Sound out the unions on the restructure timetable";
    private const string OpenAction = "Ask the NHS trust for its winter discharge figures";

    [Fact]
    public async Task AnActionAgreedInPrivateReachesNoPageSourceOrFrameOfThoseWhoMayNotReadIt()
    {
        var next = await NextMeetingAsync("emg");
        var august = await App.QueryAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync());

        // Barbara Boyce is staff (she sees the group's meetings) but not in the group; every frame her page receives is kept.
        var frames = new List<byte[]>();
        var officer = await NewPageAsync();
        officer.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            lock (frames)
            {
                frames.Add(frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? string.Empty));
            }
        };
        await SignInToAsync(officer, DemoUsers.Officer, $"/meetings/{next}");
        var actions = officer.Locator(".meeting-actions");
        await Assertions.Expect(actions).ToContainTextAsync("Chase the owners of overdue key actions");
        await Assertions.Expect(actions).ToContainTextAsync("1 action agreed under an item taken in private is not shown.");
        var served = await (await officer.APIRequest.GetAsync($"/meetings/{next}")).TextAsync();
        Assert.DoesNotContain("at-risk letters", served, StringComparison.Ordinal);
        Assert.DoesNotContain("at-risk letters", await officer.ContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(officer);

        var director = await NewPageAsync();
        await SignInToAsync(director, DemoUsers.Director, $"/meetings/{next}");
        await Assertions.Expect(director.Locator(".meeting-actions")).ToContainTextAsync("Draft the at-risk letters");

        // The secretary agrees two actions while both watch: one under the private item, one under an open one.
        var secretary = await NewPageAsync();
        await SignInToAsync(secretary, DemoUsers.Secretary, $"/meetings/{next}");
        await AgreeAsync(secretary, PrivateAction, "3. Senior restructure: next steps");
        await AgreeAsync(secretary, OpenAction, "2. Winter pressures: adult social care");

        await Assertions.Expect(director.Locator(".meeting-actions")).ToContainTextAsync(PrivateAction);
        await Assertions.Expect(actions).ToContainTextAsync(OpenAction);
        await Assertions.Expect(actions.Locator("p.withheld")).ToHaveCountAsync(2);
        string wire;
        lock (frames)
        {
            wire = string.Join('\n', frames.Select(f => Encoding.UTF8.GetString(f)));
        }

        Assert.Contains("winter discharge figures", wire, StringComparison.Ordinal);
        Assert.DoesNotContain("unions on the restructure", wire, StringComparison.Ordinal);
        Assert.DoesNotContain("at-risk letters", wire, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateAction, await officer.ContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(officer, "meeting-private-actions-withheld");

        // A visitor on the public panel's page: the item's title and that an action is withheld, nothing of the action.
        var visitor = await NewPageAsync();
        await GoToAsync(visitor, $"/meetings/{august}");
        await Assertions.Expect(visitor.Locator(".meeting-actions")).ToContainTextAsync("1 action agreed under an item taken in private is not shown.");
        var publicSource = await (await visitor.APIRequest.GetAsync($"/meetings/{august}")).TextAsync();
        foreach (var text in new[] { publicSource, await visitor.ContentAsync() })
        {
            Assert.Contains("Staffing matters", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Confirm Ms Example", text, StringComparison.Ordinal);
        }

        // And the decision register: a count of links, no plan action titles.
        await GoToAsync(visitor, "/decisions");
        var links = await App.QueryAsync(db => db.DecisionLinks.CountAsync(l => db.Decisions.Any(d => d.Id == l.DecisionId && db.Reports.Any(r => r.Id == d.ReportId && r.Reference == "CE/DP/2008"))));
        await Assertions.Expect(visitor.Locator("table").First).ToContainTextAsync($"Linked to {links} plan actions or golden-thread items, shown only to those who may read them.");
        Assert.DoesNotContain("/plans/actions/", await visitor.ContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(visitor);
    }

    [Fact]
    public async Task TheProperOfficerReleasesAnExemptReportFromTheirListAndOnlyThenThePublicReadIt()
    {
        var staffing = await App.QueryAsync(db => db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.Id).SingleAsync());
        var visitor = await NewPageAsync();
        var before = await (await visitor.APIRequest.GetAsync($"/reports/{staffing}")).TextAsync();
        Assert.DoesNotContain("Ms A. Example", before, StringComparison.Ordinal);
        Assert.Contains("Its exemption is due for review on 25 Aug 2015; it stays exempt until the proper officer releases it.", before, StringComparison.Ordinal);

        // The Swedish words of the list and the form, scanned while the report is still exempt.
        var swedish = await NewPageAsync("sv-SE");
        await SignInToAsync(swedish, DemoUsers.Administrator, "/reports");
        await Assertions.Expect(swedish.Locator("#release-due-title")).ToHaveTextAsync("Sekretessbelagda skrivelser att ompröva");
        await AssertAccessibleAsync(swedish);
        await GoToAsync(swedish, $"/reports/{staffing}");
        await Assertions.Expect(swedish.Locator("#exempt-review-title")).ToHaveTextAsync("Omprövning av sekretessen");
        await AssertAccessibleAsync(swedish);

        var admin = await NewPageAsync();
        await SignInToAsync(admin, DemoUsers.Administrator, "/reports");
        var due = admin.Locator("section[aria-labelledby='release-due-title']");
        await Assertions.Expect(due).ToContainTextAsync("HR 14/09");
        await Assertions.Expect(due).ToContainTextAsync("25 Aug 2015");
        await AssertAccessibleAsync(admin);
        await due.GetByRole(AriaRole.Link, new() { Name = "Staffing matters: redeployment of an officer affected by the restructure" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#exempt-review")).ToContainTextAsync("was due for review on 25 Aug 2015");
        await WaitForInteractiveAsync(admin);

        // Without a reason: asked to confirm, then refused beside the field, nothing released.
        var review = admin.Locator("#exempt-review");
        await review.GetByRole(AriaRole.Button, new() { Name = "Release to the public" }).ClickAsync();
        await Assertions.Expect(review.Locator("#release-question")).ToContainTextAsync("Release HR 14/09 to the public? Its content, its decisions and any annex exempt only with it become public and searchable. This cannot be undone.");
        await review.GetByRole(AriaRole.Button, new() { Name = "Yes, release it to the public" }).ClickAsync();
        await Assertions.Expect(review.Locator(".error-summary")).ToContainTextAsync("Enter the reason.");
        await Assertions.Expect(admin.Locator("#release-reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(admin);
        Assert.DoesNotContain("Ms A. Example", await (await visitor.APIRequest.GetAsync($"/reports/{staffing}")).TextAsync(), StringComparison.Ordinal);

        // Enter in a field keeps it exempt (to the date given); releasing is only ever the button, asked twice.
        await admin.Locator("#release-reason").FillAsync("Ms Example still works for the council.");
        await admin.Locator("#release-next").FillAsync("2030-08-25");
        await admin.Locator("#release-next").PressAsync("Enter");
        await Assertions.Expect(review.Locator(".saved-message")).ToContainTextAsync("25 Aug 2030");
        Assert.DoesNotContain("Ms A. Example", await (await visitor.APIRequest.GetAsync($"/reports/{staffing}")).TextAsync(), StringComparison.Ordinal);

        await admin.Locator("#release-reason").FillAsync("Ms Example has left the council and consents to publication.");
        await review.GetByRole(AriaRole.Button, new() { Name = "Release to the public" }).ClickAsync();
        await review.GetByRole(AriaRole.Button, new() { Name = "Yes, release it to the public" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".report-document")).ToContainTextAsync("Released from exemption under paragraph 1");
        await Assertions.Expect(admin.Locator("#exempt-review")).ToHaveCountAsync(0);
        await ScreenshotAsync(admin, "report-released");

        await GoToAsync(visitor, $"/reports/{staffing}");
        await Assertions.Expect(visitor.Locator(".report-document")).ToContainTextAsync("Ms A. Example");
        await Assertions.Expect(visitor.Locator(".report-document")).ToContainTextAsync("Ms Example has left the council and consents to publication.");
        await AssertAccessibleAsync(visitor);
    }

    /// <summary>Records an action agreed at the meeting, under the agenda item with the given label, for Heather Rice, due in a month.</summary>
    private static async Task AgreeAsync(IPage page, string text, string item)
    {
        var form = page.Locator(".meeting-actions details");
        if (await form.GetAttributeAsync("open") is null)
        {
            await form.Locator("summary").ClickAsync();
        }

        await page.Locator("#action-text").FillAsync(text);
        await page.Locator("#action-owner").SelectOptionAsync(new SelectOptionValue { Label = "Heather Rice" });
        await page.Locator("#action-due").FillAsync(DateOnly.FromDateTime(DateTime.Now).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#action-item").SelectOptionAsync(new SelectOptionValue { Label = item });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".meeting-actions")).ToContainTextAsync(text);
    }

    private Task<int> NextMeetingAsync(string slug) =>
        App.QueryAsync(db =>
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            return db.Meetings.Where(m => m.BodyId == db.Bodies.Single(b => b.Slug == slug).Id && m.Date > today && m.Status == MeetingStatus.Scheduled)
                .OrderBy(m => m.Date).Select(m => m.Id).FirstAsync();
        });
}
