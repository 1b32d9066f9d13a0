using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>One sign-in cannot hold more live pages than the limit; closing one frees its place.</summary>
public sealed class CircuitLimitBrowserTests(BrowserSession session) : BrowserTest(session)
{
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Portal:MaxCircuitsPerUser"] = "2" };

    [Fact]
    public async Task APageOverTheLimitStaysReadableButIsNotLiveUntilAnotherCloses()
    {
        var first = await NewPageAsync();
        await SignInToAsync(first, DemoUsers.Director, "/plans");
        var second = await first.Context.NewPageAsync();
        await GoToAsync(second, "/organisation");

        // The third tab of the same sign-in: served and readable, never interactive.
        var third = await first.Context.NewPageAsync();
        await third.GotoAsync("/reports");
        await Assertions.Expect(third.Locator("h1")).ToHaveTextAsync("Reports");
        await third.WaitForTimeoutAsync(3000);
        Assert.Null(await third.Locator("body").GetAttributeAsync("data-interactive"));

        // Another person is not affected by the director's tabs.
        var officer = await NewPageAsync();
        await SignInToAsync(officer, DemoUsers.Officer, "/plans");

        // Closing a tab frees its place.
        await second.CloseAsync();
        await third.ReloadAsync();
        await WaitForInteractiveAsync(third);
    }
}
