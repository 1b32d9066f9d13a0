using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>Reports in a real browser: an officer's draft and its template check, a member's agenda pack with private notes, the exempt stub for the public, and axe on every page in both languages.</summary>
public sealed class ReportBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Fact]
    public async Task AnOfficersDraftShowsWhatIsMissingAndSavingTakesItOffTheList()
    {
        var draft = await ReportAsync("CE/DP/PROGRESS");
        var officer = await NewPageAsync();
        await SignInToAsync(officer, DemoUsers.Officer, "/reports");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Directorate Plan: six-month progress" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Directorate Plan: six-month progress");
        await WaitForInteractiveAsync(officer);

        var check = officer.Locator(".template-check");
        await Assertions.Expect(check).ToContainTextAsync("State the Legal implications, or write \"None\".");
        await Assertions.Expect(check).ToContainTextAsync("Give the reason for recommendation 1.");
        await Assertions.Expect(check).Not.ToContainTextAsync("Write the section \"Summary\"");

        // The check's link takes the keyboard to the field it is about.
        await check.GetByRole(AriaRole.Link, new() { Name = "State the Legal implications, or write \"None\"." }).ClickAsync();
        await Assertions.Expect(officer.Locator("#sec-LegalImplications")).ToBeFocusedAsync();
        await officer.Keyboard.TypeAsync("None.");
        await officer.Locator("#sec-Consultation").FillAsync("Consulted the directorate's managers. [Details](javascript:alert(1)) <script>alert(2)</script>");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save the report's sections" }).ClickAsync();
        await Assertions.Expect(check).Not.ToContainTextAsync("Legal implications");
        await Assertions.Expect(check).ToContainTextAsync("Give the reason for recommendation 1.");

        // Submitting with problems is refused beside nothing half-done: it stays a draft.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Submit to the chief officer" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".report-workflow .error-summary")).ToContainTextAsync("The report is not ready");
        await Assertions.Expect(officer.Locator(".workflow-steps li.current")).ToContainTextAsync("Draft");
        await AssertAccessibleAsync(officer);
        await ScreenshotAsync(officer, "report-draft");

        // The chief officer reads it rendered: the script and the javascript: link are text, not code.
        var chief = await NewPageAsync();
        await SignInToAsync(chief, DemoUsers.Director, $"/reports/{draft}");
        await Assertions.Expect(chief.Locator(".report-document")).ToContainTextAsync("Consulted the directorate's managers.");
        var html = await chief.ContentAsync();
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>alert(2)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberReadsThePackKeepsAPrivateNoteAndThePublicSeeOnlyTheExemptStub()
    {
        var august = await App.QueryAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync());
        var carlisle = await ReportAsync("CE 21/09");
        var walker = await NewPageAsync();
        await SignInToAsync(walker, DemoUsers.Member, $"/meetings/{august}/pack");

        var item = walker.Locator("#item-1");
        await Assertions.Expect(item.Locator($"#r{carlisle}-p1")).ToContainTextAsync("1.");
        await Assertions.Expect(walker.Locator("#item-2")).ToContainTextAsync("Ms A. Example");
        await Assertions.Expect(walker.Locator("#item-2 .exempt-notice")).ToContainTextAsync("Exempt under paragraph 1");
        await item.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();
        await Assertions.Expect(item.Locator(".reader-tools .status-tag").First).ToHaveTextAsync("Read");
        await walker.Locator($"#note-{carlisle}").FillAsync("Ask which post carries the Monitoring Officer role.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Save the note" }).ClickAsync();
        await Assertions.Expect(item.Locator(".saved-message")).ToHaveTextAsync("Your note is saved.");
        await Assertions.Expect(walker.Locator(".page-actions + div + p .status-tag, p > .status-tag").First).ToContainTextAsync("You have read 1 of 2 reports");
        await ScreenshotAsync(walker, "report-pack-member");

        // Another member of the same panel: not read by them, and no note.
        var potter = await NewPageAsync();
        await SignInToAsync(potter, DemoUsers.SecondMember, $"/meetings/{august}/pack");
        await Assertions.Expect(potter.Locator("#item-1 .reader-tools .status-tag").First).ToHaveTextAsync("Not read yet");
        await Assertions.Expect(potter.Locator($"#note-{carlisle}")).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain("Monitoring Officer role", await potter.ContentAsync(), StringComparison.Ordinal);

        // The public: the exempt report's title and paragraph, never its content, in the page, its source or the download.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync($"/meetings/{august}/pack");
        await Assertions.Expect(visitor.Locator("#item-2 .exempt-notice")).ToContainTextAsync("The content of this report is not open to the public.");
        await Assertions.Expect(visitor.Locator("#item-2")).ToContainTextAsync("Staffing matters: redeployment of an officer affected by the restructure");
        var served = await (await visitor.APIRequest.GetAsync($"/meetings/{august}/pack")).TextAsync();
        var download = await visitor.APIRequest.GetAsync($"/meetings/{august}/pack.html");
        var downloaded = await download.TextAsync();
        var search = await (await visitor.APIRequest.GetAsync("/search?q=Example+redeployed")).TextAsync();
        foreach (var text in new[] { await visitor.ContentAsync(), served, downloaded, search })
        {
            Assert.DoesNotContain("Ms A. Example", text, StringComparison.Ordinal);
            Assert.DoesNotContain("pay protection", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Monitoring Officer role", text, StringComparison.Ordinal);
        }

        Assert.Contains("Exempt under paragraph 1", downloaded, StringComparison.Ordinal);
        Assert.Contains("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);
        await ScreenshotAsync(visitor, "report-pack-public");
    }

    [Fact]
    public async Task TheDeciderNotesADispensationAndTheRegisterShowsIt()
    {
        // Cllr Walker, the Executive Member who decided York's report of 14 July 2008, keeps its record of decision.
        var york = await ReportAsync("CE/DP/2008");
        var walker = await NewPageAsync();
        await SignInToAsync(walker, DemoUsers.Member, $"/reports/{york}");
        await WaitForInteractiveAsync(walker);
        var decisions = walker.Locator("#decisions");
        await Assertions.Expect(decisions.Locator("dl.facts")).ToContainTextAsync("Dispensations granted");

        // Nothing filled in: the first missing thing is said beside its field, and nothing is saved.
        await decisions.GetByRole(AriaRole.Button, new() { Name = "Note the dispensation" }).ClickAsync();
        await Assertions.Expect(decisions.Locator("[id$='-disp-to-error']")).ToContainTextAsync("Enter the name of the member it was granted to");
        Assert.False(await App.QueryAsync(db => db.Decisions.AnyAsync(d => d.Dispensations.Count > 0)));

        await decisions.GetByLabel("Granted to").FillAsync("Cllr Ann Reid");
        await decisions.GetByLabel("Granted by").FillAsync("the Standards Committee");
        await decisions.GetByLabel("Granted on").FillAsync("2008-07-10");
        await decisions.GetByLabel("What it allows").FillAsync("speaking and voting on the Directorate Plan");
        await decisions.GetByRole(AriaRole.Button, new() { Name = "Note the dispensation" }).ClickAsync();
        const string Line = "Dispensation: Cllr Ann Reid, granted by the Standards Committee on 10 Jul 2008, for speaking and voting on the Directorate Plan";
        await Assertions.Expect(decisions.Locator("dl.facts")).ToContainTextAsync(Line);
        await Assertions.Expect(decisions.GetByRole(AriaRole.Button, new() { Name = "Remove the dispensation for Cllr Ann Reid" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(walker);
        await decisions.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "decision-dispensation.png") });

        // Anyone reads it on the register, beside the decision.
        var visitor = await NewPageAsync();
        await ScanAsync(visitor, "/decisions");
        await Assertions.Expect(visitor.Locator("table").First).ToContainTextAsync(Line);
        await ScreenshotAsync(visitor, "decision-register-dispensation");
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("sv-SE")]
    public async Task EveryReportsPageHasNoAxeViolations(string culture)
    {
        var (york, carlisle, staffing, draft) = (await ReportAsync("CE/DP/2008"), await ReportAsync("CE 21/09"), await ReportAsync("HR 14/09"), await ReportAsync("CE/DP/PROGRESS"));
        var august = await App.QueryAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync());
        var english = culture == "en-GB";
        var visitor = await NewPageAsync(culture);
        var pages = english
            ? ["/reports", $"/reports/{york}", $"/reports/{staffing}", $"/meetings/{august}/pack", "/decisions", "/decisions/forward-plan", "/search?q=plan", "/search?q=%22%22"]
            : new[] { "/reports", $"/meetings/{august}/pack", "/decisions", "/search?q=plan" };
        foreach (var path in pages)
        {
            await ScanAsync(visitor, path);
        }

        var officer = await NewPageAsync(culture);
        await SignInToAsync(officer, DemoUsers.Officer, $"/reports/{draft}");
        await AssertAccessibleAsync(officer);
        await ScanAsync(officer, "/decisions/forward-plan");
        // The short-notice warning says which rule it applies and how it counts, in the reader's language.
        await Assertions.Expect(officer.Locator(".status-tag.bad").First).ToContainTextAsync(
            english ? "SI 2012/2089, reg. 9: calendar days" : "SI 2012/2089, regel 9: kalenderdagar");
        if (english)
        {
            await ScanAsync(officer, "/reports/new");
        }

        var secretary = await NewPageAsync(culture);
        await SignInToAsync(secretary, DemoUsers.Secretary, $"/reports/{carlisle}");
        await AssertAccessibleAsync(secretary);
        await ScreenshotAsync(secretary, $"report-secretary-{culture}");
    }

    private Task<int> ReportAsync(string reference) =>
        App.QueryAsync(db => db.Reports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
}
