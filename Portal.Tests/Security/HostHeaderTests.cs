using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Meetings.Feeds;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// A request with a forged Host header (anyone can send one) gets feeds and pages whose links go
/// to the portal's configured address (<c>Portal:PublicUrl</c>), or without one to the address the
/// server listens on: never to the forger's host, which a calendar app would then keep polling.
/// </summary>
public sealed class HostHeaderTests
{
    private const string Forged = "evil.example";
    private const string Configured = "https://portal.york.example/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FeedsAndPagesLinkToTheConfiguredAddressWhateverTheHostHeaderSays()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string> { ["Portal:PublicUrl"] = Configured });
        app.Start();
        var august = (await PageAuthorisationMatrixTests.SamplesAsync(app))["august"];
        var token = await PersonalTokenAsync(app, DemoUsers.SecondMember);
        using var forger = await PortalHttp.ClientAsync(app.BaseUrl);
        forger.DefaultRequestHeaders.Host = Forged;

        foreach (var feed in new[] { "/meetings/calendar.ics", "/meetings/emap-cs/calendar.ics", $"/meetings/{august}/meeting.ics", $"/meetings/feeds/{token}.ics" })
        {
            var ics = await ReadAsync(forger, feed);
            Assert.Contains($"URL:{Configured}meetings/", ics, StringComparison.Ordinal);
            Assert.DoesNotContain(Forged, ics, StringComparison.Ordinal);
        }

        var meetings = await ReadAsync(forger, "/meetings");
        Assert.Contains("href=\"webcal://portal.york.example/meetings/calendar.ics\"", meetings, StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, meetings, StringComparison.Ordinal);
        var body = await ReadAsync(forger, "/meetings/bodies/emap-cs");
        Assert.Contains("href=\"webcal://portal.york.example/meetings/emap-cs/calendar.ics\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAConfiguredAddressFeedsLinkToTheAddressTheServerListensOn()
    {
        await using var app = new PortalApp();
        app.Start();
        using var forger = await PortalHttp.ClientAsync(app.BaseUrl);
        forger.DefaultRequestHeaders.Host = Forged;

        var ics = await ReadAsync(forger, "/meetings/calendar.ics");

        Assert.Contains($"URL:{app.BaseUrl}/meetings/", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, ics, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // iCalendar folds long lines at 75 octets; unfolded, a link reads whole.
        return (await response.Content.ReadAsStringAsync(Ct)).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
    }

    private static async Task<string> PersonalTokenAsync(PortalApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync((await users.FindByEmailAsync(email))!);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActFor(principal);
        return (await scope.ServiceProvider.GetRequiredService<CalendarFeedService>().MyTokenAsync(false, Ct))!;
    }
}
