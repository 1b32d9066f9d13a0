using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using Portal.Tests.Security;

namespace Portal.Tests.Deployment;

/// <summary>
/// The portal in Production behind a real reverse proxy (YARP on loopback, connecting from
/// 127.0.0.2 and saying the visitor came over HTTPS to portal.example): when the proxy is one of
/// <c>Portal:KnownProxies</c> the portal counts each visitor's own address, builds its redirects
/// for the public host over HTTPS and sends HSTS; when it is not, it believes none of the headers.
/// The sign-in cookie is Secure outside Development either way.
/// </summary>
public sealed partial class ReverseProxyTests : IAsyncLifetime
{
    private const string PublicHost = "portal.example";

    private readonly List<IAsyncDisposable> _started = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BehindAKnownProxyThePortalSeesTheVisitorsAddressHttpsAndThePublicHost()
    {
        var proxy = await StartAsync(knownProxy: "127.0.0.2");
        using var visitor = new Visitor(proxy.BaseUrl, from: "127.0.0.5");

        using var challenged = await visitor.SendAsync(HttpMethod.Get, "/plans");
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.StartsWith($"https://{PublicHost}/account/login", challenged.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
        Assert.True(challenged.Headers.Contains("Strict-Transport-Security"), "HSTS is sent for a request that came over HTTPS to the proxy.");

        var signIn = await visitor.SignInAsync(DemoUsers.Director);
        Assert.Matches("(?i)^portal\\.auth=[^;]+;.*\\bsecure\\b.*\\bsamesite=lax\\b.*\\bhttponly\\b", signIn);

        // The search limit (2 here) counts the visitor at 127.0.0.5, not the proxy: another visitor is not held back.
        for (var i = 0; i < 2; i++)
        {
            using var taken = await visitor.SendAsync(HttpMethod.Get, "/search?q=plan");
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        }

        using (var refused = await visitor.SendAsync(HttpMethod.Get, "/search?q=plan"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        using var other = new Visitor(proxy.BaseUrl, from: "127.0.0.6");
        using var answered = await other.SendAsync(HttpMethod.Get, "/search?q=plan");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task FromAProxyNotConfiguredTheForwardedHeadersAreIgnored()
    {
        var proxy = await StartAsync(knownProxy: "127.0.0.3");
        using var visitor = new Visitor(proxy.BaseUrl, from: "127.0.0.5");

        // The proxy says https and portal.example; the portal believes neither: it sees plain HTTP
        // to the address the proxy asked for, and sends the visitor to HTTPS there, without HSTS.
        using var redirected = await visitor.SendAsync(HttpMethod.Get, "/account/login");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://127.0.0.1/account/login", redirected.Headers.Location?.AbsoluteUri);
        Assert.False(redirected.Headers.Contains("Strict-Transport-Security"), "No HSTS over what the portal sees as plain HTTP.");
    }

    [Fact]
    public async Task FromAProxyNotConfiguredEveryVisitorCountsAsTheProxysAddress()
    {
        // In Development, so that plain HTTP is answered rather than redirected.
        var proxy = await StartAsync(knownProxy: "127.0.0.3", environment: "Development");
        using var visitor = new Visitor(proxy.BaseUrl, from: "127.0.0.5");
        for (var i = 0; i < 2; i++)
        {
            using var taken = await visitor.SendAsync(HttpMethod.Get, "/search?q=plan");
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        }

        using var other = new Visitor(proxy.BaseUrl, from: "127.0.0.6");
        using var refused = await other.SendAsync(HttpMethod.Get, "/search?q=plan");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task AVisitorWhoReachedTheProxyOverPlainHttpIsSentToHttpsOnThePublicHost()
    {
        var proxy = await StartAsync(knownProxy: "127.0.0.2", proto: "http");
        using var visitor = new Visitor(proxy.BaseUrl, from: "127.0.0.5");

        using var redirected = await visitor.SendAsync(HttpMethod.Get, "/meetings?month=2026-12");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal($"https://{PublicHost}/meetings?month=2026-12", redirected.Headers.Location?.AbsoluteUri);
    }

    [Fact]
    public async Task AnAddressThatIsNotOneStopsThePortalWithOneLine()
    {
        var (exitCode, output, error) = await PortalProcess.RunAsync(["--Portal:KnownProxies=10.0.0.1;proxy.council", "--ConnectionStrings:Portal=Data Source=:memory:"], TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("The portal did not start: Portal:KnownProxies must list IP addresses such as 10.0.0.5, not \"proxy.council\".", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var started in Enumerable.Reverse(_started))
        {
            await started.DisposeAsync();
        }
    }

    private async Task<ReverseProxy> StartAsync(string knownProxy, string proto = "https", string environment = "Production")
    {
        var app = new PortalApp(environment: environment, settings: new Dictionary<string, string>
        {
            ["Portal:KnownProxies"] = knownProxy,
            ["Portal:RateLimits:SearchPerAddress"] = "2",
            ["Portal:RateLimits:WindowSeconds"] = "600",
        });
        _started.Add(app);
        app.Start();
        var proxy = await ReverseProxy.StartAsync(app.BaseUrl, from: "127.0.0.2", proto: proto);
        _started.Add(proxy);
        return proxy;
    }

    /// <summary>
    /// A visitor at its own loopback address asking the proxy for the public host, keeping its
    /// cookies by hand (a cookie jar would not send a Secure cookie over the test's plain HTTP).
    /// </summary>
    private sealed partial class Visitor : IDisposable
    {
        private readonly HttpClient _client;
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public Visitor(string proxyUrl, string from)
        {
            var handler = PortalHttp.Handler(from);
            handler.UseCookies = false;
            handler.AllowAutoRedirect = false;
            _client = new HttpClient(handler) { BaseAddress = new Uri(proxyUrl) };
        }

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Host = PublicHost;
            request.Headers.AcceptLanguage.ParseAdd("en-GB");
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await _client.SendAsync(request, Ct);
            foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = set.Split(';', 2)[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }

            return response;
        }

        /// <summary>Signs in through the form; returns the sign-in cookie's Set-Cookie header.</summary>
        public async Task<string> SignInAsync(string email)
        {
            string form;
            using (var page = await SendAsync(HttpMethod.Get, "/account/login"))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                form = await page.Content.ReadAsStringAsync(Ct);
            }

            var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
            fields["Input.Email"] = email;
            fields["Input.Password"] = DemoUsers.Password;
            using var signedIn = await SendAsync(HttpMethod.Post, "/account/login", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            return Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        }

        public void Dispose() => _client.Dispose();

        [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
        private static partial Regex HiddenInput();
    }
}
