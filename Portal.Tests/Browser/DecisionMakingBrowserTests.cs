using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Reports;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// Votes and call-in in a real browser: the Employment Panel's secretary records a vote that does not add
/// up (refused beside the numbers), then a tied recorded vote settled by the chair's casting vote; a
/// councillor calls in the Executive Member's decision and the maker is refused implementing it while the
/// period runs; axe on every new page in both languages.
/// </summary>
public sealed class DecisionMakingBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Fact]
    public async Task TheSecretaryRecordsAVoteThatMustAddUpAndATieGoesToTheChair()
    {
        var august = await App.QueryAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync());
        var (walker, potter) = await App.QueryAsync(async db => (
            await db.People.Where(p => p.DisplayName == "Cllr Jo Walker").Select(p => p.Id).SingleAsync(),
            await db.People.Where(p => p.DisplayName == "Cllr Ruth Potter").Select(p => p.Id).SingleAsync()));
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Secretary, $"/meetings/{august}");

        // Cllr Walker came after all: the secretary records him present, and the vote's form counts him.
        var votes = page.Locator("section.votes");
        var legend = page.Locator("#vote-tally");
        await Assertions.Expect(legend).ToContainTextAsync("recorded present");
        var before = int.Parse(System.Text.RegularExpressions.Regex.Match(await legend.InnerTextAsync(), @"\((\d+) recorded present\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator($"#attendance-{walker}").SelectOptionAsync("Present");
        var present = before + 1;
        await Assertions.Expect(legend).ToContainTextAsync($"({present} recorded present)");

        await page.Locator("#vote-item").SelectOptionAsync(new SelectOptionValue { Label = "1. Strategic Management Team: roles and responsibilities (CE 21/09)" });
        await page.Locator("#vote-motion").FillAsync("That the Panel endorse the draft job descriptions");
        await page.Locator("#vote-for").FillAsync(present.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#vote-against").FillAsync("1");
        await votes.GetByRole(AriaRole.Button, new() { Name = "Record the vote" }).ClickAsync();
        await Assertions.Expect(votes.Locator(".form-fieldset:has(#vote-tally) .field-error, #vote-tally ~ .field-error").First).ToContainTextAsync($"{present + 1} votes were entered but only {present} members were recorded present");
        await Assertions.Expect(votes.Locator(".error-summary")).ToContainTextAsync($"{present + 1} votes were entered");

        await page.Locator("#vote-by-name").CheckAsync();
        await page.Locator($"#vote-ballot-{potter}").SelectOptionAsync("For");
        await page.Locator($"#vote-ballot-{walker}").SelectOptionAsync("Against");
        await votes.GetByRole(AriaRole.Button, new() { Name = "Record the vote" }).ClickAsync();
        await Assertions.Expect(votes.Locator(".form-field:has(#vote-casting) .field-error")).ToContainTextAsync("The votes are tied: record the chair's casting vote");
        await AssertAccessibleAsync(page);

        await page.Locator("#vote-casting").SelectOptionAsync("For");
        await votes.GetByRole(AriaRole.Button, new() { Name = "Record the vote" }).ClickAsync();
        var recorded = votes.Locator(".decision-block").First;
        await Assertions.Expect(recorded).ToContainTextAsync("Carried");
        await Assertions.Expect(recorded).ToContainTextAsync("(1 for, 1 against, 0 abstained)");
        await Assertions.Expect(recorded).ToContainTextAsync("The chair, Cllr Ruth Potter, gave a casting vote: For.");
        await Assertions.Expect(recorded).ToContainTextAsync("Cllr Jo Walker: Against");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "votes-recorded");

        // The public read the same vote in the minutes.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync($"/meetings/{august}");
        await Assertions.Expect(visitor.Locator("section.votes")).ToContainTextAsync("The chair, Cllr Ruth Potter, gave a casting vote: For.");
        await Assertions.Expect(visitor.Locator("#vote-motion")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ADirectorPublishesADecisionACouncillorCallsItInAndItWaitsForThePeriod()
    {
        var walker = await App.QueryAsync(db => db.People.Where(p => p.DisplayName == "Cllr Jo Walker").Select(p => p.Id).SingleAsync());
        var potter = await App.QueryAsync(db => db.People.Where(p => p.DisplayName == "Cllr Ruth Potter").Select(p => p.Id).SingleAsync());

        // The director records her own delegated decision, subject to call-in, and it is published.
        var director = await NewPageAsync();
        await SignInToAsync(director, DemoUsers.Director, "/decisions/officer/new");
        await director.Locator("#od-delegation").FillAsync("Scheme of Delegation to Officers, Part 3, paragraph 4.2");
        await director.Locator("#od-title").FillAsync("Library opening hours over the holidays");
        await director.Locator("#od-date").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await director.Locator("#od-decision").FillAsync("To open the central library between Christmas and New Year.");
        await director.Locator("#od-reasons").FillAsync("Demand in earlier years.");
        await director.Locator("#od-call-in").CheckAsync();
        await AssertAccessibleAsync(director);
        await director.GetByRole(AriaRole.Button, new() { Name = "Publish the decision" }).ClickAsync();
        await Assertions.Expect(director.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Library opening hours over the holidays");
        var path = new Uri(director.Url).AbsolutePath;
        await WaitForInteractiveAsync(director);

        // Cllr Potter alone is not enough; with Cllr Walker's signature the request is recorded.
        var councillor = await NewPageAsync();
        await SignInToAsync(councillor, DemoUsers.SecondMember, path);
        await councillor.Locator($"#ci-member-{potter}").CheckAsync();
        await councillor.Locator("#ci-reasons").FillAsync("The ward members were not consulted.");
        await councillor.GetByRole(AriaRole.Button, new() { Name = "Record the call-in request" }).ClickAsync();
        await Assertions.Expect(councillor.Locator(".form-fieldset:has(#ci-members) .field-error").First).ToContainTextAsync("A call-in needs 2 councillors to sign it");
        await councillor.Locator($"#ci-member-{walker}").CheckAsync();
        await councillor.GetByRole(AriaRole.Button, new() { Name = "Record the call-in request" }).ClickAsync();
        await Assertions.Expect(councillor.Locator(".decision-block")).ToContainTextAsync("Signed by Cllr Jo Walker, Cllr Ruth Potter");
        await Assertions.Expect(councillor.Locator(".status-tag").Filter(new() { HasText = "Called in: waiting for scrutiny" })).ToHaveCountAsync(1);
        await AssertAccessibleAsync(councillor);
        await ScreenshotAsync(councillor, "call-in-recorded");

        // The director's open page hears of it; marking it implemented is refused with the reason beside the button.
        await Assertions.Expect(director.Locator(".decision-block")).ToContainTextAsync("Signed by Cllr Jo Walker, Cllr Ruth Potter");
        await director.GetByRole(AriaRole.Button, new() { Name = "Mark implemented" }).ClickAsync();
        await Assertions.Expect(director.Locator(".form-field:has(#ci-implement) .field-error")).ToContainTextAsync("The call-in period runs until");
        await AssertAccessibleAsync(director);
        await ScreenshotAsync(director, "call-in-implement-refused");
    }

    [Fact]
    public async Task AnExecutiveMeetingsDecisionShowsItsCallInPeriodAndStateInWordsAndACouncillorCallsItIn()
    {
        var (running, decision, meeting) = await App.QueryAsync(async db =>
        {
            var report = await db.Reports.Where(r => r.Reference == "CS/CF/DEMO").SingleAsync();
            return (report.Id, await db.Decisions.Where(d => d.ReportId == report.Id).Select(d => d.Id).SingleAsync(), report.MeetingId!.Value);
        });
        var july = await App.QueryAsync(db => db.Decisions.Where(d => d.DecidedOn == new DateOnly(2008, 7, 14)).Select(d => d.ReportId).SingleAsync());
        var walker = await App.QueryAsync(db => db.People.Where(p => p.DisplayName == "Cllr Jo Walker").Select(p => p.Id).SingleAsync());
        var potter = await App.QueryAsync(db => db.People.Where(p => p.DisplayName == "Cllr Ruth Potter").Select(p => p.Id).SingleAsync());

        // A visitor reads the period and where it stands, in words, on the decision, in the register, and the vote in the minutes.
        var visitor = await NewPageAsync();
        await GoToAsync(visitor, $"/reports/{running}");
        var panel = visitor.Locator($"section[aria-labelledby='ci-{decision}-title']");
        await Assertions.Expect(panel.Locator(".status-tag")).ToContainTextAsync("Can be called in until");
        await Assertions.Expect(panel).ToContainTextAsync("the call-in period ends at the end of");
        await Assertions.Expect(visitor.Locator("#decisions")).ToContainTextAsync("Carried");
        await ScreenshotAsync(visitor, "meeting-decision-call-in-open");
        await GoToAsync(visitor, $"/reports/{july}");
        await Assertions.Expect(visitor.Locator("#decisions")).ToContainTextAsync("Call-in period over");
        await Assertions.Expect(visitor.Locator("#decisions")).ToContainTextAsync("No further action: the decision stands");
        await GoToAsync(visitor, "/decisions");
        await Assertions.Expect(visitor.Locator("table.plan-table").First).ToContainTextAsync("Can be called in until");
        await GoToAsync(visitor, $"/meetings/{meeting}");
        await Assertions.Expect(visitor.Locator("section.votes")).ToContainTextAsync("That the two-stage customer feedback and complaints procedure be adopted.");

        // A councillor calls it in from the decision on the report's page.
        var councillor = await NewPageAsync();
        await SignInToAsync(councillor, DemoUsers.SecondMember, $"/reports/{running}");
        await councillor.Locator($"#ci-{decision}-member-{potter}").CheckAsync();
        await councillor.Locator($"#ci-{decision}-member-{walker}").CheckAsync();
        await councillor.Locator($"#ci-{decision}-reasons").FillAsync("The ward committees were not consulted.");
        await councillor.GetByRole(AriaRole.Button, new() { Name = "Record the call-in request" }).ClickAsync();
        await Assertions.Expect(councillor.Locator($"section[aria-labelledby='ci-{decision}-title'] .status-tag").First).ToHaveTextAsync("Called in: waiting for scrutiny");
        await AssertAccessibleAsync(councillor);
        await ScreenshotAsync(councillor, "meeting-decision-called-in");
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("sv-SE")]
    public async Task EveryDecisionMakingPageHasNoAxeViolations(string culture)
    {
        var ids = await App.QueryAsync(db => db.OfficerDecisions.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());
        var september = await App.QueryAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(2008, 9, 8)).Select(m => m.Id).SingleAsync());
        // The reports whose decisions, taken at an executive meeting, show their call-in: one in its period, one called in and implemented.
        var called = await App.QueryAsync(db => db.Decisions.Where(d => d.SubjectToCallIn).OrderBy(d => d.Id).Select(d => d.ReportId).ToListAsync());
        var visitor = await NewPageAsync(culture);
        foreach (var path in new[] { "/decisions", "/decisions?kind=Officer", $"/meetings/{september}", "/decisions/forward-plan" }.Concat(ids.Select(i => $"/decisions/officer/{i}")).Concat(called.Select(r => $"/reports/{r}")))
        {
            await ScanAsync(visitor, path);
        }

        var member = await NewPageAsync(culture);
        await SignInToAsync(member, DemoUsers.Member, $"/reports/{called[0]}");
        foreach (var report in called)
        {
            await GoToAsync(member, $"/reports/{report}");
            await AssertAccessibleAsync(member);
        }

        await Assertions.Expect(visitor.Locator("h1")).ToHaveCountAsync(1);
        var admin = await NewPageAsync(culture);
        await SignInToAsync(admin, DemoUsers.Administrator, "/decisions/officer/new");
        await AssertAccessibleAsync(admin);
        await ScreenshotAsync(admin, $"officer-decision-new-{culture}");
        foreach (var id in ids)
        {
            await GoToAsync(admin, $"/decisions/officer/{id}");
            await AssertAccessibleAsync(admin);
        }

        await ScreenshotAsync(admin, $"officer-decision-admin-{culture}");

        // The proper officer amends the first decision: refused without a reason beside the field, then published with the old version kept.
        await GoToAsync(admin, $"/decisions/officer/{ids[0]}/amend");
        await admin.Locator("#od-title").FillAsync("Award of the performance system contract");
        await admin.Locator("form:has(#od-amend-reason) button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.Locator("#od-amend-reason-error")).ToBeVisibleAsync();
        await AssertAccessibleAsync(admin);
        await admin.Locator("#od-amend-reason").FillAsync("The title named the wrong system.");
        await admin.Locator("form:has(#od-amend-reason) button[type=submit]").ClickAsync();
        await admin.WaitForURLAsync($"**/decisions/officer/{ids[0]}");
        await WaitForInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator("#amendments-title + ul")).ToContainTextAsync("The title named the wrong system.");
        await AssertAccessibleAsync(admin);
        await ScreenshotAsync(admin, $"officer-decision-amended-{culture}");
        await GoToAsync(admin, "/decisions/forward-plan");
        await AssertAccessibleAsync(admin);
        await ScreenshotAsync(admin, $"forward-plan-notices-{culture}");
        await GoToAsync(admin, $"/meetings/{september}");
        await AssertAccessibleAsync(admin);
        await ScreenshotAsync(admin, $"votes-minutes-{culture}");
        await GoToAsync(admin, "/decisions");
        await ScreenshotAsync(admin, $"decision-register-{culture}");
    }
}

/// <summary>The Swedish demo: KSAU's omröstning with the ordförande's utslagsröst and a reservation, and the delegationsbeslut in the register.</summary>
public sealed class SwedishDecisionMakingBrowserTests(BrowserSession session) : BrowserTest(session)
{
    protected override string Demo => "sv";

    [Fact]
    public async Task TheProtokollShowsTheOmröstningAndTheRegisterTheDelegationsbeslut()
    {
        var meeting = await App.QueryAsync(db => db.Votes.Select(v => v.MeetingId).SingleAsync());
        var page = await NewPageAsync("sv-SE");
        await ScanAsync(page, $"/meetings/{meeting}");
        var votes = page.Locator("section.votes");
        await Assertions.Expect(votes).ToContainTextAsync("Bifall");
        await Assertions.Expect(votes).ToContainTextAsync("Ordföranden, Birgitta Strand, använde sin utslagsröst: Ja.");
        await Assertions.Expect(votes).ToContainTextAsync("Lars Holmberg: Nej (Reservation)");
        await ScreenshotAsync(page, "omrostning-sv");
        await ScanAsync(page, "/decisions");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Delegationsbeslut (tjänsteperson)");
        await ScreenshotAsync(page, "delegationsbeslut-sv");
    }
}
