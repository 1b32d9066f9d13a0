using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Meetings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser.Journeys;

/// <summary>
/// A member before a panel, walked in each demo council in its own language: the chair finds the
/// next meeting of a body she sits on (in the list and in the month grid, narrowed to her
/// bodies), opens its agenda pack, marks a report read, keeps a private note and asks the author
/// a question. Her colleague on the body sees neither her note nor her read mark; the public see
/// an exempt report's title and paragraph, and nothing of it or of her.
/// </summary>
public abstract class MemberJourneyTests(BrowserSession session) : JourneyTest(session)
{
    /// <summary>Who the member and her colleague are, and in which language they read.</summary>
    protected abstract PanelMembers Members { get; }

    /// <summary>The walk, on a screen of the given size.</summary>
    protected async Task WalkAsync(string screen)
    {
        var today = Today;
        var members = Members;
        var culture = members.Culture;
        string Say(string key, params object[] args) => Words(culture, key, args);
        var next = await NextMeetingOfHerBodiesAsync(today, members.Name);
        var potter = await NewPageAsync(culture, Screen(screen));
        await SignInAsync(potter, members.Email);
        await WaitForInteractiveAsync(potter);
        await ArriveAsync(potter, Say("Home.Title"));
        await Assertions.Expect(potter.Locator("section[aria-labelledby='coming-title'] li").Filter(new() { HasText = next.Body }).First)
            .ToContainTextAsync(Say("Meetings.YouAreMember"));

        // What the portal has told her so far: each line names one of her bodies, none anyone else's.
        var told = await ToldAsync(members.Name);
        await potter.Locator("a.notification-count").ClickAsync();
        await ArriveAsync(potter, Say("Notify.Title"));
        await Assertions.Expect(potter.Locator(".notification-list li")).ToHaveCountAsync(told.Count);
        foreach (var line in await potter.Locator(".notification-list li a").AllInnerTextsAsync())
        {
            Assert.Contains(told, subject => line.Contains(subject, StringComparison.Ordinal));
            Assert.Contains(next.HerBodies, body => line.Contains(body, StringComparison.Ordinal));
        }

        // Her bodies' meetings, this month and on to the next one.
        await UseMenuAsync(potter, Say("Nav.Meetings"));
        await ArriveAsync(potter, Say("Meetings.Title"));
        await potter.GetByLabel(Say("Meetings.Mine")).CheckAsync();
        await potter.GetByRole(AriaRole.Button, new() { Name = Say("Meetings.Apply") }).ClickAsync();
        await potter.WaitForURLAsync("**mine=true**");
        await WaitForInteractiveAsync(potter);
        for (var month = new DateOnly(today.Year, today.Month, 1); month < new DateOnly(next.Date.Year, next.Date.Month, 1); month = month.AddMonths(1))
        {
            await AssertOnlyHerBodiesAsync(potter, next.HerBodies);
            await potter.GetByRole(AriaRole.Link, new() { Name = Say("Meetings.NextMonth"), Exact = true }).ClickAsync();
            await WaitForInteractiveAsync(potter);
        }

        var nextMonth = CultureInfo.GetCultureInfo(culture).TextInfo.ToTitleCase(next.Date.ToString("MMMM yyyy", CultureInfo.GetCultureInfo(culture)));
        await Assertions.Expect(potter.GetByRole(AriaRole.Heading, new() { Level = 2, Name = nextMonth })).ToBeVisibleAsync();
        await AssertOnlyHerBodiesAsync(potter, next.HerBodies);
        await Assertions.Expect(potter.Locator($"section[aria-labelledby='day-{next.Date.Day}']")).ToContainTextAsync(next.Body);
        await PassAsync(potter);

        // The same month as a grid: the meeting is in its day, and opens from there.
        await potter.GetByRole(AriaRole.Link, new() { Name = Say("Meetings.GridView") }).ClickAsync();
        await WaitForInteractiveAsync(potter);
        var cell = potter.Locator("table.month-grid td").Filter(new() { Has = potter.Locator(".day-number", new() { HasTextRegex = new($"^{next.Date.Day}(\\s|$)") }) });
        await Assertions.Expect(cell.GetByRole(AriaRole.Link).Filter(new() { HasText = next.Body })).ToBeVisibleAsync();
        await PassAsync(potter);
        await cell.GetByRole(AriaRole.Link).Filter(new() { HasText = next.Body }).ClickAsync();
        await WaitForInteractiveAsync(potter);
        await ArriveAsync(potter, next.Body);
        await Assertions.Expect(potter.Locator("h1 .subtitle")).ToContainTextAsync(next.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(culture)));

