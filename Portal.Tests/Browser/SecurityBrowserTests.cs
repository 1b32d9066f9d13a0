using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>The security headers on what the portal serves, and an interactive page that works under its content security policy without breaking it.</summary>
public sealed class SecurityBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Fact]
    public async Task EveryResponseCarriesTheHeadersAndNoPageBreaksThePolicy()
    {
        var page = await NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        foreach (var path in new[] { "/", "/meetings/calendar.ics", "/health/live", "/no-such-page" })
        {
            var response = await page.APIRequest.GetAsync(path);
            var headers = response.Headers;
            Assert.Contains("script-src 'self';", headers["content-security-policy"], StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-inline'", headers["content-security-policy"].Split("style-src")[0], StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal("DENY", headers["x-frame-options"]);
            Assert.Equal("strict-origin-when-cross-origin", headers["referrer-policy"]);
        }

        // A signed-in, interactive session under the policy: the circuit starts, a button works, a live page updates.
        await SignInToAsync(page, DemoUsers.Administrator, "/organisation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use light theme" })).ToBeVisibleAsync();
        await GoToAsync(page, "/admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status] .saved-message")).ToContainTextAsync("its integrity check passed");
        await Assertions.Expect(page.Locator("table caption")).ToContainTextAsync("Backups kept: 1");
        await Assertions.Expect(page.Locator("table tbody td").Nth(2)).ToHaveTextAsync("On demand");

        // A second press straight after is refused in words, and takes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("less than 10 minutes ago: use that one");
        await Assertions.Expect(page.Locator("table caption")).ToContainTextAsync("Backups kept: 1");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "admin-backups");

        Assert.Empty(violations);
    }
}
