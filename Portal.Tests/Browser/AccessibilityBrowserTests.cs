using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>Every page that exists, scanned with axe, in both languages and both themes' default.</summary>
public sealed class AccessibilityBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private static readonly string[] PublicPages = ["/", "/meetings", "/reports", "/account/login", "/account/lockout", "/setup", "/no-such-page"];

    private static readonly string[] SignedInPages = ["/organisation", "/plans", "/thread", "/account/access-denied"];

    [Theory]
    [InlineData("en-GB")]
    [InlineData("sv-SE")]
    public async Task EveryPageHasNoAxeViolations(string culture)
    {
        var page = await NewPageAsync(culture);
        foreach (var path in PublicPages)
        {
            await page.GotoAsync(path);
            await page.Locator("h1").First.WaitForAsync();
            await AssertAccessibleAsync(page);
        }

        await SignInAsync(page, DemoUsers.Administrator);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        foreach (var path in SignedInPages)
        {
            await page.GotoAsync(path);
            await page.Locator("h1").First.WaitForAsync();
            await AssertAccessibleAsync(page);
        }

        await GoToAsync(page, "/organisation");
        await ScreenshotAsync(page, $"organisation-{culture}");
        await page.GetByRole(AriaRole.Link, new() { Name = "City Strategy", Exact = true }).ClickAsync();
        await page.Locator("#unit-name").WaitForAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"unit-{culture}");
        Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task TheDarkThemeHasNoAxeViolations()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Administrator, "/organisation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Use dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use light theme" })).ToBeVisibleAsync();

        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "organisation-dark");
        await GoToAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use light theme" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }
}
