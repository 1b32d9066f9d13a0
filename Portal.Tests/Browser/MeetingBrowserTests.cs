using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Meetings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>Meetings in a real browser: the secretary's agenda reaching a member live, cancellation in page and feed, bad input, and axe on every meetings page.</summary>
public sealed class MeetingBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Fact]
    public async Task ASecretaryAddsAnAgendaItemAndAMemberSeesItWithoutReload()
    {
        var meetingId = await NextMeetingAsync("emap-cs");
        var secretary = await NewPageAsync();
        var member = await NewPageAsync();
        await SignInToAsync(member, DemoUsers.Member, $"/meetings/{meetingId}");
        await SignInToAsync(secretary, DemoUsers.Secretary, $"/meetings/{meetingId}");
        await Assertions.Expect(member.Locator(".agenda-items")).Not.ToContainTextAsync("Budget consultation results");
        await member.EvaluateAsync("() => window.notReloaded = true");

        await secretary.Locator("#item-title").FillAsync("Budget consultation results");
        await secretary.Locator("#item-presenter").FillAsync("Keith Best, Assistant Director (Finance)");
        await secretary.Locator("#item-minutes").FillAsync("20");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Add to the agenda" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".agenda-items")).ToContainTextAsync("Budget consultation results");

        // The councillor's open page shows it by itself: no reload.
        var item = member.Locator(".agenda-items > li").Last;
        await Assertions.Expect(item).ToContainTextAsync("Budget consultation results", new() { Timeout = 5_000 });
        await Assertions.Expect(item).ToContainTextAsync("Presented by Keith Best");
        await Assertions.Expect(item).ToContainTextAsync("20 minutes");
        Assert.True(await member.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await AssertAccessibleAsync(secretary);
        await ScreenshotAsync(secretary, "meeting-secretary");
        await ScreenshotAsync(member, "meeting-member");
    }

    [Fact]
    public async Task ACancelledMeetingShowsAsCancelledOnItsPageAndInTheFeed()
    {
        var meetingId = await NextMeetingAsync("emap-cs");
        var secretary = await NewPageAsync();
        await SignInToAsync(secretary, DemoUsers.Secretary, $"/meetings/{meetingId}");

        await secretary.GetByText("Cancel this meeting").ClickAsync();
        await secretary.Locator("#cancel-reason").FillAsync("The Executive Member is unwell.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting" }).ClickAsync();

        await Assertions.Expect(secretary.Locator("h1 + p .status-tag")).ToHaveTextAsync("Cancelled");
        await Assertions.Expect(secretary.Locator("h1 + p")).ToContainTextAsync("The Executive Member is unwell.");
        var visitor = await NewPageAsync();
        await GoToAsync(visitor, $"/meetings/{meetingId}");
        await Assertions.Expect(visitor.Locator("h1 + p .status-tag")).ToHaveTextAsync("Cancelled");

        var response = await visitor.APIRequest.GetAsync("/meetings/emap-cs/calendar.ics");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"], StringComparison.Ordinal);
        var calendar = Calendar.Load(await response.TextAsync())!;
        var cancelled = calendar.Events.Single(e => e.Url!.AbsolutePath == $"/meetings/{meetingId}");
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(1, cancelled.Sequence);

        // A calendar app polling again with the feed's ETag is told nothing changed.
        var again = await visitor.APIRequest.GetAsync("/meetings/emap-cs/calendar.ics", new() { Headers = new Dictionary<string, string> { ["If-None-Match"] = response.Headers["etag"] } });
        Assert.Equal(304, again.Status);
        await ScreenshotAsync(visitor, "meeting-cancelled");
    }

    [Fact]
    public async Task BadInputIsShownBesideItsFieldAndNothingIsSaved()
    {
        var meetingId = await NextMeetingAsync("emap-cs");
        var admin = await NewPageAsync();
        await SignInToAsync(admin, DemoUsers.Administrator, $"/meetings/{meetingId}");
        var items = await admin.Locator(".agenda-items > li").CountAsync();

        await admin.Locator("#item-title").FillAsync("Budget");
        await admin.Locator("#item-minutes").FillAsync("ten");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add to the agenda" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#item-minutes-error")).ToContainTextAsync("Enter the time allowed in minutes");
        await Assertions.Expect(admin.Locator(".error-summary")).ToContainTextAsync("Enter the time allowed in minutes");
        Assert.Equal("true", await admin.Locator("#item-minutes").GetAttributeAsync("aria-invalid"));
        await Assertions.Expect(admin.Locator(".agenda-items > li")).ToHaveCountAsync(items);

        await admin.GetByText("Move this meeting").ClickAsync();
        await admin.Locator("#move-start").FillAsync("18:00");
        await admin.Locator("#move-end").FillAsync("17:00");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save the new time" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#move-end-error")).ToContainTextAsync("The meeting must end after it starts.");
        await AssertAccessibleAsync(admin);

        await GoToAsync(admin, "/meetings/bodies/emg");
        await admin.Locator("#cadence-kind").SelectOptionAsync("MonthlyDay");
        await admin.Locator("#cadence-day").FillAsync("31");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save the pattern" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#cadence-day-error")).ToContainTextAsync("Not every month has a day 31");
        await AssertAccessibleAsync(admin);
        await ScreenshotAsync(admin, "cadence-error");
        var kind = await App.QueryAsync(db => db.Cadences.Where(c => c.BodyId == db.Bodies.Single(b => b.Slug == "emg").Id).Select(c => c.Kind).SingleAsync());
        Assert.Equal(CadenceKind.Weekly, kind);

        var missing = await admin.APIRequest.GetAsync("/meetings/no-such-body/calendar.ics");
        Assert.Equal(404, missing.Status);
        Assert.Equal("There is no such calendar.", await missing.TextAsync());
        Assert.Equal(404, (await admin.APIRequest.GetAsync("/meetings/feeds/wrong-token.ics")).Status);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("sv-SE")]
    public async Task EveryMeetingsPageHasNoAxeViolations(string culture)
    {
        var upcoming = await NextMeetingAsync("emap-cs");
        var emg = await NextMeetingAsync("emg");
        var (july, august) = await App.QueryAsync(async db => (
            await db.Meetings.Where(m => m.Date == new DateOnly(2008, 7, 14)).Select(m => m.Id).SingleAsync(),
            await db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync()));
        var english = culture == "en-GB";
        var page = await NewPageAsync(culture);
        foreach (var path in english ? ["/meetings", "/meetings?view=grid", "/meetings/bodies/emap-cs", $"/meetings/{july}", $"/meetings/{august}"] : new[] { "/meetings?view=grid", $"/meetings/{august}" })
        {
            await ScanAsync(page, path);
        }

        await GoToAsync(page, $"/meetings/{august}");
        await Assertions.Expect(page.Locator(".withheld")).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"meeting-public-private-item-{culture}");
        await GoToAsync(page, "/meetings?view=grid");
        await ScreenshotAsync(page, $"meetings-grid-{culture}");

        await SignInToAsync(page, DemoUsers.Administrator, "/meetings");
        await page.Locator(".personal-feed button").ClickAsync();
        await Assertions.Expect(page.Locator("#feed-address")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/meetings/feeds/.+\\.ics$"));
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"meetings-list-{culture}");
        // In Swedish the Swedish demo's own pages are scanned by SwedishMeetingBrowserTests; here the forms.
        foreach (var path in english ? ["/meetings/bodies", "/meetings/bodies/emg", "/meetings/bodies/new", $"/meetings/{upcoming}", $"/meetings/{emg}"] : new[] { "/meetings/bodies/emg", $"/meetings/{upcoming}" })
        {
            await GoToAsync(page, path);
            foreach (var details in await page.Locator("details").AllAsync())
            {
                await details.Locator("summary").ClickAsync();
            }

            await AssertAccessibleAsync(page);
        }

        await GoToAsync(page, $"/meetings/{emg}");
        await ScreenshotAsync(page, $"meeting-emg-{culture}");
        await GoToAsync(page, "/meetings/bodies/emg");
        await ScreenshotAsync(page, $"body-emg-{culture}");
    }

    private Task<int> NextMeetingAsync(string slug) =>
        App.QueryAsync(db =>
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            return db.Meetings.Where(m => m.BodyId == db.Bodies.Single(b => b.Slug == slug).Id && m.Date > today && m.Status == MeetingStatus.Scheduled)
                .OrderBy(m => m.Date).Select(m => m.Id).FirstAsync();
        });
}

