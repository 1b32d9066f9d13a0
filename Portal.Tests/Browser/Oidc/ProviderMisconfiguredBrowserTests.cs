using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser.Oidc;

/// <summary>
/// A provider the portal cannot reach (nothing listens at its authority): the sign-in page says
/// so in plain words, in English and Swedish, the operator gets one log line with the cause, and
/// signing in with a password still works.
/// </summary>
public sealed class ProviderUnreachableBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private readonly CapturedLogs _logs = new();

    protected override ILoggerProvider? Logs => _logs;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Portal:Authentication:Mode"] = "Both",
        ["Portal:Authentication:Oidc:Authority"] = $"http://127.0.0.1:{ClosedPort()}/",
        ["Portal:Authentication:Oidc:ClientId"] = TestProvider.ClientId,
        ["Portal:Authentication:Oidc:ClientSecret"] = TestProvider.ClientSecret,
        ["Portal:Authentication:Oidc:DisplayName"] = "Test Council ID",
    };

    [Fact]
    public async Task AnUnreachableProviderIsAPlainMessageAndPasswordsStillWork()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fplans");
        await page.Locator("#provider-sign-in").ClickAsync();
        await Assertions.Expect(page.Locator("#provider-problem")).ToContainTextAsync("Signing in with Test Council ID is not possible just now");
        await Assertions.Expect(page.Locator("#provider-problem")).ToContainTextAsync("You can still sign in with your portal password");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Exception");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "provider-unreachable-en");

        var operatorLines = _logs.AtLeast(LogLevel.Error).Where(l => l.Contains("could not be read", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(operatorLines);
        var line = operatorLines[0];
        Assert.Contains("Connection refused", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);

        // The password form is still there and still signs in, to where the person was going.
        await page.Locator("#email").FillAsync(DemoUsers.Officer);
        await page.Locator("#password").FillAsync(DemoUsers.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/plans", new() { WaitUntil = WaitUntilState.Commit });

        var swedish = await NewPageAsync("sv-SE");
        await swedish.GotoAsync("/account/login");
        await Assertions.Expect(swedish.Locator("#provider-sign-in")).ToHaveTextAsync("Logga in med Test Council ID");
        await swedish.Locator("#provider-sign-in").ClickAsync();
        await Assertions.Expect(swedish.Locator("#provider-problem")).ToContainTextAsync("Det går inte att logga in med Test Council ID just nu");
        await AssertAccessibleAsync(swedish);
        await ScreenshotAsync(swedish, "provider-unreachable-sv");
    }

    /// <summary>A loopback port nothing listens on: one the system just handed out and took back.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>
/// A portal registered at the real provider with the wrong secret: the provider refuses the code
/// exchange, the person sees a plain message on the sign-in page and the operator the provider's
/// reason in the log, and passwords still work. A wrong authority (an address that is not a
/// provider) is refused before anyone is sent there.
/// </summary>
public sealed class ProviderBadSecretBrowserTests(BrowserSession session, TestProvider provider)
    : BrowserTest(session), IClassFixture<TestProvider>
{
    private readonly CapturedLogs _logs = new();

    protected override ILoggerProvider? Logs => _logs;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Portal:Authentication:Mode"] = "Both",
        ["Portal:Authentication:Oidc:Authority"] = provider.Authority,
        ["Portal:Authentication:Oidc:ClientId"] = TestProvider.ClientId,
        ["Portal:Authentication:Oidc:ClientSecret"] = "not-the-secret",
        ["Portal:Authentication:Oidc:DisplayName"] = "Test Council ID",
    };

    [Fact]
    public async Task AWrongSecretIsAPlainMessageAndALogLine()
    {
        await provider.RegisterPortalAsync(App.BaseUrl);
        provider.Add(new ProviderAccount("sub-admin", DemoUsers.Administrator, EmailVerified: true));
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#provider-sign-in").ClickAsync();
        await page.Locator("#account").FillAsync(DemoUsers.Administrator);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("#provider-problem")).ToContainTextAsync("Signing in with Test Council ID did not work");
        await Assertions.Expect(page.Locator(".user-name")).ToHaveCountAsync(0);
        Assert.Contains(_logs.AtLeast(LogLevel.Warning), l => l.Contains("A provider sign-in failed and was refused", StringComparison.Ordinal) && l.Contains("invalid_client", StringComparison.Ordinal));

        await page.Locator("#email").FillAsync(DemoUsers.Administrator);
        await page.Locator("#password").FillAsync(DemoUsers.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("Sam Patel");
    }

    [Fact]
    public async Task AWrongAuthorityIsRefusedBeforeAnyoneIsSentThere()
    {
        await using var wrong = new PortalApp(settings: new Dictionary<string, string>
        {
            ["Portal:Authentication:Mode"] = "Both",
            ["Portal:Authentication:Oidc:Authority"] = provider.Authority + "no-such-tenant/",
            ["Portal:Authentication:Oidc:ClientId"] = TestProvider.ClientId,
            ["Portal:Authentication:Oidc:DisplayName"] = "Test Council ID",
        });
        wrong.Start();
        var page = await NewPageAsync();
        await page.GotoAsync(wrong.BaseUrl + "/account/login");
        await page.Locator("#provider-sign-in").ClickAsync();
        await Assertions.Expect(page.Locator("#provider-problem")).ToContainTextAsync("is not possible just now");
        Assert.StartsWith(wrong.BaseUrl, page.Url, StringComparison.Ordinal);
    }
}

/// <summary>Provider only: the sign-in page offers no password form, and the provider signs people in.</summary>
public sealed class ProviderOnlyBrowserTests(BrowserSession session, TestProvider provider)
    : BrowserTest(session), IClassFixture<TestProvider>
{
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Portal:Authentication:Mode"] = "ProviderOnly",
        ["Portal:Authentication:Oidc:Authority"] = provider.Authority,
        ["Portal:Authentication:Oidc:ClientId"] = TestProvider.ClientId,
        ["Portal:Authentication:Oidc:ClientSecret"] = TestProvider.ClientSecret,
        ["Portal:Authentication:Oidc:DisplayName"] = "Test Council ID",
    };

    [Fact]
    public async Task ThereIsNoPasswordFormAndTheProviderSignsPeopleIn()
    {
        await provider.RegisterPortalAsync(App.BaseUrl);
        provider.Add(new ProviderAccount("sub-walker", DemoUsers.Member, EmailVerified: true));
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fplans");
        await Assertions.Expect(page.Locator("#provider-sign-in")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#password")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "provider-only-sign-in");
        await page.Locator("#provider-sign-in").ClickAsync();
        await page.Locator("#account").FillAsync(DemoUsers.Member);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/plans", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("Cllr Jo Walker");
    }
}
