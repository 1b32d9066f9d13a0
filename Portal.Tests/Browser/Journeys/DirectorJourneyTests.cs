using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Meetings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser.Journeys;

/// <summary>
/// A director's week, walked in each demo council in its own language: the director signs in,
/// reads her dashboard (checked against itself and today), records progress on an overdue
/// action while a colleague's open dashboard follows it, then reads this month's management
/// meetings and the next one's agenda with the actions carried to it.
/// </summary>
public abstract class DirectorJourneyTests(BrowserSession session) : JourneyTest(session)
{
    /// <summary>Who the director is, and the groups whose meetings fill her month.</summary>
    protected abstract DirectorsCouncil Council { get; }

    [Fact]
    public async Task ADirectorsWeek()
    {
        var today = Today;
        var council = Council;
        var culture = council.Culture;
        string Say(string key, params object[] args) => Words(culture, key, args);

        var director = await NewPageAsync(culture);
        await SignInAsync(director, council.Email);
        await WaitForInteractiveAsync(director);
        await ArriveAsync(director, Say("Home.Title"));

        await UseMenuAsync(director, Say("Nav.Plans"));
        await ArriveAsync(director, Say("Plans.Title"));
        var plan = await App.QueryAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Title).FirstAsync());
        await director.GetByRole(AriaRole.Link, new() { Name = Say("Plans.DashboardFor", plan) }).ClickAsync();
        await WaitForInteractiveAsync(director);
        await ArriveAsync(director, Say("Dashboard.Title"));
        var dashboard = await ReadDashboardAsync(director, today, culture);

        // A colleague keeps the same dashboard open in another browser.
        var colleague = await NewPageAsync(culture);
        await SignInToAsync(colleague, council.Email, new Uri(director.Url).PathAndQuery);
        await Assertions.Expect(colleague.Locator("#overdue-title")).ToHaveTextAsync(Say("Dashboard.Overdue", dashboard.Overdue.Count));

        // The director opens the first overdue action and records that it is done.
        var overdue = dashboard.Overdue[0];
        await director.Locator("section[aria-labelledby='overdue-title']").GetByRole(AriaRole.Link, new() { Name = overdue }).ClickAsync();
        await ArriveAsync(director, overdue);
        await Assertions.Expect(director.Locator("#action-state")).ToContainTextAsync(Say("Action.Overdue"));
        var priority = (await director.Locator($"dt:text-is('{Say("Action.Priority")}') + dd").InnerTextAsync()).Trim();
        await director.Locator("#progress-status").SelectOptionAsync("Completed");
        await director.Locator("#progress-percent").FillAsync("100");
        await director.Locator("#progress-commentary").FillAsync(council.ProgressNote);
        await director.GetByRole(AriaRole.Button, new() { Name = Say("Progress.Submit") }).ClickAsync();
        await Assertions.Expect(director.GetByText(Say("Progress.Saved"))).ToBeVisibleAsync();
        await Assertions.Expect(director.Locator("#action-state")).Not.ToContainTextAsync(Say("Action.Overdue"));
        await PassAsync(director);

        // The colleague's dashboard changes by itself: one overdue action fewer, one more completed under its priority.
        await Assertions.Expect(colleague.Locator("#overdue-title")).ToHaveTextAsync(Say("Dashboard.Overdue", dashboard.Overdue.Count - 1));
        await Assertions.Expect(colleague.Locator("section[aria-labelledby='overdue-title']")).Not.ToContainTextAsync(overdue);
        var row = colleague.Locator("section[aria-labelledby='counts-title'] tbody tr").Filter(new() { Has = colleague.Locator("th", new() { HasText = priority }) });
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync((dashboard.Completed[priority] + 1).ToString(CultureInfo.InvariantCulture));
        await ScreenshotAsync(colleague, $"journey-director-dashboard-{culture}");

        // This month's meetings: every meeting of the management group and of the other body that meets through the month.
        await UseMenuAsync(director, Say("Nav.Meetings"));
        await ArriveAsync(director, Say("Meetings.Title"));
        var month = CultureInfo.GetCultureInfo(culture).TextInfo.ToTitleCase(today.ToString("MMMM yyyy", CultureInfo.GetCultureInfo(culture)));
        await Assertions.Expect(director.GetByRole(AriaRole.Heading, new() { Level = 2, Name = month })).ToBeVisibleAsync();
        foreach (var body in new[] { council.Group, council.Other })
        {
            var days = body.DaysIn(today.Year, today.Month).ToList();
            Assert.NotEmpty(days);
            foreach (var day in days)
            {
                await Assertions.Expect(director.Locator($"section[aria-labelledby='day-{day.Day}']")).ToContainTextAsync(body.Name);
            }
        }

        await ScreenshotAsync(director, $"journey-director-meetings-{culture}");

        // The group's next meeting: its agenda and the actions still open from its earlier meetings.
        var next = await App.QueryAsync(db => db.Meetings
            .Where(m => db.Bodies.Any(b => b.Id == m.BodyId && b.Slug == council.Group.Slug) && m.Date > today && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).Select(m => new { m.Id, m.Date, m.BodyId }).FirstAsync());
        if (next.Date.Month != today.Month)
        {
            await director.GetByRole(AriaRole.Link, new() { Name = Say("Meetings.NextMonth"), Exact = true }).ClickAsync();
            await WaitForInteractiveAsync(director);
        }

        await director.Locator($"section[aria-labelledby='day-{next.Date.Day}']").GetByRole(AriaRole.Link, new() { Name = council.Group.Name }).ClickAsync();
        await WaitForInteractiveAsync(director);
        await ArriveAsync(director, council.Group.Name);
        await Assertions.Expect(director.Locator("h1 .subtitle")).ToContainTextAsync(next.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(culture)));
        var agenda = director.Locator("section.agenda");
        var items = await App.QueryAsync(db => db.AgendaItems.Where(i => i.MeetingId == next.Id).OrderBy(i => i.Number).Select(i => i.Title).ToListAsync());
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            await Assertions.Expect(agenda).ToContainTextAsync(item);
        }

        var carried = director.Locator("section.meeting-actions table").Filter(new() { HasText = Say("MeetingActions.Carried") });
        var open = await App.QueryAsync(db => db.AgreedActions
            .Where(a => a.BodyId == next.BodyId && a.CompletedOn == null && db.Meetings.Any(m => m.Id == a.MeetingId && m.Date < next.Date))
            .Select(a => a.Text).ToListAsync());
        Assert.NotEmpty(open);
        foreach (var action in open)
        {
            await Assertions.Expect(carried).ToContainTextAsync(action);
        }

        await PassAsync(director);
        await ScreenshotAsync(director, $"journey-director-next-meeting-{culture}");
        AssertTheServerLoggedNoErrors();
    }

    /// <summary>What the dashboard says, checked against itself and against today as the person would read it.</summary>
    private static async Task<DashboardReading> ReadDashboardAsync(IPage page, DateOnly today, string culture)
    {
        string Say(string key, params object[] args) => Words(culture, key, args);

        // Each priority's actions by RAG; an overdue action is always red.
        var rows = page.Locator("section[aria-labelledby='counts-title'] tbody tr");
        var completed = new Dictionary<string, int>();
        var red = 0;
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
            var name = (await rows.Nth(i).Locator("th").InnerTextAsync()).Trim();
            Assert.All(cells, c => Assert.True(int.TryParse(c, out var n) && n >= 0, $"'{c}' in the row of {name} is not a count"));
            red += int.Parse(cells[0], CultureInfo.InvariantCulture);
            completed[name] = int.Parse(cells[3], CultureInfo.InvariantCulture);
        }

        Assert.True(completed.Count >= 2, "The dashboard shows fewer than two priorities.");

        // Overdue actions: as many rows as the heading says, each due before today and said to be overdue in words.
        var overdueRows = page.Locator("section[aria-labelledby='overdue-title'] tbody tr");
        var overdue = new List<string>();
        for (var i = 0; i < await overdueRows.CountAsync(); i++)
        {
            var row = overdueRows.Nth(i);
            overdue.Add((await row.Locator("td").First.InnerTextAsync()).Trim());
            var dueOn = (await row.Locator("td").Nth(3).InnerTextAsync()).Replace(Say("Action.Overdue"), string.Empty, StringComparison.Ordinal);
            Assert.True(ReadShortDate(dueOn, culture) < today, $"'{overdue[^1]}' is listed as overdue but is due {dueOn.Trim()}");
            await Assertions.Expect(row).ToContainTextAsync(Say("Action.Overdue"));
        }

        Assert.NotEmpty(overdue);
        await Assertions.Expect(page.Locator("#overdue-title")).ToHaveTextAsync(Say("Dashboard.Overdue", overdue.Count));
        Assert.True(red >= overdue.Count, $"{overdue.Count} actions are overdue but only {red} are counted red.");

        // Indicators off target: as many as the heading says, each red or amber in words.
        var offTarget = page.Locator("section[aria-labelledby='off-target-title'] tbody tr");
        await Assertions.Expect(page.Locator("#off-target-title")).ToHaveTextAsync(Say("Dashboard.OffTarget", await offTarget.CountAsync()));
        foreach (var rag in await offTarget.Locator(".status-tag").AllInnerTextsAsync())
        {
            Assert.Contains(rag.Trim(), new[] { Say("Rag.Red"), Say("Rag.Amber") });
        }

        // What falls due: nothing beyond the fortnight, and anything already past its date says it is overdue.
        var due = page.Locator("section[aria-labelledby='due-title'] li");
        Assert.True(await due.CountAsync() > 0, "Nothing is due in the next fortnight on an ordinary day of the demo.");
        for (var i = 0; i < await due.CountAsync(); i++)
        {
            var item = due.Nth(i);
            var date = ReadShortDate(await item.Locator("strong").InnerTextAsync(), culture);
            var text = await item.InnerTextAsync();
            Assert.True(date <= today.AddDays(14), $"'{text}' is listed as due within 14 days.");
            Assert.True(date >= today || text.Contains(Say("Action.Overdue"), StringComparison.Ordinal), $"'{text}' is past its date but not said to be overdue.");
        }

        return new DashboardReading(overdue, completed);
    }

    private sealed record DashboardReading(IReadOnlyList<string> Overdue, IReadOnlyDictionary<string, int> Completed);
}

