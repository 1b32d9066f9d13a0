using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// What a public body owes every reader, in a real browser: the accessibility statement, reached
/// by keyboard from the foot of every page and passing axe in both languages; a theme that follows
/// the device's light or dark setting until the reader chooses, then keeps their choice; and links
/// handed out (the personal calendar address, an invitation) at the portal's public address.
/// </summary>
public sealed class PublicDutiesBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private const string PublicUrl = "https://portal.york.example/";

    private readonly BrowserSession _session = session;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Portal:PublicUrl"] = PublicUrl };

    [Theory]
    [InlineData("en-GB", "Accessibility statement", "Equality and Human Rights Commission")]
    [InlineData("sv-SE", "Tillgänglighetsredogörelse", "Equality and Human Rights Commission")]
    public async Task TheStatementIsReachedByKeyboardFromTheFootOfEveryKindOfPage(string culture, string title, string enforcer)
    {
        var page = await NewPageAsync(culture);
        foreach (var path in new[] { "/", "/account/login", "/meetings", "/no-such-page" })
        {
            await GoToFooterLinkAsync(page, path, title);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/accessibility");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        }

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("City of York Council");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(enforcer);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("WCAG");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(PublicUrl);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"accessibility-statement-{culture}");

        // Signed in, the foot of the page is the same.
        await SignInToAsync(page, DemoUsers.Director, "/plans");
        await GoToFooterLinkAsync(page, "/plans", title);
    }

    [Fact]
    public async Task ADarkDeviceGetsTheDarkThemeUntilThePersonChoosesLightWhichIsKept()
    {
        await using var context = await ContextAsync(ColorScheme.Dark);
        var page = await context.NewPageAsync();
        var (light, dark) = await PalettesAsync(page);
        Assert.NotEqual(light, dark);

        foreach (var path in new[] { "/", "/account/login", "/accessibility" })
        {
            await page.GotoAsync(path);
            Assert.Equal(dark, await BackgroundAsync(page));
        }

        await GoToAsync(page, "/");
        var choose = page.GetByRole(AriaRole.Button, new() { Name = "Use light theme" });
        await Assertions.Expect(choose).ToHaveAttributeAsync("aria-pressed", "true");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "home-dark-device");
        await choose.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use dark theme" })).ToBeVisibleAsync();
        Assert.Equal(light, await BackgroundAsync(page));

        // Kept: on the next visit, and on the sign-in page, whatever the device prefers.
        foreach (var path in new[] { "/meetings", "/account/login" })
        {
            await page.GotoAsync(path);
            Assert.Equal(light, await BackgroundAsync(page));
        }
    }

    [Fact]
    public async Task ALightDeviceGetsTheLightThemeAndAChoiceOfDarkIsKept()
    {
        await using var context = await ContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();
        var (light, dark) = await PalettesAsync(page);
        await GoToAsync(page, "/");
        Assert.Equal(light, await BackgroundAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Use dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use light theme" })).ToBeVisibleAsync();
        Assert.Equal(dark, await BackgroundAsync(page));
        await page.GotoAsync("/accessibility");
        Assert.Equal(dark, await BackgroundAsync(page));
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ThePersonalCalendarAddressAndAnInvitationUseThePublicAddress()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.SecondMember, "/meetings");
        await page.Locator(".personal-feed button").ClickAsync();
        await Assertions.Expect(page.Locator("#feed-address")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{PublicUrl}meetings/feeds/.+\\.ics$"));
        Assert.StartsWith("webcal://portal.york.example/meetings/feeds/", await page.Locator(".personal-feed a").GetAttributeAsync("href"), StringComparison.Ordinal);

        var admin = await NewPageAsync();
        await SignInToAsync(admin, DemoUsers.Administrator, "/admin/users");
        await admin.Locator("#new-user-name").FillAsync("Pat Clerk");
        await admin.Locator("#new-user-email").FillAsync("pat.clerk@york.example");
        await admin.GetByLabel("Officer: council staff").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create sign-in" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#invitation-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{PublicUrl}account/set-password\\?user="));
    }

    /// <summary>Opens <paramref name="path"/> and tabs from the top of the page to the statement's link in its foot.</summary>
    private static async Task GoToFooterLinkAsync(IPage page, string path, string title)
    {
        await page.GotoAsync(path);
        await page.Locator("h1").First.WaitForAsync();
        for (var tab = 0; tab < 200; tab++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.closest('footer') ? document.activeElement.textContent.trim() : null") == title)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached the statement's link at the foot of {path}.");
    }

    private async Task<IBrowserContext> ContextAsync(ColorScheme scheme)
    {
        var context = await _session.Require().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            Locale = "en-GB",
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>The page background each theme's stylesheet sets, read from the files the portal serves.</summary>
    private static async Task<(string Light, string Dark)> PalettesAsync(IPage page)
    {
        async Task<string> ReadAsync(string mode)
        {
            var css = await (await page.APIRequest.GetAsync($"/theme/{mode}.css")).TextAsync();
            return System.Text.RegularExpressions.Regex.Match(css, "--mud-palette-background:\\s*([^;]+);").Groups[1].Value.Trim();
        }

        return (await ReadAsync("light"), await ReadAsync("dark"));
    }

    /// <summary>The page background in force now (after every stylesheet and media query).</summary>
    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()");
}