/// <summary>The Swedish demo: Nybro's KLG and KSAU, with the protokoll's deadlines, in Swedish.</summary>
public sealed class SwedishMeetingBrowserTests(BrowserSession session) : BrowserTest(session)
{
    protected override string Demo => "sv";

    [Fact]
    public async Task TheProtokollShowsItsSigningPostingAndAppealDatesAndEveryPageIsAccessible()
    {
        var (signed, draft) = await App.QueryAsync(async db =>
        {
            var ksau = await db.Bodies.SingleAsync(b => b.Slug == "ksau");
            var held = db.Meetings.Where(m => m.BodyId == ksau.Id && m.Status == MeetingStatus.Held).OrderByDescending(m => m.Date);
            return (await held.Where(m => m.Record == RecordStatus.Signed).Select(m => m.Id).FirstAsync(), await held.Where(m => m.Record == RecordStatus.Draft).Select(m => m.Id).FirstAsync());
        });
        var page = await NewPageAsync("sv-SE");
        await SignInToAsync(page, "ordforande@nybro.example", $"/meetings/{signed}");

        var record = page.Locator("section[aria-labelledby='record-title']");
        await Assertions.Expect(record).ToContainTextAsync("Justerat");
        await Assertions.Expect(record).ToContainTextAsync("Ska justeras senast");
        await Assertions.Expect(record).ToContainTextAsync("Överklagandetiden går ut");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "ksau-protokoll-sv");

        page = await NewPageAsync("sv-SE");
        await SignInToAsync(page, "admin@nybro.example", $"/meetings/{draft}");
        await Assertions.Expect(page.Locator("#sign-names")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        foreach (var path in new[] { "/meetings", "/meetings/bodies", "/meetings/bodies/klg", "/meetings/bodies/ksau" })
        {
            await ScanAsync(page, path);
        }

        await ScreenshotAsync(page, "ksau-body-sv");
        await GoToAsync(page, "/meetings/bodies/klg");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Varannan måndag från 4 sep. 2017");
        await ScreenshotAsync(page, "klg-body-sv");
    }
}
