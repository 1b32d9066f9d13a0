using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Meetings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser.Journeys;

/// <summary>
/// A director's week: Heather Rice signs in, reads her dashboard, records progress on an overdue
/// action while a colleague's open dashboard follows it, then looks at this month's management
/// meetings and reads next Tuesday's agenda with the actions carried to it.
/// </summary>
public sealed class DirectorJourneyTests(BrowserSession session) : JourneyTest(session)
{
    [Fact]
    public async Task ADirectorsWeek()
    {
        var today = Today;
        var director = await NewPageAsync();
        await SignInAsync(director, DemoUsers.Director);
        await WaitForInteractiveAsync(director);
        await ArriveAsync(director, "Council governance in one place");

        await UseMenuAsync(director, "Plans");
        await ArriveAsync(director, "Directorate plans");
        await director.GetByRole(AriaRole.Link, new() { Name = "Dashboard for Chief Executive's Directorate Plan" }).ClickAsync();
        await WaitForInteractiveAsync(director);
        await ArriveAsync(director, "Director's dashboard");
        var dashboard = await ReadDashboardAsync(director, today);

        // A colleague keeps the same dashboard open in another browser.
        var colleague = await NewPageAsync();
        await SignInToAsync(colleague, DemoUsers.Director, new Uri(director.Url).PathAndQuery);
        await Assertions.Expect(colleague.Locator("#overdue-title")).ToHaveTextAsync($"Overdue actions ({dashboard.Overdue.Count})");

        // The director opens the first overdue action and records that it is done.
        var overdue = dashboard.Overdue[0];
        await director.Locator("section[aria-labelledby='overdue-title']").GetByRole(AriaRole.Link, new() { Name = overdue }).ClickAsync();
        await ArriveAsync(director, overdue);
        await Assertions.Expect(director.Locator("#action-state")).ToContainTextAsync("Overdue");
        var priority = (await director.Locator("dt:text-is('Priority') + dd").InnerTextAsync()).Trim();
        await director.Locator("#progress-status").SelectOptionAsync("Completed");
        await director.Locator("#progress-percent").FillAsync("100");
        await director.Locator("#progress-commentary").FillAsync("Published on the council's website and sent to every partner.");
        await director.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Assertions.Expect(director.GetByText("Your update has been posted.")).ToBeVisibleAsync();
        await Assertions.Expect(director.Locator("#action-state")).Not.ToContainTextAsync("Overdue");

        // The colleague's dashboard changes by itself: one overdue action fewer, one more completed under its priority.
        await Assertions.Expect(colleague.Locator("#overdue-title")).ToHaveTextAsync($"Overdue actions ({dashboard.Overdue.Count - 1})");
        await Assertions.Expect(colleague.Locator("section[aria-labelledby='overdue-title']")).Not.ToContainTextAsync(overdue);
        var row = colleague.Locator("section[aria-labelledby='counts-title'] tbody tr").Filter(new() { Has = colleague.Locator("th", new() { HasText = priority }) });
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync((dashboard.Completed[priority] + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ScreenshotAsync(colleague, "journey-director-dashboard-after-update");

        // This month's meetings: every Tuesday's Executive Management Group and the Senior Management Group.
        await UseMenuAsync(director, "Meetings");
        await ArriveAsync(director, "Meetings");
        await Assertions.Expect(director.GetByRole(AriaRole.Heading, new() { Level = 2, Name = today.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) })).ToBeVisibleAsync();
        foreach (var tuesday in Tuesdays(today.Year, today.Month))
        {
            var day = WorkingDays.OnOrAfter(tuesday, EnglandAndWalesBankHolidays.Instance);
            await Assertions.Expect(director.Locator($"section[aria-labelledby='day-{day.Day}']"))
                .ToContainTextAsync("Executive Management Group", new() { Timeout = 2_000 });
        }

        var smgDay = WorkingDays.OnOrAfter(WorkingDays.NthWeekday(today.Year, today.Month, DayOfWeek.Tuesday, 1), EnglandAndWalesBankHolidays.Instance);
        await Assertions.Expect(director.Locator($"section[aria-labelledby='day-{smgDay.Day}']")).ToContainTextAsync("Senior Management Group");
        await ScreenshotAsync(director, "journey-director-meetings");

        // Next Tuesday's meeting: its agenda and the actions still open from earlier meetings.
        var next = await App.QueryAsync(db => db.Meetings
            .Where(m => db.Bodies.Any(b => b.Id == m.BodyId && b.Slug == "emg") && m.Date > today && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).Select(m => new { m.Id, m.Date }).FirstAsync());
        if (next.Date.Month != today.Month)
        {
            await director.GetByRole(AriaRole.Link, new() { Name = "Next month" }).ClickAsync();
        }

        await director.Locator($"section[aria-labelledby='day-{next.Date.Day}']").GetByRole(AriaRole.Link, new() { Name = "Executive Management Group" }).ClickAsync();
        await WaitForInteractiveAsync(director);
        await ArriveAsync(director, "Executive Management Group");
        await Assertions.Expect(director.Locator("h1 .subtitle")).ToContainTextAsync(next.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        var agenda = director.Locator("section.agenda");
        var items = await App.QueryAsync(db => db.AgendaItems.Where(i => i.MeetingId == next.Id).OrderBy(i => i.Number).Select(i => i.Title).ToListAsync());
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            await Assertions.Expect(agenda).ToContainTextAsync(item);
        }

        var carried = director.Locator("section.meeting-actions table").Filter(new() { HasText = "Actions from earlier meetings" });
        var open = await App.QueryAsync(db => db.AgreedActions
            .Where(a => a.BodyId == db.Meetings.Where(m => m.Id == next.Id).Select(m => m.BodyId).First() && a.CompletedOn == null)
            .Select(a => a.Text).ToListAsync());
        Assert.NotEmpty(open);
        foreach (var action in open)
        {
            await Assertions.Expect(carried).ToContainTextAsync(action);
        }

        await ScreenshotAsync(director, "journey-director-next-emg");
        AssertTheServerLoggedNoErrors();
    }

    /// <summary>What the dashboard says, checked against itself and today as the person would read it.</summary>
    private static async Task<DashboardReading> ReadDashboardAsync(IPage page, DateOnly today)
    {
        // Each priority's actions by RAG; an overdue action is always red.
        var rows = page.Locator("section[aria-labelledby='counts-title'] tbody tr");
        var completed = new Dictionary<string, int>();
        var red = 0;
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
            var name = (await rows.Nth(i).Locator("th").InnerTextAsync()).Trim();
            Assert.All(cells, c => Assert.True(int.TryParse(c, out var n) && n >= 0, $"'{c}' in the row of {name} is not a count"));
            red += int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture);
            completed[name] = int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.True(completed.Count >= 2, "The dashboard shows fewer than two priorities.");

        // Overdue actions: as many rows as the heading says, each due before today and marked overdue in words.
        var overdueRows = page.Locator("section[aria-labelledby='overdue-title'] tbody tr");
        var overdue = new List<string>();
        for (var i = 0; i < await overdueRows.CountAsync(); i++)
        {
            var row = overdueRows.Nth(i);
            overdue.Add((await row.Locator("td").First.InnerTextAsync()).Trim());
            var dueOn = (await row.Locator("td").Nth(3).InnerTextAsync()).Replace("Overdue", string.Empty, StringComparison.Ordinal);
            Assert.True(ReadShortDate(dueOn) < today, $"'{overdue[^1]}' is listed as overdue but is due {dueOn.Trim()}");
            await Assertions.Expect(row).ToContainTextAsync("Overdue");
        }

        Assert.NotEmpty(overdue);
        await Assertions.Expect(page.Locator("#overdue-title")).ToHaveTextAsync($"Overdue actions ({overdue.Count})");
        Assert.True(red >= overdue.Count, $"{overdue.Count} actions are overdue but only {red} are counted red.");

        // Indicators off target: as many as the heading says, each red or amber in words.
        var offTarget = page.Locator("section[aria-labelledby='off-target-title'] tbody tr");
        await Assertions.Expect(page.Locator("#off-target-title")).ToHaveTextAsync($"Indicators off target this period ({await offTarget.CountAsync()})");
        foreach (var rag in await offTarget.Locator(".status-tag").AllInnerTextsAsync())
        {
            Assert.Contains(rag.Trim(), new[] { "Red", "Amber" });
        }

        // What falls due: nothing beyond the fortnight, and anything already past its date says it is overdue.
        var due = page.Locator("section[aria-labelledby='due-title'] li");
        Assert.True(await due.CountAsync() > 0, "Nothing is due in the next fortnight on an ordinary day of the demo.");
        for (var i = 0; i < await due.CountAsync(); i++)
        {
            var item = due.Nth(i);
            var date = ReadShortDate(await item.Locator("strong").InnerTextAsync());
            var text = await item.InnerTextAsync();
            Assert.True(date <= today.AddDays(14), $"'{text}' is listed as due within 14 days.");
            Assert.True(date >= today || text.Contains("Overdue", StringComparison.Ordinal), $"'{text}' is past its date but not said to be overdue.");
        }

        return new DashboardReading(overdue, completed);
    }

    private static IEnumerable<DateOnly> Tuesdays(int year, int month)
    {
        for (var day = new DateOnly(year, month, 1); day.Month == month; day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Tuesday)
            {
                yield return day;
            }
        }
    }

    private sealed record DashboardReading(IReadOnlyList<string> Overdue, IReadOnlyDictionary<string, int> Completed);
}
