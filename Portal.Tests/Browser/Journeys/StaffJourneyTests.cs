using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser.Journeys;

/// <summary>
/// A member of staff tracing an objective: Barbara Boyce reads what each of her objectives
/// serves, level by level up to the community strategy, follows the thread up a level and back
/// down, and opens the explorer from the community strategy down to her own objective.
/// </summary>
public sealed class StaffJourneyTests(BrowserSession session) : JourneyTest(session)
{
    private static readonly string[] Levels =
        ["Team workplan item", "Service plan objective", "Directorate plan priority", "Corporate strategy", "Community strategy"];

    [Fact]
    public async Task AMemberOfStaffTracesAnObjective()
    {
        var objectives = await App.QueryAsync(db => db.AppraisalObjectives
            .Where(o => db.Appraisals.Any(a => a.Id == o.AppraisalId && db.People.Any(p => p.Id == a.PersonId && p.DisplayName == "Barbara Boyce")))
            .Select(o => new { o.Id, o.Text, o.AppraisalId })
            .ToListAsync());
        var page = await NewPageAsync();
        await SignInAsync(page, DemoUsers.Officer);
        await WaitForInteractiveAsync(page);
        await ArriveAsync(page, "Council governance in one place");

        await UseMenuAsync(page, "Golden thread");
        await ArriveAsync(page, "My objectives");

        // Each objective of this year, with every path it serves, whole, in order, up to the community strategy.
        // The page says "Loading" until they are read: on SQLite the read finishes before the first
        // render, on PostgreSQL (real asynchronous I/O) it may not, so wait for them.
        var shown = page.Locator("article.objective");
        await Assertions.Expect(shown.First).ToBeVisibleAsync();
        Assert.True(await shown.CountAsync() >= 2, "Barbara's objectives for this year are not on the page.");
        for (var i = 0; i < await shown.CountAsync(); i++)
        {
            var objective = shown.Nth(i);
            var title = (await objective.Locator("h3").InnerTextAsync()).Trim();
            Assert.Contains(objectives, o => o.Text == title);
            var paths = objective.Locator("ol.thread-path");
            Assert.True(await paths.CountAsync() >= 1, $"'{title}' shows no path up the thread.");
            for (var p = 0; p < await paths.CountAsync(); p++)
            {
                var levels = await paths.Nth(p).Locator(".thread-level").AllInnerTextsAsync();
                Assert.Equal(Levels, levels.Select(l => l.Trim()));
                Assert.All(await paths.Nth(p).Locator("li a").AllInnerTextsAsync(), t => Assert.False(string.IsNullOrWhiteSpace(t)));
            }

            await Assertions.Expect(objective).Not.ToContainTextAsync("Broken thread");
        }

        // Up: from her first objective's team item to the service objective it serves.
        var first = shown.First;
        var objectiveText = (await first.Locator("h3").InnerTextAsync()).Trim();
        var teamItem = (await first.Locator("ol.thread-path li").First.Locator("a").InnerTextAsync()).Trim();
        var serviceObjective = (await first.Locator("ol.thread-path li").Nth(1).Locator("a").InnerTextAsync()).Trim();
        await first.Locator("ol.thread-path li").First.Locator("a").ClickAsync();
        await WaitForInteractiveAsync(page);
        await ArriveAsync(page, teamItem);
        var serves = page.Locator("ol.thread-path").First;
        await Assertions.Expect(serves.Locator("li").First).ToContainTextAsync(serviceObjective);
        // Down: what contributes to the team item includes her own objective, by name.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = objectiveText })).ToBeVisibleAsync();

        await serves.Locator("li").First.GetByRole(AriaRole.Link, new() { Name = serviceObjective }).ClickAsync();
        await WaitForInteractiveAsync(page);
        await ArriveAsync(page, serviceObjective);
        await page.GetByRole(AriaRole.Link, new() { Name = teamItem, Exact = true }).Last.ClickAsync();
        await WaitForInteractiveAsync(page);
        await ArriveAsync(page, teamItem);
        await ScreenshotAsync(page, "journey-staff-team-item");

        // The explorer, from the community strategy down to her objective, one level at a time.
        await UseMenuAsync(page, "Golden thread");
        await ArriveAsync(page, "My objectives");
        // Read the path once the objectives are on the page again (on PostgreSQL they may follow the first render).
        await Assertions.Expect(first.Locator("ol.thread-path").First.Locator("li a")).ToHaveCountAsync(Levels.Length);
        var path = (await first.Locator("ol.thread-path").First.Locator("li a").AllInnerTextsAsync()).Select(t => t.Trim()).Reverse().ToList();
        await page.GetByRole(AriaRole.Link, new() { Name = "Explore the thread downwards" }).ClickAsync();
        await WaitForInteractiveAsync(page);
        await ArriveAsync(page, "Explore the thread downwards");
        foreach (var title in path)
        {
            var open = page.GetByRole(AriaRole.Button, new() { Name = $"Show what contributes to {title}", Exact = true }).First;
            await open.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Hide what contributes to {title}" }).First).ToHaveAttributeAsync("aria-expanded", "true");
        }

        var mine = page.Locator(".explorer .explorer-row").Filter(new() { HasText = objectiveText });
        await Assertions.Expect(mine.First).ToContainTextAsync("Staff objective");
        await Assertions.Expect(mine.First.GetByRole(AriaRole.Link, new() { Name = objectiveText })).ToBeVisibleAsync();
        await PassAsync(page);
        await ScreenshotAsync(page, "journey-staff-explorer");
        AssertTheServerLoggedNoErrors();
    }
}
