using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Plans;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>Directorate plans driven in a real browser: live updates between people, stale edits, the dashboard and bad input.</summary>
public sealed class PlanBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private const string OverdueAction = "Publish the refreshed corporate strategy";

    [Fact]
    public async Task ADirectorsStatusChangeAppearsOnSomeoneElsesOpenPlanWithoutReload()
    {
        var actionId = await ActionIdAsync(OverdueAction);
        var director = await NewPageAsync();
        var member = await NewPageAsync();
        await SignInToAsync(member, DemoUsers.Member, "/plans/1");
        var row = member.Locator($"tr[data-action-id='{actionId}']");
        await Assertions.Expect(row).ToContainTextAsync("On track");
        await SignInToAsync(director, DemoUsers.Director, $"/plans/actions/{actionId}");

        await director.Locator("#progress-status").SelectOptionAsync("Completed");
        await director.Locator("#progress-commentary").FillAsync("Adopted by full Council.");
        await director.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Assertions.Expect(director.GetByText("Your update has been posted.")).ToBeVisibleAsync();

        // The councillor's page changes by itself: no reload, no click.
        await Assertions.Expect(row).ToContainTextAsync("Completed", new() { Timeout = 5_000 });
        await Assertions.Expect(row).Not.ToContainTextAsync("Overdue");
        await Assertions.Expect(director.Locator("#action-state")).ToContainTextAsync("Completed");
        await Assertions.Expect(director.Locator(".updates")).ToContainTextAsync("Adopted by full Council.");
        await Assertions.Expect(director.Locator(".history-list")).ToContainTextAsync("Heather Rice changed Status from “On track” to “Completed”");
        await ScreenshotAsync(member, "plan-after-live-update");
    }

    [Fact]
    public async Task RefusesAStaleEditOfAnActionAndShowsWhatChanged()
    {
        var actionId = await ActionIdAsync("Agree service plans for every service");
        var director = await NewPageAsync();
        var admin = await NewPageAsync();
        await SignInToAsync(director, DemoUsers.Director, $"/plans/actions/{actionId}");
        await SignInToAsync(admin, DemoUsers.Administrator, $"/plans/actions/{actionId}");

        // The administrator starts an update; before they post it, the director posts one.
        await admin.Locator("#progress-percent").FillAsync("75");
        await admin.Locator("#progress-commentary").FillAsync("Fifteen of nineteen agreed.");
        await director.Locator("#progress-status").SelectOptionAsync("AtRisk");
        await director.Locator("#progress-commentary").FillAsync("Two services have no plan owner.");
        await director.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Assertions.Expect(director.GetByText("Your update has been posted.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#action-state")).ToContainTextAsync("At risk");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();

        await Assertions.Expect(admin.Locator(".error-summary")).ToContainTextAsync("someone else changed this first");
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Heather Rice changed Status" })).ToContainTextAsync("from “On track” to “At risk”");
        Assert.Equal("Fifteen of nineteen agreed.", await admin.Locator("#progress-commentary").InputValueAsync());
        await Assertions.Expect(admin.Locator(".updates")).Not.ToContainTextAsync("Fifteen of nineteen agreed.");
        await AssertAccessibleAsync(admin);
        await ScreenshotAsync(admin, "action-stale-edit-refused");
    }

    [Fact]
    public async Task TheDashboardListsAnOverdueActionAndLinksToIt()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Director, "/plans/1/dashboard");

        var overdue = page.Locator("section[aria-labelledby='overdue-title']");
        await Assertions.Expect(overdue).ToContainTextAsync(OverdueAction);
        await Assertions.Expect(page.Locator("section[aria-labelledby='appetite-risks-title']")).ToContainTextAsync("Performance system replacement fails");
        await Assertions.Expect(page.Locator("section[aria-labelledby='due-title']")).ToContainTextAsync("Run the residents' survey");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "dashboard-en-GB");

        // A priority's row narrows this dashboard (its link once resolved against the site's root: the home page).
        await page.Locator("th[scope=row] a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plans/1/dashboard\\?priority=\\d+$"));
        await Assertions.Expect(page.Locator("#filter-priority")).Not.ToHaveValueAsync(string.Empty);
        await page.Locator("#filter-priority").SelectOptionAsync(new SelectOptionValue { Label = "All" });

        await page.Locator("#filter-owner").FocusAsync();
        await page.Locator("#filter-owner").SelectOptionAsync(new SelectOptionValue { Label = "Grace Okafor" });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("owner=\\d+"));
        await Assertions.Expect(overdue).Not.ToContainTextAsync(OverdueAction);
        // The filter puts itself in the address; the reader stays on the filter, not thrown back to the heading.
        Assert.Equal("filter-owner", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.Locator("#filter-owner").SelectOptionAsync(new SelectOptionValue { Label = "All" });
        await Assertions.Expect(overdue).ToContainTextAsync(OverdueAction);

        // Arrowing through a filter's choices changes it at every step, faster than the pages
        // are read and the address follows: the page ends on the last choice, and stays there.
        var priorities = await page.Locator("#filter-priority option").EvaluateAllAsync<string[]>("options => options.map(o => o.value).filter(v => v)");
        await page.EvaluateAsync(
            "([a, b]) => { const s = document.querySelector('#filter-priority'); for (const v of [a, b, a, b, a, b]) { s.value = v; s.dispatchEvent(new Event('change', { bubbles: true })); } }",
            new[] { priorities[0], priorities[1] });
        var last = new System.Text.RegularExpressions.Regex($"/plans/1/dashboard\\?priority={priorities[1]}$");
        await Assertions.Expect(page).ToHaveURLAsync(last);
        await page.WaitForTimeoutAsync(1000); // anything still on its way arrives
        await Assertions.Expect(page).ToHaveURLAsync(last);
        await Assertions.Expect(page.Locator("#filter-priority")).ToHaveValueAsync(priorities[1]);
        await Assertions.Expect(page.Locator("section[aria-labelledby='counts-title'] tbody th[scope=row]")).ToHaveCountAsync(1);
        await page.Locator("#filter-priority").SelectOptionAsync(new SelectOptionValue { Label = "All" });

        await overdue.GetByRole(AriaRole.Link, new() { Name = OverdueAction }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(OverdueAction);
        await Assertions.Expect(page.Locator("#action-state")).ToContainTextAsync("Overdue");
        // Another page: its heading takes focus, so a screen reader announces it.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task BadInputIsShownBesideTheFieldAndInTheSummaryAndNothingIsSaved()
    {
        var actionId = await ActionIdAsync("Agree service plans for every service");
        var indicatorId = await IndicatorIdAsync("CEX03");
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Director, $"/plans/actions/{actionId}");

        await page.Locator("#progress-percent").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Percent complete must be a whole number from 0 to 100.");
        await Assertions.Expect(page.Locator("#progress-percent-error")).ToContainTextAsync("Percent complete must be a whole number from 0 to 100.");

        await page.Locator("#action-start").FillAsync("2027-06-01");
        await page.Locator("#action-due").FillAsync("2027-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#action-due-error")).ToContainTextAsync("The due date must be the same as or after the start date.");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "action-bad-input");

        await page.Locator("#milestone-title").FillAsync("After the end");
        await page.Locator("#milestone-due").FillAsync("2030-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
        await Assertions.Expect(page.Locator("#milestone-due-error")).ToContainTextAsync("The milestone must be due on or before the action's due date");

        await GoToAsync(page, $"/plans/indicators/{indicatorId}");
        await page.Locator("#period-target").FillAsync("eighty");
        await page.Locator("#period-actual").FillAsync("91");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#period-target-error")).ToContainTextAsync("Enter a number, like 12 or 12.5.");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter a number");

        var riskId = await App.QueryAsync(db => db.Risks.Where(r => r.Title == "Loss of key staff" && r.Year == db.Plans.First().OpenYear).Select(r => r.Id).SingleAsync());
        await GoToAsync(page, $"/plans/risks/{riskId}");
        await page.Locator("#risk-residual-likelihood").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#risk-residual-likelihood-error")).ToContainTextAsync("Likelihood must be a whole number from 1 to 5.");
        await AssertAccessibleAsync(page);

        // Nothing reached the database.
        var saved = await App.QueryAsync(async db => (
            await db.Actions.Where(a => a.Id == actionId).Select(a => a.PercentComplete).SingleAsync(),
            await db.Milestones.CountAsync(m => m.Title == "After the end"),
            await db.Risks.Where(r => r.Id == riskId).Select(r => r.ResidualLikelihood).SingleAsync()));
        Assert.Equal((60, 0, 4), saved);
    }

    [Fact]
    public async Task AnOwnerEntersAFigureAndTheDirectorApprovesIt()
    {
        var indicatorId = await IndicatorIdAsync("CEX07");
        var officer = await NewPageAsync();
        var director = await NewPageAsync();
        await SignInToAsync(officer, DemoUsers.Officer, $"/plans/indicators/{indicatorId}");
        await SignInToAsync(director, DemoUsers.Director, $"/plans/indicators/{indicatorId}");

        // The quarter we are in: its figure is not in yet.
        var calendar = PlanCalendar.FinancialYear;
        var quarter = calendar.PeriodOf(DateOnly.FromDateTime(DateTime.Now), Frequency.Quarterly);
        var label = $"Q{quarter.Number} {calendar.YearLabel(quarter.Year)}";
        await officer.Locator("#period-choice").SelectOptionAsync(new SelectOptionValue { Label = label });
        await officer.Locator("#period-actual").FillAsync("30.2");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("has been saved as a draft")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = $"Approve {label}" })).ToHaveCountAsync(0);

        // The director sees the draft arrive, and approves it.
        var approve = director.GetByRole(AriaRole.Button, new() { Name = $"Approve {label}" });
        await approve.ClickAsync();
        await Assertions.Expect(officer.Locator("tr", new() { Has = officer.GetByRole(AriaRole.Rowheader, new() { Name = label }) })).ToContainTextAsync("Approved by Heather Rice");
        await AssertAccessibleAsync(director);
        await ScreenshotAsync(director, "indicator-approved");
    }

    [Fact]
    public async Task DownloadsActionsAsCsvForAReaderAndNothingForAnAnonymousVisitor()
    {
        var visitor = await NewPageAsync();
        var anonymous = await visitor.APIRequest.GetAsync("/plans/1/export/actions.csv", new() { MaxRedirects = 0 });
        Assert.Equal(302, anonymous.Status);
        Assert.Contains("/account/login", anonymous.Headers["location"], StringComparison.Ordinal);

        var member = await NewPageAsync();
        await SignInToAsync(member, DemoUsers.Member, "/plans/1");
        var download = await member.RunAndWaitForDownloadAsync(() => member.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download actions.*\\(CSV\\)$") }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!, TestContext.Current.CancellationToken);

        Assert.EndsWith("-actions.csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("Id,PriorityNumber,Priority,Title,Owner", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(OverdueAction, csv, StringComparison.Ordinal);
    }

    private Task<int> ActionIdAsync(string title) =>
        App.QueryAsync(db => db.Actions.Where(a => a.Title == title && a.Year == db.Plans.First().OpenYear).Select(a => a.Id).SingleAsync());

    private Task<int> IndicatorIdAsync(string code) =>
        App.QueryAsync(db => db.Indicators.Where(i => i.Code == code).Select(i => i.Id).SingleAsync());
}
