using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Thread;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>The golden thread in a real browser: following an objective to the top, coverage, and privacy.</summary>
public sealed class ThreadBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Fact]
    public async Task AMemberOfStaffFollowsAnObjectiveUpToTheCommunityStrategy()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Officer, "/thread");

        var objective = page.Locator("article.objective").Filter(new() { HasText = "Hold four performance clinics" });
        await Assertions.Expect(objective.Locator(".thread-path li")).ToHaveCountAsync(5);
        await Assertions.Expect(objective.Locator(".thread-path li").Nth(3)).ToContainTextAsync("An effective organisation that listens to residents");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "my-objectives");

        await objective.GetByRole(AriaRole.Link, new() { Name = "Everyone can take part in the life of the city" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Everyone can take part in the life of the city");
        await Assertions.Expect(page.Locator("section[aria-labelledby='down-title'] .thread-children")).ToContainTextAsync("An effective organisation that listens to residents");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task TheExplorerOpensLevelByLevelFromTheKeyboard()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Director, "/thread/explore");

        foreach (var title in new[] { "Everyone can take part in the life of the city", "An effective organisation that listens to residents and gives value for money", "Improve performance and value for money", "Report performance to the Executive every quarter" })
        {
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = $"Show what contributes to {title}" });
            await toggle.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Hide what contributes to {title}" })).ToHaveAttributeAsync("aria-expanded", "true");
        }

        var team = page.Locator(".explorer-row").Filter(new() { HasText = "Run a performance clinic with every directorate each quarter" });
        await Assertions.Expect(team).ToContainTextAsync("Beneath: items 0, staff objectives 2");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "thread-explorer");
    }

    [Fact]
    public async Task ADirectorFindsTheSeededBrokenThreadOnTheCoveragePage()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Director, "/thread/coverage");

        await Assertions.Expect(page.Locator("section[aria-labelledby='broken-title']")).ToContainTextAsync("Support a strong local economy");
        await Assertions.Expect(page.Locator("section[aria-labelledby='orphans-title']")).ToContainTextAsync("Close the accounts by 31 May");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Chief Executive's Directorate" })).ToContainTextAsync("71%");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "thread-coverage");
    }

    [Fact]
    public async Task ADirectorLinksAnOrphanBySearchingTheLevelAboveAndCoverageUpdatesLive()
    {
        var teamItemId = await App.QueryAsync(db => db.ThreadItems.Where(i => i.Title == "Publish every agenda five clear days before the meeting").Select(i => i.Id).SingleAsync());
        var editor = await NewPageAsync();
        var watcher = await NewPageAsync();
        await SignInToAsync(watcher, DemoUsers.Administrator, "/thread/coverage");
        var orphans = watcher.Locator("section[aria-labelledby='orphans-title']");
        await Assertions.Expect(orphans).ToContainTextAsync("Publish every agenda five clear days before the meeting");
        await SignInToAsync(editor, DemoUsers.Director, $"/thread/items/5-{teamItemId}");

        await editor.Locator("#link-search").FillAsync("Executive");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Link Report performance to the Executive every quarter" }).ClickAsync();

        await Assertions.Expect(editor.Locator("section[aria-labelledby='up-title']")).ToContainTextAsync("Everyone can take part in the life of the city");
        await Assertions.Expect(orphans).Not.ToContainTextAsync("Publish every agenda five clear days before the meeting");
        await AssertAccessibleAsync(editor);
        await ScreenshotAsync(editor, "thread-item-linked");

        // The service objective above it offers to add a team item beneath, already linked.
        await editor.Locator("section[aria-labelledby='up-title']").GetByRole(AriaRole.Link, new() { Name = "Report performance to the Executive every quarter" }).ClickAsync();
        await editor.Locator("#beneath-title").WaitForAsync();
        await AssertAccessibleAsync(editor);
    }

    [Fact]
    public async Task AManagerOpensTheirReportsAppraisalAndRecordsAReviewButNotSomeoneElses()
    {
        var graceId = await App.QueryAsync(db => db.People.Where(p => p.DisplayName == "Grace Okafor").Select(p => p.Id).SingleAsync());
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Director, "/thread");

        await page.GetByRole(AriaRole.Link, new() { Name = "Appraisal of Barbara Boyce" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Barbara Boyce: appraisal");
        await Assertions.Expect(page.Locator("section[aria-labelledby='review-MidYear']")).ToContainTextAsync("Good progress; Resources still to start.");
        await page.Locator("#review-stage").SelectOptionAsync("YearEnd");
        await page.Locator("#review-rating").SelectOptionAsync("Exceeded");
        await page.Locator("#review-comment").FillAsync("Clinics running everywhere.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='review-YearEnd']")).ToContainTextAsync("Exceeded");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "appraisal");

        await GoToAsync(page, $"/thread/appraisals/{graceId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You do not have access to this page");
        Assert.DoesNotContain("committee clerks", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADirectorCannotReadTheObjectiveOfSomeoneOutsideTheirChainOnAnyPage()
    {
        const string Secret = "Train two new committee clerks";
        var (objectiveId, teamItemId) = await App.QueryAsync(async db => (
            await db.AppraisalObjectives.Where(o => o.Text == Secret).Select(o => o.Id).SingleAsync(),
            await db.ThreadItems.Where(i => i.Title == "Publish every agenda five clear days before the meeting").Select(i => i.Id).SingleAsync()));
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Director, "/thread");

        foreach (var path in new[] { $"/thread/items/6-{objectiveId}", $"/thread/items/5-{teamItemId}", "/thread/coverage", "/thread/strategy", "/thread" })
        {
            await GoToAsync(page, path);
            Assert.DoesNotContain(Secret, await page.ContentAsync(), StringComparison.Ordinal);
        }

        await GoToAsync(page, $"/thread/items/5-{teamItemId}");
        await Assertions.Expect(page.Locator("section[aria-labelledby='down-title'] .thread-children")).ToContainTextAsync("A member of staff's objective (private)");
        await AssertAccessibleAsync(page);
    }
}
