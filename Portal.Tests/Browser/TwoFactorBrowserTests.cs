using Microsoft.Playwright;
using OtpNet;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The second factor as a person meets it, with codes computed from the key the page shows (as
/// an authenticator app would): set up on their own security page, then signing in with a code,
/// with a recovery code, and refused a used recovery code and a wrong code with a message saying
/// so, in English and Swedish; every page scanned with axe.
/// </summary>
public sealed class TwoFactorBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Fact]
    public async Task AnOfficerSetsUpASecondFactorAndSignsInWithCodesAndRecoveryCodesEachOnce()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, DemoUsers.Officer);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // From their own menu to the security page, where the second factor is off.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign-in security" }).ClickAsync();
        await page.WaitForURLAsync("**/account/security");
        await Assertions.Expect(page.Locator("[data-two-factor-status]")).ToContainTextAsync("Second factor: off");
        await ScreenshotAsync(page, "two-factor-set-up-en");
        await Assertions.Expect(page.GetByAltText("QR code for your authenticator app", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".authenticator-uri")).ToContainTextAsync("otpauth://totp/Portal:barbara.boyce%40york.example?secret=");
        await AssertAccessibleAsync(page);
        var totp = new Totp(Base32Encoding.ToBytes((await page.Locator("[data-authenticator-key]").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()));

        // A code from another time is refused beside the field; the app's code now turns it on and shows ten recovery codes once.
        await page.Locator("#enable-code").FillAsync(totp.ComputeTotp(DateTime.UtcNow.AddMinutes(-10)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#enable-code-error")).ToContainTextAsync("That code is not right");
        await page.Locator("#enable-code").FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-two-factor-status]")).ToContainTextAsync("Second factor: on. Recovery codes left: 10.");
        var recoveryCodes = await page.Locator("[data-recovery-codes] li").AllInnerTextsAsync();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        await AssertAccessibleAsync(page);

        // Shown once: the page read again lists none.
        await page.GotoAsync("/account/security");
        await Assertions.Expect(page.Locator("[data-two-factor-status]")).ToContainTextAsync("Second factor: on");
        Assert.Equal(0, await page.Locator("[data-recovery-codes]").CountAsync());

        // Signing in now asks for the code after the password; a wrong one is refused with a message.
        await SignOutAsync(page);
        await SignInAsync(page, DemoUsers.Officer, returnUrl: "/plans");
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "two-factor-code-en");
        await page.Locator("#code").FillAsync(totp.ComputeTotp(DateTime.UtcNow.AddMinutes(-10)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#code-error")).ToContainTextAsync("That code is not right");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("That code is not right");
        await AssertAccessibleAsync(page);
        await page.Locator("#code").FillAsync(Later(totp, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/plans");
        await WaitForInteractiveAsync(page);

        // A recovery code signs in once (typed in small letters without its dash, as people do) ...
        await SignOutAsync(page);
        await SignInAsync(page, DemoUsers.Officer);
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await page.Locator("#recoverycode").FillAsync(recoveryCodes[0].Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a recovery code" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));

        // ... and not again.
        await SignOutAsync(page);
        await SignInAsync(page, DemoUsers.Officer);
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await page.Locator("#recoverycode").FillAsync(recoveryCodes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a recovery code" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recoverycode-error")).ToContainTextAsync("has already been used");
        Assert.Contains("/account/login/two-factor", page.Url, StringComparison.Ordinal);

        // Nine left, as the security page says once signed in with another.
        await page.Locator("#recoverycode").FillAsync(recoveryCodes[1]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a recovery code" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.GotoAsync("/account/security");
        await Assertions.Expect(page.Locator("[data-two-factor-status]")).ToContainTextAsync("Recovery codes left: 8.");
    }

    [Fact]
    public async Task NewRecoveryCodesReplaceTheOldAndTheSecondFactorCanBeTurnedOffWithACode()
    {
        var page = await NewPageAsync();
        var totp = await TurnOnAsync(page, DemoUsers.Director);
        var first = await page.Locator("[data-recovery-codes] li").AllInnerTextsAsync();

        await page.Locator("#codes-code").FillAsync(Later(totp, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Make new recovery codes" }).ClickAsync();
        var second = await page.Locator("[data-recovery-codes] li").AllInnerTextsAsync();
        Assert.Equal(10, second.Count);
        Assert.Empty(first.Intersect(second));

        // Turning it off needs a code too; then signing in asks for none.
        await page.Locator("#disable-code").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off the second factor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#disable-code-error")).ToContainTextAsync("That code is not right");
        await page.Locator("#disable-code").FillAsync(Later(totp, 2));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off the second factor" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-two-factor-status]")).ToContainTextAsync("Second factor: off");

        await SignOutAsync(page);
        await SignInAsync(page, DemoUsers.Director);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdministratorTurnsOffTheSecondFactorOfSomeoneWhoHasLostIt()
    {
        var owner = await NewPageAsync();
        await TurnOnAsync(owner, DemoUsers.Secretary);
        var id = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == DemoUsers.Secretary).Select(u => u.Id)));

        var admin = await NewPageAsync();
        await SignInToAsync(admin, DemoUsers.Administrator, $"/admin/users/{id}");
        await Assertions.Expect(admin.Locator("[data-two-factor]")).ToContainTextAsync("On");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Turn off second factor" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".confirm-box")).ToContainTextAsync("lost both their phone and their recovery codes");
        await AssertAccessibleAsync(admin);
        await admin.Locator("#confirm-yes").ClickAsync();
        await Assertions.Expect(admin.Locator(".saved-message")).ToContainTextAsync("The second factor is off.");
        await Assertions.Expect(admin.Locator("[data-two-factor]")).ToHaveTextAsync("Off");

        var again = await NewPageAsync();
        await SignInAsync(again, DemoUsers.Secretary);
        await again.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCodeStepSpeaksSwedishAndRefusesAWrongCodeInSwedish()
    {
        var english = await NewPageAsync();
        var totp = await TurnOnAsync(english, DemoUsers.Member);

        var page = await NewPageAsync("sv-SE");
        await SignInAsync(page, DemoUsers.Member);
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ange din inloggningskod");
        await page.Locator("#code").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#code-error")).ToContainTextAsync("Koden stämmer inte");
        await page.Locator("#recoverycode").FillAsync("AAAAA-BBBBB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med en återställningskod" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recoverycode-error")).ToContainTextAsync("har redan använts");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "two-factor-code-sv");

        // The right code signs in; the security page in Swedish says the second factor is on.
        await page.Locator("#code").FillAsync(Later(totp, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.GotoAsync("/account/security");
        await Assertions.Expect(page.Locator("[data-two-factor-status]")).ToContainTextAsync("Andra faktor: på.");
        await AssertAccessibleAsync(page);
    }

    /// <summary>The app's code <paramref name="steps"/> time steps from now: each code works once, so a later use in a test takes a later step (Identity allows two either side).</summary>
    private static string Later(Totp totp, int steps) => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));

    /// <summary>Signs in, turns the second factor on from the security page, and returns the app's codes.</summary>
    private static async Task<Totp> TurnOnAsync(IPage page, string email)
    {
        await SignInAsync(page, email, returnUrl: "/account/security");
        await page.WaitForURLAsync("**/account/security");
        var key = await page.Locator("[data-authenticator-key]").InnerTextAsync();
        var totp = new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()));
        await page.Locator("#enable-code").FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-recovery-codes] li")).ToHaveCountAsync(10);
        return totp;
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator("form.sign-out button").First.ClickAsync();
        await Assertions.Expect(page.Locator("a.appbar-button[href^='/account/login']")).ToBeVisibleAsync();
    }
}
