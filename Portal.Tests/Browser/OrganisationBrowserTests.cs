using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

public sealed class OrganisationBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Fact]
    public async Task ShowsAnotherPersonsSaveLiveAndRefusesTheStaleEdit()
    {
        var first = await NewPageAsync();
        var second = await NewPageAsync();
        await OpenUnitAsync(first, DemoUsers.Administrator, "City Strategy");
        await OpenUnitAsync(second, DemoUsers.Administrator, "City Strategy");

        await first.Locator("#unit-name").FillAsync("City Strategy and Performance");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(first.GetByText("Your changes have been saved.")).ToBeVisibleAsync();

        // The second page shows the new name without a reload...
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("City Strategy and Performance");

        // ...but its editor still holds the old version, so its save is refused, not silently applied.
        await second.Locator("#unit-name").FillAsync("Strategy Unit");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(second.Locator(".error-summary")).ToContainTextAsync("someone else changed this first");
        await Assertions.Expect(second.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Sam Patel changed Name" })).ToContainTextAsync("City Strategy and Performance");
        Assert.Equal("Strategy Unit", await second.Locator("#unit-name").InputValueAsync());
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("City Strategy and Performance");
        await AssertAccessibleAsync(second);
        await ScreenshotAsync(second, "stale-edit-refused");

        await first.ReloadAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("City Strategy and Performance");
        await Assertions.Expect(first.Locator(".history-list")).ToContainTextAsync("Sam Patel changed Name from “City Strategy” to “City Strategy and Performance”");
    }

    [Fact]
    public async Task ShowsABlankNameBesideTheFieldAndInTheSummaryAndSavesNothing()
    {
        var page = await NewPageAsync();
        await OpenUnitAsync(page, DemoUsers.Administrator, "Finance");

        await page.Locator("#unit-name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter the name");
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error, .mud-input-error").First).ToContainTextAsync("Enter the name");
        await ScreenshotAsync(page, "blank-name-refused");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Finance");
    }

    [Fact]
    public async Task ShowsNoEditFormToAnOfficer()
    {
        var page = await NewPageAsync();
        await OpenUnitAsync(page, DemoUsers.Officer, "Finance");

        Assert.Equal(0, await page.Locator("#unit-name").CountAsync());
    }
}
