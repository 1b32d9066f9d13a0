using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>The structure chart, establishment and statutory roles in a real browser: keyboard, totals, bad input and axe in both languages.</summary>
public sealed class EstablishmentBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Fact]
    public async Task TheStructureChartWorksByKeyboardAndShowsTheSection151Officer()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Member, "/organisation/chart");

        // The top two levels start open; each branch has a button that says what it does and whether it is open.
        var deputy = page.Locator("li.chart-node:has(> .chart-post .chart-title:text-is('Strategic Director (Deputy Chief Executive)'))");
        var toggle = deputy.Locator("> .chart-post .chart-toggle");
        var resources = page.Locator("li.chart-node:has(> .chart-post .chart-title:text-is('Assistant Director (Resources)'))");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(resources).ToContainTextAsync("Keith Best");
        await Assertions.Expect(resources).ToContainTextAsync("Section 151 Officer");

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(resources).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Strategic Director (Deputy Chief Executive)", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(resources).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Show every post" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.chart-node")).ToHaveCountAsync(9);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "structure-chart");

        await page.Locator("#chart-on").FillAsync("2009-07-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h2").First).ToContainTextAsync("20 Jul 2009");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show every post" }).ClickAsync();
        await Assertions.Expect(page.Locator(".chart .status-tag", new() { HasText = "Vacant" })).ToHaveCountAsync(8);
    }

    [Fact]
    public async Task TheEstablishmentTotalsTheDemoTeamAndBadInputIsRefusedBesideItsField()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Administrator, "/organisation/establishment");

        var total = page.Locator("tfoot tr");
        await Assertions.Expect(total).ToContainTextAsync("The whole council");
        Assert.Equal(["9", "9", "7", "2", "£714,999", "£752,049", "£789,100"], await total.Locator("td").AllTextContentsAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "establishment");

        await page.Locator("#grade-name").FillAsync("Head of Service");
        await page.Locator("#grade-minimum").FillAsync("58,000");
        await page.Locator("#grade-maximum").FillAsync("52,500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the grade" }).ClickAsync();
        await Assertions.Expect(page.Locator("#grade-maximum-error")).ToContainTextAsync("minimum cannot be more than its maximum");
        Assert.False(await App.QueryAsync(db => db.Grades.AnyAsync(g => g.Name == "Head of Service")));

        await GoToAsync(page, "/organisation/posts/new");
        await page.Locator("#post-number").FillAsync("AD-007");
        await page.Locator("#post-title").FillAsync("Assistant Director (Digital)");
        await page.Locator("#post-unit").SelectOptionAsync(new SelectOptionValue { Label = "Finance" });
        await page.Locator("#post-grade").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#post-fte").FillAsync("1.5");
        var today = DateOnly.FromDateTime(DateTime.Now);
        await page.Locator("#post-from").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the post" }).ClickAsync();
        await Assertions.Expect(page.Locator("#post-fte-error")).ToContainTextAsync("one post is for one person");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("one post is for one person");
        Assert.False(await App.QueryAsync(db => db.Posts.AnyAsync(p => p.Number == "AD-007")));

        await page.Locator("#post-fte").FillAsync("0.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the post" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Assistant Director (Digital)");
        await page.GetByText("Change whom it is accountable to").ClickAsync();
        await page.Locator("#reporting-to").SelectOptionAsync(new SelectOptionValue { Label = "AD-001 Assistant Director (Resources)" });
        await page.Locator("#reporting-from").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Assistant Director (Resources)");

        // The Assistant Director (Resources) cannot now report to the post beneath it.
        var resources = await App.QueryAsync(db => db.Posts.Where(p => p.Number == "AD-001").Select(p => p.Id).SingleAsync());
        await GoToAsync(page, $"/organisation/posts/{resources}");
        await page.GetByText("Change whom it is accountable to").ClickAsync();
        await page.Locator("#reporting-to").SelectOptionAsync(new SelectOptionValue { Label = "AD-007 Assistant Director (Digital)" });
        await page.Locator("#reporting-from").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reporting-to-error")).ToContainTextAsync("cannot be accountable to a post beneath it");
        await AssertAccessibleAsync(page);

        // The Section 151 Officer's post cannot also be the Monitoring Officer's: the reason, with the Act, beside the post.
        await GoToAsync(page, "/organisation/statutory-roles");
        await page.Locator("#designate-role").SelectOptionAsync(new SelectOptionValue { Label = "Monitoring Officer" });
        await page.Locator("#designate-post").SelectOptionAsync(new SelectOptionValue { Label = "AD-001 Assistant Director (Resources)" });
        await page.Locator("#designate-from").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Designate" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designate-post-error")).ToContainTextAsync("shall not be the authority's chief finance officer (Local Government and Housing Act 1989, s.5(1))");
        await Assertions.Expect(page.Locator("#designate-post")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(4, await App.QueryAsync(db => db.StatutoryDesignations.CountAsync()));
        await AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("sv-SE")]
    public async Task EveryEstablishmentPageHasNoAxeViolations(string culture)
    {
        var post = await App.QueryAsync(db => db.Posts.Where(p => p.Number == "AD-004").Select(p => p.Id).SingleAsync());
        var page = await NewPageAsync(culture);
        await ScanAsync(page, "/organisation/statutory-roles");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Quentin Baker");

        await SignInToAsync(page, DemoUsers.Administrator, "/organisation/chart");
        var english = culture == "en-GB";
        foreach (var path in english
            ? ["/organisation/chart", "/organisation/establishment", "/organisation/statutory-roles", "/organisation/posts/new", $"/organisation/posts/{post}"]
            : new[] { "/organisation/establishment", $"/organisation/posts/{post}" })
        {
            await GoToAsync(page, path);
            foreach (var details in await page.Locator("details").AllAsync())
            {
                await details.Locator("summary").ClickAsync();
            }

            await AssertAccessibleAsync(page);
        }

        await GoToAsync(page, "/meetings/bodies/emg");
        await ScreenshotAsync(page, $"emg-by-post-{culture}");
        await GoToAsync(page, $"/organisation/posts/{post}");
        await ScreenshotAsync(page, $"post-{culture}");
        await GoToAsync(page, "/organisation/statutory-roles");
        await ScreenshotAsync(page, $"roles-{culture}");
    }
}
