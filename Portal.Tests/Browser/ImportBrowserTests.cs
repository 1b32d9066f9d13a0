using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>Importing key actions in a real browser: a file with problems is shown and not saved; the corrected file is confirmed and saved.</summary>
public sealed class ImportBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private const string Header = "Ref,Priority,Title,Description,Owner,LeadUnit,Start,Due,Milestone,MilestoneDue";

    [Fact]
    public async Task ADirectorUploadsAFileSeesItsProblemsThenConfirmsTheCorrectedOne()
    {
        var (planId, unit) = await App.QueryAsync(async db =>
        {
            var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var director = await db.People.SingleAsync(p => p.Email == DemoUsers.Director);
            return (plan, await db.OrganisationUnits.Where(u => u.Id == director.UnitId).Select(u => u.Name).SingleAsync());
        });
        var before = await App.QueryAsync(db => db.Actions.CountAsync());
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Director, "/plans/1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import actions from a spreadsheet" }).ClickAsync();
        await page.WaitForURLAsync($"**/plans/{planId}/import");
        await WaitForInteractiveAsync(page);
        await AssertAccessibleAsync(page);

        var good = $"A1,1,Open a new customer centre,,{DemoUsers.Director},{unit},2026-05-01,2026-12-31,Lease signed,2026-07-31";
        await page.Locator("#import-file").SetInputFilesAsync(Csv(good, $"A2,1,Train the contact team,,{DemoUsers.Director},Department of Nowhere,2026-05-01,2026-12-31,,"));

        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("There is no unit called “Department of Nowhere”.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("No problems");
        await Assertions.Expect(page.GetByText("1 problem stops the file from being saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Save") })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "import-preview-with-problems");

        await page.Locator("#import-file").SetInputFilesAsync(Csv(good, $"A2,1,Train the contact team,,{DemoUsers.Director},{unit},2026-05-01,2026-12-31,,"));
        await Assertions.Expect(page.GetByText("2 rows. 0 problems.")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save 2 actions" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Saved 2 actions.")).ToBeVisibleAsync();
        Assert.Equal(before + 2, await App.QueryAsync(db => db.Actions.CountAsync()));
        await AssertAccessibleAsync(page);
        await page.GotoAsync($"/plans/{planId}");
        await Assertions.Expect(page.GetByText("Open a new customer centre")).ToBeVisibleAsync();
    }

    private static FilePayload Csv(params string[] rows) => new()
    {
        Name = "actions.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n"),
    };
}
