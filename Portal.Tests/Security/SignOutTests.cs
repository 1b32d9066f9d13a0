using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Signing out ends the session on the server, at once: a copy of the cookie taken while signed
/// in (from a shared computer, a proxy log, a stolen laptop's browser profile) is refused on its
/// very next request after the sign-out, while the same person's sign-in on another device goes on.
/// </summary>
public sealed class SignOutTests : HttpTest
{
    [Fact]
    public async Task ACookieCopiedBeforeSignOutIsRefusedStraightAfterIt()
    {
        var handler = PortalHttp.Handler();
        using var browser = new HttpClient(handler) { BaseAddress = new Uri(App.BaseUrl) };
        await PortalHttp.SignInAsync(browser, DemoUsers.Officer);
        using var otherDevice = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Officer);
        var cookie = handler.CookieContainer.GetAllCookies().Single(c => c.Name == "portal.auth").Value;
        using var copy = WithCookie(cookie);
        Assert.Equal("/organisation", await LandsOnAsync(copy, "/organisation"));

        var fields = await PortalHttp.FormFieldsAsync(browser, "/");
        using (var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(fields), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        }

        Assert.StartsWith("/account/login", await LandsOnAsync(copy, "/organisation"), StringComparison.Ordinal);
        using var anotherCopy = WithCookie(cookie);
        Assert.StartsWith("/account/login", await LandsOnAsync(anotherCopy, "/plans"), StringComparison.Ordinal);
        Assert.StartsWith("/account/login", await LandsOnAsync(browser, "/organisation"), StringComparison.Ordinal);
        Assert.Equal("/organisation", await LandsOnAsync(otherDevice, "/organisation"));
    }

    [Fact]
    public async Task AnEndedSessionStaysEndedAfterARestart()
    {
        var id = EndedSessions.NewId();
        await App.Services.GetRequiredService<EndedSessions>().EndAsync(id, Ct);

        // A new instance over the same database, as after a restart, reads what was ended.
        var restarted = new EndedSessions(App.Services.GetRequiredService<IServiceScopeFactory>(), App.Services.GetRequiredService<IOptions<PortalOptions>>(), TimeProvider.System, new Portal.Infrastructure.LiveUpdates.ChangeFeed(Microsoft.Extensions.Logging.Abstractions.NullLogger<Portal.Infrastructure.LiveUpdates.ChangeFeed>.Instance));
        Assert.True(await restarted.HasEndedAsync(id, Ct));
        Assert.False(await restarted.HasEndedAsync(EndedSessions.NewId(), Ct));
    }

    private HttpClient WithCookie(string value)
    {
        var handler = PortalHttp.Handler();
        handler.CookieContainer.Add(new Uri(App.BaseUrl), new Cookie("portal.auth", value));
        return new HttpClient(handler) { BaseAddress = new Uri(App.BaseUrl) };
    }

    /// <summary>Where a request for <paramref name="path"/> ends up: the page, or the sign-in form.</summary>
    private static async Task<string> LandsOnAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }
}