/// <summary>A demo council as its director lives it: who signs in, in which language, and the two bodies that meet through her month.</summary>
public sealed record DirectorsCouncil(string Culture, string Email, string ProgressNote, MeetingRhythm Group, MeetingRhythm Other);

/// <summary>A body by its address and name, and the days it meets in a month, worked out here from its published rhythm.</summary>
public sealed record MeetingRhythm(string Slug, string Name, Func<int, int, IEnumerable<DateOnly>> DaysIn)
{
    /// <summary>Every <paramref name="weekday"/>, moved to the next working day where it is a holiday, that falls in the month.</summary>
    public static Func<int, int, IEnumerable<DateOnly>> Every(DayOfWeek weekday, IHolidayCalendar holidays) =>
        (year, month) => Around(year, month).Where(d => d.DayOfWeek == weekday).Select(d => WorkingDays.OnOrAfter(d, holidays)).Where(d => d.Month == month);

    /// <summary>Every other <paramref name="weekday"/> counted from <paramref name="first"/>, a holiday moved on or skipped, that falls in the month.</summary>
    public static Func<int, int, IEnumerable<DateOnly>> EveryOther(DateOnly first, IHolidayCalendar holidays, bool skipHolidays) =>
        (year, month) => Around(year, month)
            .Where(d => d.DayNumber >= first.DayNumber && (d.DayNumber - first.DayNumber) % 14 == 0)
            .Where(d => !skipHolidays || holidays.IsWorkingDay(d))
            .Select(d => WorkingDays.OnOrAfter(d, holidays))
            .Where(d => d.Month == month);