        // Her agenda pack: one report read, a private note, a question to its author.
        var openPack = Say("Agenda.OpenPack.Other", 2).Split(" (")[0];
        await potter.GetByRole(AriaRole.Link, new() { NameRegex = new("^" + System.Text.RegularExpressions.Regex.Escape(openPack)) }).ClickAsync();
        await WaitForInteractiveAsync(potter);
        await ArriveAsync(potter, Say("Pack.Heading", next.Body));
        var report = potter.Locator("section.pack-item").Filter(new() { Has = potter.Locator("section.reader-tools") }).First;
        var reportTitle = (await report.Locator("h2").InnerTextAsync()).Trim();
        await report.GetByRole(AriaRole.Button, new() { Name = Say("Reader.MarkRead") }).ClickAsync();
        await Assertions.Expect(report.Locator(".reader-tools .status-tag").First).ToHaveTextAsync(Say("Reader.Read"));
        await report.GetByLabel(Say("Reader.Note")).FillAsync(members.Note);
        await report.GetByRole(AriaRole.Button, new() { Name = Say("Reader.SaveNote") }).ClickAsync();
        await Assertions.Expect(report.Locator(".saved-message")).ToHaveTextAsync(Say("Reader.NoteSaved"));
        await report.Locator("textarea[id^=question-]").FillAsync(members.Question);
        await report.GetByRole(AriaRole.Button, new() { Name = Say("Reader.SendQuestion") }).ClickAsync();
        await Assertions.Expect(report.Locator(".question-list")).ToContainTextAsync(members.Question);
        await Assertions.Expect(potter.Locator(".pack-contents .status-tag")).ToHaveTextAsync(Say("Reader.Read"));
        await PassAsync(potter);
        await ScreenshotAsync(potter, $"journey-member-pack-{culture}-{screen}");
        var pack = new Uri(potter.Url).AbsolutePath;

        // Her colleague on the panel: the report is not read by him, and her note is nowhere.
        var walker = await NewPageAsync(culture);
        await SignInToAsync(walker, members.ColleagueEmail, pack);
        var same = walker.Locator("section.pack-item").Filter(new() { Has = walker.Locator("h2", new() { HasText = reportTitle }) });
        await Assertions.Expect(same.Locator(".reader-tools .status-tag").First).ToHaveTextAsync(Say("Reader.NotRead"));
        await Assertions.Expect(same.GetByLabel(Say("Reader.Note"))).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain(members.Note, await walker.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(walker.Locator(".pack-contents .status-tag")).ToHaveCountAsync(0);

        // The public: every item's title, the exempt report's paragraph, and nothing else of it or of her.
        var secrets = await PrivateText.ReadAsync(App);
        var frames = new StringBuilder();
        var visitor = await NewPageAsync(culture, Screen(screen));
        PrivateText.Collect(visitor, frames);
        await GoToAsync(visitor, pack);
        await ArriveAsync(visitor, Say("Pack.Heading", next.Body));
        foreach (var exempt in next.ExemptReports)
        {
            var item = visitor.Locator("section.pack-item").Filter(new() { HasText = exempt });
            await Assertions.Expect(item).ToContainTextAsync(Say("Report.ExemptUnder", 1));
            await Assertions.Expect(item.Locator(".exempt-notice")).ToContainTextAsync(Say("Report.ExemptWithheld").Split(". ")[0]);
        }

        await secrets.AssertNoneOnAsync(visitor);
        var download = await (await visitor.APIRequest.GetAsync(pack + ".html")).TextAsync();
        secrets.AssertNoneIn(download, "the pack's download");
        foreach (var text in new[] { await visitor.ContentAsync(), download })
        {
            Assert.DoesNotContain(members.Note, text, StringComparison.Ordinal);
        }

        lock (frames)
        {
            Assert.True(frames.Length > 0, "No message of the live circuit was read, so none was checked.");
            secrets.AssertNoneIn(frames.ToString(), "the live circuit's messages");
        }

        await ScreenshotAsync(visitor, $"journey-member-pack-public-{culture}-{screen}");
        AssertTheServerLoggedNoErrors();
    }

