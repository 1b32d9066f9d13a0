using System.Net;
using Portal.Tests.Browser;
using Portal.Tests.Security;

namespace Portal.Tests.OpenData;

/// <summary>The open data's own rate limit: one address over it is refused with 429 and told when to come back.</summary>
public sealed class OpenDataRateLimitTests : HttpTest
{
    protected override PortalApp CreateApp() => new(settings: new Dictionary<string, string> { ["Portal:RateLimits:OpenDataPerAddress"] = "3" });

    [Fact]
    public async Task AnAddressOverTheLimitIsRefusedWithRetryAfter()
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        foreach (var path in new[] { "/oparl/v1/system", "/api/v1/decisions", "/decisions.atom" })
        {
            using var ok = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync("/oparl/v1/body/1/meeting", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        // Another address is not held back by this one.
        using var other = await PortalHttp.ClientAsync(App.BaseUrl, from: "127.0.0.2");
        using var fine = await other.GetAsync("/oparl/v1/system", Ct);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }
}
