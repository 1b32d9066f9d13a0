using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

public sealed class ShellBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Theory]
    [InlineData(DemoUsers.Administrator, "Sam Patel")]
    [InlineData(DemoUsers.Director, "Heather Rice")]
    [InlineData(DemoUsers.Officer, "Barbara Boyce")]
    [InlineData(DemoUsers.Member, "Cllr Jo Walker")]
    public async Task SignsInAsEachDemoRoleAndSeesTheShellInBothLanguages(string email, string name)
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, email, "/organisation");

        Assert.Equal(name, await page.Locator(".user-name").InnerTextAsync());
        Assert.Equal("en-GB", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Golden thread" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisation", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Svenska" }).ClickAsync();
        await page.WaitForURLAsync("**/organisation");
        await WaitForInteractiveAsync(page);

        Assert.Equal("sv-SE", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Den röda tråden" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task KeepsTheChosenLanguageInACookieAcrossVisits()
    {
        var page = await NewPageAsync();
        await GoToAsync(page, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Svenska" }).ClickAsync();

        // The old page is interactive too: wait for the Swedish one, or the next visit races the switch.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv-SE");
        await WaitForInteractiveAsync(page);

        await GoToAsync(page, "/meetings");

        Assert.Equal("sv-SE", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sammanträden", Level = 1 })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/organisation")]
    [InlineData("/plans")]
    [InlineData("/thread")]
    public async Task SendsAnAnonymousVisitorToSignInFromASignedInPage(string path)
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync(path);

        await page.WaitForURLAsync("**/account/login**");
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(path), page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("City Strategy", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.NotNull(response);
    }

    [Fact]
    public async Task LocksTheEmailFromThisBrowserAfterFiveWrongPasswordsAndSaysUntilWhen()
    {
        var page = await NewPageAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SignInAsync(page, DemoUsers.Officer, password: "wrong-password-" + attempt);
            await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("The email address or password is not right");
        }

        await SignInAsync(page, DemoUsers.Officer, password: "wrong-password-5");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Try again after");
        await SignInAsync(page, DemoUsers.Officer);

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(
            new System.Text.RegularExpressions.Regex(@"too many wrong passwords for this email address from here\. Try again after \d\d:\d\d \(in 1 minute\)"));
        Assert.EndsWith("/account/login?returnUrl=%2F", page.Url, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ShowsAnErrorSummaryAndFieldMessagesForAnEmptySignIn()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("button[type=submit]").ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("Enter your email address");
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("Enter your password");
        Assert.Equal("true", await page.Locator("#email").GetAttributeAsync("aria-invalid"));

        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your password" }).ClickAsync();
        Assert.Equal("password", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.EndsWith("/account/login", page.Url, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AWideTableScrollsInARegionTheKeyboardCanReachOnlyWhereItIsTooWide()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Director, "/plans/1/dashboard");
        var region = page.Locator("section[aria-labelledby='counts-title'] .table-scroll");

        // On a laptop the table fits: no tab stop, no landmark.
        await Assertions.Expect(region).Not.ToHaveAttributeAsync("tabindex", "0");
        Assert.Null(await region.GetAttributeAsync("role"));

        // On a phone it does not: a named region the keyboard reaches and scrolls, the page itself still.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(region).ToHaveAttributeAsync("tabindex", "0");
        await Assertions.Expect(region).ToHaveAttributeAsync("role", "region");
        await Assertions.Expect(region).ToHaveAttributeAsync("aria-label", "RAG by priority");
        await region.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("End");
        Assert.True(await region.EvaluateAsync<double>("r => r.scrollLeft") > 0, "The keyboard did not scroll the table.");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollX"));
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task MovesFocusToTheMainContentFromTheSkipLinkByKeyboard()
    {
        var page = await NewPageAsync();
        await GoToAsync(page, "/meetings");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main-content", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.EndsWith("/meetings", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each page's title names it (WCAG 2.4.2): in the page as served, and after moving to another
    /// page in the live circuit, where the page sets it itself (DocumentTitle) instead of a head
    /// outlet kept in every circuit; and in Swedish.
    /// </summary>
    [Fact]
    public async Task TitlesEachPageAsServedAndAfterEveryLiveNavigation()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Director, "/organisation");
        Assert.Equal("Organisation – Governance Portal", await page.TitleAsync());
        var served = await (await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), "/organisation").ToString())).TextAsync();
        Assert.Equal("Organisation – Governance Portal", System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(served, "<title>([^<]*)</title>").Groups[1].Value));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Meetings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meetings", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Meetings – Governance Portal");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Plans", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Directorate plans – Governance Portal$"));

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Meetings – Governance Portal");

        await page.GetByRole(AriaRole.Link, new() { Name = "Svenska" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv-SE");
        await WaitForInteractiveAsync(page);
        await Assertions.Expect(page).ToHaveTitleAsync("Sammanträden – Styrningsportalen");
    }

    /// <summary>
    /// After a live navigation the new page's heading takes focus, so a screen reader announces it:
    /// also into and out of a page the reader may not open, which the router draws through a layout
    /// of its own.
    /// </summary>
    [Fact]
    public async Task MovesFocusToTheHeadingIntoAndOutOfAPageTheReaderMayNotOpen()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Member, "/meetings");

        await page.EvaluateAsync("() => Blazor.navigateTo('/admin')");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You do not have access to this page");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();

        await page.EvaluateAsync("() => Blazor.navigateTo('/meetings')");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meetings", Level = 1 })).ToBeFocusedAsync();
    }

    /// <summary>
    /// A page's feeds are advertised in the head as alternate links, as served and after a live
    /// navigation: the next page's links replace the last page's, and a page without feeds has none.
    /// </summary>
    [Fact]
    public async Task AdvertisesEachPagesFeedsInTheHeadAfterLiveNavigationsToo()
    {
        var page = await NewPageAsync();
        await GoToAsync(page, "/decisions");
        var feeds = page.Locator("head link[rel=alternate][type='application/atom+xml']");
        await Assertions.Expect(feeds).ToHaveCountAsync(1);
        Assert.EndsWith("/decisions.atom", await feeds.First.GetAttributeAsync("href"), StringComparison.Ordinal);

        await page.EvaluateAsync("() => Blazor.navigateTo('/meetings/bodies/employment-panel')");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Employment Panel", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(feeds).ToHaveCountAsync(2);
        Assert.Equal(
            ["/meetings/bodies/employment-panel/papers.atom", "/meetings/bodies/employment-panel/decisions.atom"],
            (await feeds.EvaluateAllAsync<string[]>("links => links.map(l => new URL(l.href).pathname)")).ToArray());
        await Assertions.Expect(page).ToHaveTitleAsync("Employment Panel – Governance Portal");

        await page.EvaluateAsync("() => Blazor.navigateTo('/meetings')");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meetings", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(feeds).ToHaveCountAsync(0);
    }
}
