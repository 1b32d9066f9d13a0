using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// Importing people in a real browser: an administrator finds the import, a file with a problem is shown beside
/// its row and not saved, the corrected file is confirmed, and the people appear on their unit's page.
/// </summary>
public sealed class PeopleImportBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private const string Header = "Name,Email,JobTitle,Unit,LineManager";

    [Fact]
    public async Task AnAdministratorUploadsPeopleSeesTheProblemFixesItAndFindsThemOnTheUnitsPage()
    {
        var unitId = await App.QueryAsync(db => db.OrganisationUnits.Where(u => u.Name == "Human Resources").Select(u => u.Id).SingleAsync());
        var before = await App.QueryAsync(db => db.People.CountAsync());
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Administrator, "/admin/import");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import people" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/import/people");
        await WaitForInteractiveAsync(page);
        await AssertAccessibleAsync(page);

        var nina = "Nina West,nina.west@york.example,HR Adviser,Human Resources,tom.fielding@york.example";
        await page.Locator("#import-file").SetInputFilesAsync(Csv(nina, "Omar Quinn,omar.quinn@york.example,HR Assistant,Human Resourses,nina.west@york.example"));

        var table = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(table).ToContainTextAsync("There is no unit called “Human Resourses”.");
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Omar Quinn" }).GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByText("2 rows. 1 problem.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("1 problem stops the file from being saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Save") })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "people-import-preview-with-problem");
        Assert.Equal(before, await App.QueryAsync(db => db.People.CountAsync()));

        await page.Locator("#import-file").SetInputFilesAsync(Csv(nina, "Omar Quinn,omar.quinn@york.example,HR Assistant,Human Resources,nina.west@york.example"));
        await Assertions.Expect(page.GetByText("2 rows. 0 problems.")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save 2 people" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Saved 2 people.")).ToBeVisibleAsync();
        Assert.Equal(before + 2, await App.QueryAsync(db => db.People.CountAsync()));
        await page.GotoAsync($"/organisation/units/{unitId}");
        var omar = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Omar Quinn" });
        await Assertions.Expect(omar).ToContainTextAsync("HR Assistant");
        await Assertions.Expect(omar).ToContainTextAsync("Nina West");
        await AssertAccessibleAsync(page);
    }

    private static FilePayload Csv(params string[] rows) => new()
    {
        Name = "people.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n"),
    };
}
