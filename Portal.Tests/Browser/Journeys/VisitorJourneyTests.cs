using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Portal.Tests.Browser.Journeys;

/// <summary>
/// A visitor reading what is public, without signing in, on a laptop, a phone and a tablet: the
/// home page, meetings by month in July 2008 and August 2009, the Employment Panel's meeting, a
/// published report and an exempt one, the decisions, the Forward Plan and search. Nothing that
/// needs a sign-in may reach them: not on a page, in its source, or in the live circuit's messages.
/// </summary>
public sealed class VisitorJourneyTests(BrowserSession session) : JourneyTest(session)
{
    [Theory]
    [MemberData(nameof(Screens))]
    public async Task AVisitorReadsWhatIsPublic(string screen)
    {
        var secrets = await PrivateText.ReadAsync(App);
        var frames = new StringBuilder();
        var visitor = await NewPageAsync(screen: Screen(screen));
        PrivateText.Collect(visitor, frames);
        await GoToAsync(visitor, "/");
        await ArriveAsync(visitor, "Council governance in one place");
        await Assertions.Expect(visitor.Locator("#coming-title")).ToHaveTextAsync("Coming meetings");
        await secrets.AssertNoneOnAsync(visitor);

        // This month's meetings: the public ones only.
        await UseMenuAsync(visitor, "Meetings");
        await ArriveAsync(visitor, "Meetings");
        await secrets.AssertNoneOnAsync(visitor);

        // York's Executive Member and Advisory Panel, 14 July 2008.
        await ShowMonthAsync(visitor, "2008-07", "July 2008");
        await Assertions.Expect(visitor.Locator("section[aria-labelledby='day-14']")).ToContainTextAsync("Executive Member for City Strategy and Advisory Panel");
        await secrets.AssertNoneOnAsync(visitor);

        // Carlisle's Employment Panel, 25 August 2009: its agenda, a public report and an exempt one.
        await ShowMonthAsync(visitor, "2009-08", "August 2009");
        await visitor.Locator("section[aria-labelledby='day-25']").GetByRole(AriaRole.Link, new() { Name = "Employment Panel" }).ClickAsync();
        await WaitForInteractiveAsync(visitor);
        await ArriveAsync(visitor, "Employment Panel");
        var agenda = visitor.Locator("section.agenda");
        await Assertions.Expect(agenda).ToContainTextAsync("Strategic Management Team: roles and responsibilities (CE 21/09)");
        await Assertions.Expect(agenda).ToContainTextAsync("Staffing matters");
        await Assertions.Expect(agenda).ToContainTextAsync("Private item");
        await secrets.AssertNoneOnAsync(visitor);

        await agenda.GetByRole(AriaRole.Link, new() { Name = "Report CE 21/09" }).ClickAsync();
        await WaitForInteractiveAsync(visitor);
        await ArriveAsync(visitor, "Transformation Programme: Restructure");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("draft Job Descriptions and Person Specifications");
        await secrets.AssertNoneOnAsync(visitor);
        await visitor.GoBackAsync();
        await WaitForInteractiveAsync(visitor);

        await visitor.Locator("section.agenda").GetByRole(AriaRole.Link, new() { Name = "Report HR 14/09" }).ClickAsync();
        await WaitForInteractiveAsync(visitor);
        await ArriveAsync(visitor, "Staffing matters: redeployment of an officer affected by the restructure");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Exempt under paragraph 1");
        await secrets.AssertNoneOnAsync(visitor);

        // The decisions, with what they changed only as far as the public may read it, and the Forward Plan.
        await UseMenuAsync(visitor, "Decisions");
        await ArriveAsync(visitor, "Decisions");
        await Assertions.Expect(visitor.Locator("main table").First).ToContainTextAsync("Chief Executive's Directorate Plan 2008-2011");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Record an officer or executive member decision" })).ToHaveCountAsync(0);
        await secrets.AssertNoneOnAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Forward Plan" }).First.ClickAsync();
        await WaitForInteractiveAsync(visitor);
        await ArriveAsync(visitor, "Forward Plan");
        var entries = await App.QueryAsync(db => db.ForwardPlan.Select(e => e.Title).ToListAsync());
        Assert.NotEmpty(entries);
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(entries[0]);
        await secrets.AssertNoneOnAsync(visitor);

        // Search finds the published report, and nothing exempt or private.
        await UseMenuAsync(visitor, "Search");
        await ArriveAsync(visitor, "Search");
        await visitor.Locator("#search-q").FillAsync("restructure");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".search-results")).ToContainTextAsync("CE 21/09");
        await PassAsync(visitor);
        await secrets.AssertNoneOnAsync(visitor);
        await ScreenshotAsync(visitor, $"journey-visitor-search-{screen}");

        // Every annex of every published report, as a download: the public ones carry nothing private, the exempt ones are refused.
        var annexes = await App.QueryAsync(db => db.Annexes
            .Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.PublishedOn != null))
            .Select(a => new { a.ReportId, a.Id }).ToListAsync());
        Assert.NotEmpty(annexes);
        foreach (var annex in annexes)
        {
            var file = await visitor.APIRequest.GetAsync($"/reports/{annex.ReportId}/annexes/{annex.Id}");
            secrets.AssertNoneIn(System.Text.Encoding.Latin1.GetString(await file.BodyAsync()), $"annex {annex.Id} of report {annex.ReportId}");
        }

        lock (frames)
        {
            Assert.True(frames.Length > 0, "No message of the live circuit was read, so none was checked.");
            secrets.AssertNoneIn(frames.ToString(), "the live circuit's messages");
        }

        AssertTheServerLoggedNoErrors();
    }

    private async Task ShowMonthAsync(IPage page, string month, string heading)
    {
        await page.Locator("#filter-month").FillAsync(month);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show meetings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = heading })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(page);
        await PassAsync(page);
    }
}