    private static async Task AssertOnlyHerBodiesAsync(IPage page, IReadOnlyList<string> herBodies)
    {
        foreach (var body in await page.Locator(".meeting-list li > a").AllInnerTextsAsync())
        {
            Assert.Contains(body.Trim(), herBodies);
        }
    }

    private Task<NextMeeting> NextMeetingOfHerBodiesAsync(DateOnly today, string name) => App.QueryAsync(async db =>
    {
        var potter = await db.People.Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync();
        var bodies = await db.Bodies.Where(b => b.Members.Any(m => m.PersonId == potter)).Select(b => new { b.Id, b.Name }).ToListAsync();
        var ids = bodies.Select(b => b.Id).ToList();
        var meeting = await db.Meetings
            .Where(m => ids.Contains(m.BodyId) && m.Date >= today && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime)
            .Select(m => new { m.Id, m.Date, m.BodyId })
            .FirstAsync();
        var exempt = await db.Reports.Where(r => r.MeetingId == meeting.Id && r.IsExempt && r.PublishedOn != null).Select(r => r.Title).ToListAsync();
        return new NextMeeting(meeting.Id, meeting.Date, bodies.Single(b => b.Id == meeting.BodyId).Name, [.. bodies.Select(b => b.Name)], exempt);
    });

    private Task<List<string>> ToldAsync(string name) => App.QueryAsync(async db =>
    {
        var person = await db.People.Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync();
        return await db.Notifications.Where(n => n.PersonId == person).Select(n => n.Subject).ToListAsync();
    });

    private sealed record NextMeeting(int Id, DateOnly Date, string Body, IReadOnlyList<string> HerBodies, IReadOnlyList<string> ExemptReports);
}

/// <summary>The member who prepares, her colleague on the same body, what she writes, and the language they read.</summary>
public sealed record PanelMembers(string Culture, string Name, string Email, string ColleagueEmail, string Note, string Question);

/// <summary>York: Cllr Ruth Potter, who chairs the Employment Panel, and Cllr Jo Walker beside her; on a laptop, a phone and a tablet.</summary>
public sealed class EnglishMemberJourneyTests(BrowserSession session) : MemberJourneyTests(session)
{
    protected override PanelMembers Members { get; } = new(
        "en-GB", "Cllr Ruth Potter", DemoUsers.SecondMember, DemoUsers.Member,
        "Ask how the internal candidates were told of the timetable.",
        "Which posts are advertised outside the council if no internal candidate is appointable?");

    [Theory]
    [MemberData(nameof(Screens))]
    public Task AMemberPreparesForAPanel(string screen) => WalkAsync(screen);
}

/// <summary>Nybro, in Swedish: Birgitta Strand, who chairs KSAU, and Lars Holmberg beside her.</summary>
public sealed class SwedishMemberJourneyTests(BrowserSession session) : MemberJourneyTests(session)
{
    protected override string Demo => "sv";

    protected override PanelMembers Members { get; } = new(
        "sv-SE", "Birgitta Strand", "ordforande@nybro.example", "ledamot@nybro.example",
        "Fråga hur omsorgen ska klara sin del av åtgärderna.",
        "Vilka avvikelser finns kvar efter åtgärderna, och när redovisas de?");

    [Fact]
    public Task AMemberPreparesForAPanel() => WalkAsync("laptop");
}
