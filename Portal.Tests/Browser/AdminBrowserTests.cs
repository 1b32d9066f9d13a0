using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>An administrator gives someone a sign-in, they choose their password from the link, and the administrator later disables it.</summary>
public sealed class AdminBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private const string Email = "joan.clerk@york.example";
    private const string Password = "Minutes-Taken-2026!";

    [Fact]
    public async Task ASignInIsCreatedTheOwnerChoosesAPasswordAndItIsDisabledLater()
    {
        var admin = await NewPageAsync();
        await SignInToAsync(admin, DemoUsers.Administrator, "/admin/users");
        await AssertAccessibleAsync(admin);

        // Nothing filled in: the summary at the top and the message beside the field.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create sign-in" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".error-summary")).ToContainTextAsync("Enter the email address");
        await Assertions.Expect(admin.Locator("#new-user-email-error")).ToContainTextAsync("Enter the email address");
        await AssertAccessibleAsync(admin);

        await admin.Locator("#new-user-name").FillAsync("Joan Clerk");
        await admin.Locator("#new-user-email").FillAsync(Email);
        await admin.GetByLabel("Officer: council staff").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create sign-in" }).ClickAsync();
        var link = admin.Locator("#invitation-link");
        await Assertions.Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/account/set-password\\?user="));
        await Assertions.Expect(admin.Locator("table")).ToContainTextAsync("Awaiting password");
        await AssertAccessibleAsync(admin);
        await ScreenshotAsync(admin, "admin-users");
        var invitation = await link.InputValueAsync();

        // The owner, at their own browser, follows the link.
        var owner = await NewPageAsync();
        await owner.GotoAsync(invitation);
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("Choose your password");
        await AssertAccessibleAsync(owner);
        await owner.Locator("#new-password").FillAsync(Password);
        await owner.Locator("#confirm-password").FillAsync(Password + "x");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(owner.Locator("#confirm-password-error")).ToContainTextAsync("not the same");
        await owner.Locator("#new-password").FillAsync("short");
        await owner.Locator("#confirm-password").FillAsync("short");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(owner.Locator("#new-password-error")).ToContainTextAsync("at least 12 characters");
        await AssertAccessibleAsync(owner);
        await owner.Locator("#new-password").FillAsync(Password);
        await owner.Locator("#confirm-password").FillAsync(Password);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(owner.Locator("[role=status]")).ToContainTextAsync("Your password is set");
        await owner.GotoAsync(invitation);
        await Assertions.Expect(owner.Locator("[role=alert]")).ToContainTextAsync("has been used");
        await SignInAsync(owner, Email, Password, "/plans");
        await owner.WaitForURLAsync("**/plans");

        // The administrator disables it (after saying so twice); the owner's next sign-in is refused.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Joan Clerk" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Joan Clerk");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Active");
        await AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Disable sign-in" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".confirm-box")).ToContainTextAsync("Disable the sign-in of Joan Clerk?");
        await AssertAccessibleAsync(admin);
        await admin.Locator("#confirm-yes").ClickAsync();
        await Assertions.Expect(admin.Locator(".saved-message")).ToContainTextAsync("The sign-in is disabled");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Switched off by an administrator");
        await ScreenshotAsync(admin, "admin-user");

        var again = await NewPageAsync();
        await SignInAsync(again, Email, Password);
        await Assertions.Expect(again.Locator("#email-error")).ToBeVisibleAsync();
        Assert.Contains("/account/login", again.Url, StringComparison.Ordinal);
    }
}
