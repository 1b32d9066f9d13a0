using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Infrastructure.Security.Oidc;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser.Oidc;

/// <summary>
/// Sign-in with the council's identity provider, against a real OpenID Connect provider on
/// loopback (<see cref="TestProvider"/>), in Chromium: the authorisation-code flow with PKCE, a
/// linked person, roles from the administrators' group mapping, the refusals, a tampered callback
/// (its state changed, or another browser's nonce), and the provider's sign-out.
/// </summary>
public sealed class ProviderSignInBrowserTests(BrowserSession session, TestProvider provider, ITestOutputHelper output)
    : BrowserTest(session), IClassFixture<TestProvider>
{
    private const string Provider = "Test Council ID";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Portal:Authentication:Mode"] = "Both",
        ["Portal:Authentication:Oidc:Authority"] = provider.Authority,
        ["Portal:Authentication:Oidc:ClientId"] = TestProvider.ClientId,
        ["Portal:Authentication:Oidc:ClientSecret"] = TestProvider.ClientSecret,
        ["Portal:Authentication:Oidc:DisplayName"] = Provider,
        ["Portal:Authentication:Oidc:RolesFrom"] = "Provider",
    };

    [Fact]
    public async Task APersonSignsInThroughTheProviderWithTheRolesTheMappingGivesAndOthersAreRefused()
    {
        await provider.RegisterPortalAsync(App.BaseUrl);

        // An administrator maps the provider's directors group to the Director role.
        var admin = await NewPageAsync();
        await SignInToAsync(admin, DemoUsers.Administrator, "/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Provider groups and roles" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Provider groups and roles");
        await WaitForInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator("#roles-from")).ToContainTextAsync("come from the provider");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add group" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#group-id-error")).ToContainTextAsync("Enter the group's id");
        await AssertAccessibleAsync(admin);
        await admin.Locator("#group-id").FillAsync("grp-directors");
        await admin.Locator("#group-role").SelectOptionAsync("Director");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add group" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#group-mapping")).ToContainTextAsync("grp-directors");
        await AssertAccessibleAsync(admin);

        // The officer's first provider sign-in links by verified email; the mapping makes them a director (and only that).
        provider.Add(new ProviderAccount("sub-barbara", DemoUsers.Officer, EmailVerified: true, "grp-directors", "grp-unmapped"));
        var person = await NewPageAsync();
        await person.GotoAsync("/account/login?returnUrl=%2Fplans");
        await Assertions.Expect(person.Locator("#provider-sign-in")).ToHaveTextAsync($"Sign in with {Provider}");
        await AssertAccessibleAsync(person);
        await ScreenshotAsync(person, "signin-provider-en");
        var clock = Stopwatch.StartNew();
        await SignInAtProviderAsync(person, DemoUsers.Officer);
        await person.WaitForURLAsync("**/plans");
        await WaitForInteractiveAsync(person);
        clock.Stop();
        output.WriteLine($"Provider sign-in end to end, first time (button, the provider's form, back to a live portal page; the portal's first OIDC request): {clock.Elapsed.TotalMilliseconds:F0} ms");
        await Assertions.Expect(person.Locator(".user-name")).ToHaveTextAsync("Barbara Boyce");
        Assert.Equal(["Director"], await RolesOfAsync(DemoUsers.Officer));
        Assert.Equal("sub-barbara", await App.QueryAsync(db => db.UserLogins.Where(l => l.LoginProvider == "oidc").Select(l => l.ProviderKey).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "ProviderSignIn" && e.After!.Contains("Linked"))));

        // Signing out of the portal offers the provider's sign-out, which comes back to the portal.
        await person.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("You are signed out");
        await AssertAccessibleAsync(person);
        await person.Locator("#provider-sign-out").ClickAsync();
        await person.WaitForURLAsync(App.BaseUrl + "/");
        Assert.DoesNotContain("/account/signed-out", person.Url, StringComparison.Ordinal);

        // Later sign-ins find the person by the provider's subject, whatever email the provider now sends.
        provider.Add(new ProviderAccount("sub-barbara", "b.boyce@elsewhere.example", EmailVerified: false, "grp-directors"));
        var later = await NewPageAsync();
        await later.GotoAsync("/account/login");
        clock.Restart();
        await SignInAtProviderAsync(later, "b.boyce@elsewhere.example");
        await WaitForInteractiveAsync(later);
        clock.Stop();
        output.WriteLine($"Provider sign-in end to end, second time (the portal and provider warm): {clock.Elapsed.TotalMilliseconds:F0} ms");
        await Assertions.Expect(later.Locator(".user-name")).ToHaveTextAsync("Barbara Boyce");

        // Someone the portal does not know, and a known email the provider has not verified, are refused in plain words.
        provider.Add(new ProviderAccount("sub-stranger", "stranger@example.org", EmailVerified: true, "grp-directors"));
        var stranger = await NewPageAsync();
        await stranger.GotoAsync("/account/login");
        await SignInAtProviderAsync(stranger, "stranger@example.org");
        await Assertions.Expect(stranger.Locator("#provider-problem")).ToContainTextAsync("Ask the portal's administrators");
        Assert.Contains("/account/login", stranger.Url, StringComparison.Ordinal);
        await AssertAccessibleAsync(stranger);
        await ScreenshotAsync(stranger, "provider-sign-in-refused");

        provider.Add(new ProviderAccount("sub-heather", DemoUsers.Director, EmailVerified: false, "grp-directors"));
        var unverified = await NewPageAsync();
        await unverified.GotoAsync("/account/login");
        await SignInAtProviderAsync(unverified, DemoUsers.Director);
        await Assertions.Expect(unverified.Locator("#provider-problem")).ToContainTextAsync("has no sign-in to this portal");
        Assert.Equal(["Director"], await RolesOfAsync(DemoUsers.Director));
        Assert.False(await App.QueryAsync(db => db.UserLogins.AnyAsync(l => l.ProviderKey == "sub-heather")));

        // A person disabled in the portal is refused, though the provider vouches for them.
        await App.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoUsers.Officer);
            user.DisabledUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        var disabled = await NewPageAsync();
        await disabled.GotoAsync("/account/login");
        await SignInAtProviderAsync(disabled, "b.boyce@elsewhere.example");
        await Assertions.Expect(disabled.Locator("#provider-problem")).ToContainTextAsync("switched off");
        await Assertions.Expect(disabled.Locator(".user-name")).ToHaveCountAsync(0);

        var refusals = await App.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "ProviderSignIn").Select(e => e.After!).ToListAsync());
        Assert.Contains(refusals, r => r.Contains("UnknownPerson", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Contains("EmailNotVerified", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Contains("Disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATamperedOrReplayedCallbackIsRefusedInPlainWords()
    {
        await provider.RegisterPortalAsync(App.BaseUrl);
        provider.Add(new ProviderAccount("sub-admin", DemoUsers.Administrator, EmailVerified: true));
        var page = await NewPageAsync();

        // Hold the provider's answer in the browser (the redirect its form sends back), change its state, and send it on.
        string? callback = null;
        await page.RouteAsync(url => url.Contains("account=", StringComparison.Ordinal), async route =>
        {
            var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
            callback = answer.Headers["location"];
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><html lang=\"en\"><title>Held</title><h1>Held</h1></html>" });
        });
        await page.GotoAsync("/account/login");
        await page.Locator("#provider-sign-in").ClickAsync();
        await AtProviderFormAsync(page);
        await page.Locator("#account").FillAsync(DemoUsers.Administrator);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await WaitUntilAsync(() => callback is not null);
        await page.UnrouteAllAsync();
        var state = System.Web.HttpUtility.ParseQueryString(new Uri(callback!).Query)["state"]!;
        var tampered = callback!.Replace(Uri.EscapeDataString(state), Uri.EscapeDataString(state[..^4] + "AAAA"), StringComparison.Ordinal);
        Assert.NotEqual(callback, tampered);
        await page.GotoAsync(tampered);
        await Assertions.Expect(page.Locator("#provider-problem")).ToContainTextAsync($"Signing in with {Provider} did not work");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Exception");
        await AssertAccessibleAsync(page);

        // The untouched answer, replayed in another browser (without this one's state and nonce cookies), is refused too.
        var other = await NewPageAsync();
        await other.GotoAsync(callback);
        await Assertions.Expect(other.Locator("#provider-problem")).ToContainTextAsync("did not work");
        await Assertions.Expect(other.Locator(".user-name")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAnswerWhoseNonceIsNotThisBrowsersIsRefusedInPlainWords()
    {
        await provider.RegisterPortalAsync(App.BaseUrl);
        provider.Add(new ProviderAccount("sub-admin", DemoUsers.Administrator, EmailVerified: true));

        // One browser goes to the provider and its answer is held; another starts a sign-in of its own.
        var page = await NewPageAsync();
        var callback = await HoldAnswerAsync(page, DemoUsers.Administrator);
        var other = await NewPageAsync("sv-SE");
        await other.GotoAsync("/account/login");
        await Assertions.Expect(other.Locator("#provider-sign-in")).ToHaveTextAsync($"Logga in med {Provider}");
        await Assertions.Expect(other.Locator("#password")).ToBeVisibleAsync();
        await AssertAccessibleAsync(other);
        await ScreenshotAsync(other, "signin-provider-sv");
        await other.Locator("#provider-sign-in").ClickAsync();
        await AtProviderFormAsync(other);

        // The first browser keeps its own state cookie but has the other's nonce cookie in place of its own (both are
        // kept for the callback path only, so they are read for the answer's address):
        // the state checks out, the nonce in the provider's token does not.
        var nonce = ".AspNetCore.OpenIdConnect.Nonce.";
        var own = await page.Context.CookiesAsync([callback]);
        var others = (await other.Context.CookiesAsync([callback])).Where(c => c.Name.StartsWith(nonce, StringComparison.Ordinal)).ToList();
        Assert.Single(own, c => c.Name.StartsWith(nonce, StringComparison.Ordinal));
        Assert.Contains(own, c => c.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        Assert.Single(others);
        Assert.DoesNotContain(own, c => c.Name == others[0].Name);
        await page.Context.ClearCookiesAsync();
        await page.Context.AddCookiesAsync([.. own.Where(c => !c.Name.StartsWith(nonce, StringComparison.Ordinal)).Concat(others).Select(AsCookie)]);

        await page.GotoAsync(callback);
        await Assertions.Expect(page.Locator("#provider-problem")).ToContainTextAsync($"Signing in with {Provider} did not work");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Exception");
        await Assertions.Expect(page.Locator(".user-name")).ToHaveCountAsync(0);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
    }

    /// <summary>Signs in at the provider in <paramref name="page"/> but holds the provider's answer (the redirect back to the portal) instead of following it, and returns it.</summary>
    private static async Task<string> HoldAnswerAsync(IPage page, string account)
    {
        string? callback = null;
        await page.RouteAsync(url => url.Contains("account=", StringComparison.Ordinal), async route =>
        {
            var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
            callback = answer.Headers["location"];
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><html lang=\"en\"><title>Held</title><h1>Held</h1></html>" });
        });
        await page.GotoAsync("/account/login");
        await page.Locator("#provider-sign-in").ClickAsync();
        await AtProviderFormAsync(page);
        await page.Locator("#account").FillAsync(account);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await WaitUntilAsync(() => callback is not null);
        await page.UnrouteAllAsync();
        return callback!;
    }

    private static Cookie AsCookie(BrowserContextCookiesResult c) => new()
    {
        Name = c.Name,
        Value = c.Value,
        Domain = c.Domain,
        Path = c.Path,
        Expires = c.Expires,
        HttpOnly = c.HttpOnly,
        Secure = c.Secure,
        SameSite = c.SameSite,
    };

    /// <summary>From the portal's sign-in page: the provider's button, the provider's form, and back to the portal wherever it sends the person.</summary>
    private static async Task SignInAtProviderAsync(IPage page, string account)
    {
        var portal = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        await page.Locator("#provider-sign-in").ClickAsync();
        await AtProviderFormAsync(page);
        await page.Locator("#account").FillAsync(account);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(portal, StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>Waits for the provider's form, failing with where the browser got to instead (a provider's error says what it disliked).</summary>
    private static async Task AtProviderFormAsync(IPage page)
    {
        try
        {
            await page.Locator("#account").WaitForAsync(new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The provider's form did not come; the browser is at {page.Url}: {await page.Locator("body").InnerTextAsync()}");
        }
    }

    private async Task<List<string>> RolesOfAsync(string email) =>
        await App.QueryAsync(db => (from user in db.Users
                                    join link in db.UserRoles on user.Id equals link.UserId
                                    join role in db.Roles on link.RoleId equals role.Id
                                    where user.Email == email
                                    select role.Name!).ToListAsync());

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The provider did not answer within 30 seconds.");
            await Task.Delay(50);
        }
    }
}