    /// <summary>The <paramref name="week"/>th <paramref name="weekday"/> of the month, moved on where it is a holiday.</summary>
    public static Func<int, int, IEnumerable<DateOnly>> Nth(DayOfWeek weekday, int week, IHolidayCalendar holidays) =>
        (year, month) => [WorkingDays.OnOrAfter(WorkingDays.NthWeekday(year, month, weekday, week), holidays)];

    /// <summary>The month's days and the week before it, whose meetings a holiday can move into the month.</summary>
    private static IEnumerable<DateOnly> Around(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        for (var day = first.AddDays(-7); day.Month == month || day < first; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

/// <summary>York: Heather Rice, the Executive Management Group every Tuesday and the Senior Management Group on the first.</summary>
public sealed class EnglishDirectorJourneyTests(BrowserSession session) : DirectorJourneyTests(session)
{
    protected override DirectorsCouncil Council { get; } = new(
        "en-GB", DemoUsers.Director, "Published on the council's website and sent to every partner.",
        new("emg", "Executive Management Group", MeetingRhythm.Every(DayOfWeek.Tuesday, EnglandAndWalesBankHolidays.Instance)),
        new("smg", "Senior Management Group", MeetingRhythm.Nth(DayOfWeek.Tuesday, 1, EnglandAndWalesBankHolidays.Instance)));
}

/// <summary>Nybro, in Swedish: the kommunchef, KLG every other Monday from 4 September 2017 and KSAU every other Tuesday.</summary>
public sealed class SwedishDirectorJourneyTests(BrowserSession session) : DirectorJourneyTests(session)
{
    protected override string Demo => "sv";

    protected override DirectorsCouncil Council { get; } = new(
        "sv-SE", "kommunchef@nybro.example", "Verksamhetsplanerna är framtagna och publicerade på intranätet.",
        new("klg", "Koncernledningsgruppen", MeetingRhythm.EveryOther(new DateOnly(2017, 9, 4), SwedishPublicHolidays.Instance, skipHolidays: false)),
        new("ksau", "Kommunstyrelsens arbetsutskott", MeetingRhythm.EveryOther(new DateOnly(2026, 1, 13), SwedishPublicHolidays.Instance, skipHolidays: true)));
}
