using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using OtpNet;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// A council's new, empty portal: <c>/setup</c> asks for the one-time code the portal wrote in its
/// log at start (read here from the log, as the person who started it would), refuses a wrong
/// one and, once used, the same one again; the first administrator, whom the default setting
/// requires to have a second factor, is then taken from the password straight to setting one up
/// and can use nothing else until it is done.
/// </summary>
public sealed partial class SetupCodeBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private const string Email = "jane.clerk@council.example";
    private const string Password = "A-long-enough-passw0rd";

    private readonly CapturedLogs _logs = new();

    protected override string Demo => "none";

    protected override ILoggerProvider? Logs => _logs;

    [Fact]
    public async Task TheFirstAdministratorNeedsTheCodeFromTheLogAndThenSetsUpASecondFactorBeforeAnythingElse()
    {
        var code = await SetupCodeFromTheLogAsync();
        var page = await NewPageAsync();
        await page.GotoAsync("/setup");
        await Assertions.Expect(page.GetByText("one-time setup code it printed in its console and log")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // Without the code, and with a wrong one: refused beside the field, and nothing created.
        await FillSetupAsync(page, string.Empty);
        await Assertions.Expect(page.Locator("#setupcode-error")).ToContainTextAsync("Enter the setup code");
        await FillSetupAsync(page, "ABCD-EFGH-JKLM");
        await Assertions.Expect(page.Locator("#setupcode-error")).ToContainTextAsync("That setup code is not right, has already been used");
        await AssertAccessibleAsync(page);

        await FillSetupAsync(page, code);
        await page.WaitForURLAsync("**/account/login");

        // The password alone goes no further than setting up the second factor.
        await SignInAsync(page, Email, Password, returnUrl: "/organisation");
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up a second factor");
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/organisation");
        await page.WaitForURLAsync("**/account/login?**");

        await page.GotoAsync("/account/login/two-factor?returnUrl=%2Forganisation");
        var key = await page.Locator("[data-authenticator-key]").InnerTextAsync();
        var totp = new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()));
        await page.Locator("#code").FillAsync(totp.ComputeTotp(DateTime.UtcNow.AddMinutes(-10)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#code-error")).ToContainTextAsync("That code is not right");
        await page.Locator("#code").FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-recovery-codes] li")).ToHaveCountAsync(10);
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to the portal" }).ClickAsync();
        await page.WaitForURLAsync("**/organisation");
        await WaitForInteractiveAsync(page);

        // The code worked once: setup is closed, and the page says so.
        var other = await NewPageAsync();
        await other.GotoAsync("/setup");
        await Assertions.Expect(other.GetByText("The first administrator has already been created.")).ToBeVisibleAsync();
    }

    private async Task<string> SetupCodeFromTheLogAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (_logs.Lines.Select(line => SetupCodeLine().Match(line)).FirstOrDefault(m => m.Success) is { } found)
            {
                return found.Groups[1].Value;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The portal wrote no setup code in its log:\n" + string.Join('\n', _logs.Lines));
        return string.Empty;
    }

    private static async Task FillSetupAsync(IPage page, string code)
    {
        await page.Locator("#setupcode").FillAsync(code);
        await page.Locator("#name").FillAsync("Jane Clerk");
        await page.Locator("#email").FillAsync(Email);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
    }

    [GeneratedRegex("one-time setup code for /setup is ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})")]
    private static partial Regex SetupCodeLine();
}
