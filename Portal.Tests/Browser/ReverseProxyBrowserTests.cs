using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// Chromium through a real reverse proxy (YARP on loopback, trusted by the portal): pages come
/// alive, so Blazor's WebSocket passes through it; the live page is counted against the
/// browser's own address, not the proxy's; a signed-in page passes axe.
/// </summary>
public sealed class ReverseProxyBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private const string ProxyAddress = "127.0.0.2";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Portal:KnownProxies"] = ProxyAddress };

    [Fact]
    public async Task PagesGoLiveThroughTheProxyAndCountAgainstTheVisitorsAddress()
    {
        // The browser really speaks plain HTTP to the proxy, so the proxy says so (said https, the
        // portal would rightly mark its cookies Secure, and a browser on http would not send them back).
        await using var proxy = await ReverseProxy.StartAsync(App.BaseUrl, from: ProxyAddress, proto: "http");
        var limiter = App.Services.GetRequiredService<CircuitLimiter>();
        var visitor = await NewPageAsync(baseUrl: proxy.BaseUrl);

        await GoToAsync(visitor, "/");
        Assert.Equal(1, limiter.OpenFor(new ClaimsPrincipal(), "127.0.0.1"));
        Assert.Equal(0, limiter.OpenFor(new ClaimsPrincipal(), ProxyAddress));

        var director = await NewPageAsync(baseUrl: proxy.BaseUrl);
        await SignInToAsync(director, DemoUsers.Director, "/plans");
        await Assertions.Expect(director.Locator("h1")).ToHaveTextAsync("Directorate plans");
        await AssertAccessibleAsync(director);
    }
}
