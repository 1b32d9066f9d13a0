using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>Every page that exists, scanned with axe in English, and the pages whose words and layout differ most in Swedish.</summary>
public sealed class AccessibilityBrowserTests(BrowserSession session) : BrowserTest(session)
{
    // The meetings, establishment and reports pages have their own scans beside their tests.
    private static readonly string[] PublicPages = ["/", "/account/login", "/setup", "/accessibility", "/no-such-page"];

    private static readonly string[] SignedInPages =
    [
        "/organisation", "/plans", "/plans/new", "/plans/1", "/plans/1/dashboard", "/plans/1/priorities",
        "/plans/1/actions/new", "/plans/1/risks/new", "/plans/1/indicators/new",
        "/thread", "/thread/strategy", "/thread/explore", "/thread/coverage", "/account/access-denied", "/admin",
    ];

    // In Swedish, the pages whose words and layout differ most: forms, tables, the dashboard.
    private static readonly string[] SwedishSignedInPages =
        ["/organisation", "/plans/1", "/plans/1/dashboard", "/plans/1/actions/new", "/thread", "/thread/coverage", "/admin"];

    /// <summary>The scan every page passes can fail: a picture without a text alternative, put into the home page, is reported by name.</summary>
    [Fact]
    public async Task TheScanReportsAViolationWhenThereIsOne()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("h1").First.WaitForAsync();
        await AssertAccessibleAsync(page);
        await page.EvaluateAsync("() => { const picture = document.createElement('img'); picture.src = '/favicon.svg'; document.querySelector('main').append(picture); }");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AssertAccessibleAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("sv-SE")]
    public async Task EveryPageHasNoAxeViolations(string culture)
    {
        var signedInPages = culture == "en-GB" ? SignedInPages : SwedishSignedInPages;
        var page = await NewPageAsync(culture);
        foreach (var path in PublicPages)
        {
            await page.GotoAsync(path);
            await page.Locator("h1").First.WaitForAsync();
            await AssertAccessibleAsync(page);
        }

        await SignInAsync(page, DemoUsers.Administrator);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        foreach (var path in signedInPages)
        {
            await page.GotoAsync(path);
            await page.Locator("h1").First.WaitForAsync();
            await AssertAccessibleAsync(page);
        }

        // One of each plan item, reached by following links as a reader would.
        foreach (var (link, heading) in new[] { ("/plans/actions/", "h1"), ("/plans/indicators/", "h1"), ("/plans/risks/", "h1") })
        {
            await GoToAsync(page, "/plans/1");
            await page.Locator($"a[href^='{link}']").First.ClickAsync();
            await page.WaitForURLAsync($"**{link}*");
            await page.Locator("form").First.WaitForAsync();
            await AssertAccessibleAsync(page);
            await ScreenshotAsync(page, $"{link.Trim('/').Replace('/', '-')}-{culture}");
        }

        await GoToAsync(page, "/plans/1/dashboard");
        await ScreenshotAsync(page, $"dashboard-{culture}");
        await GoToAsync(page, "/plans/1");
        await ScreenshotAsync(page, $"plan-{culture}");
        await page.Locator(".year-nav a").First.ClickAsync();
        await page.Locator(".closed-note").WaitForAsync();
        await AssertAccessibleAsync(page);
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
        foreach (var path in new[] { "/plans/1", "/plans/1/dashboard" })
        {
            await GoToAsync(page, path);
            await AssertAccessibleAsync(page);
        }

        await ScreenshotAsync(page, "dashboard-dark");
    }
}
