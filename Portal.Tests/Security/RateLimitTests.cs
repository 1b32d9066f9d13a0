using System.Net;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Over HTTP, past each limit (set low here; the defaults are in <c>RateLimitOptions</c>): the
/// sign-in, setup and set-password posts, search and the feeds answer 429 with Retry-After and a
/// short page in the reader's language saying when to try again; other addresses, and reading
/// the forms, are not held back.
/// </summary>
public sealed class RateLimitTests : HttpTest
{
    protected override PortalApp CreateApp() => new(settings: new Dictionary<string, string>
    {
        ["Portal:RateLimits:SignInPerAddress"] = "5",
        ["Portal:RateLimits:SignInPerAccount"] = "3",
        ["Portal:RateLimits:SetupPerAddress"] = "2",
        ["Portal:RateLimits:SetPasswordPerAddress"] = "2",
        ["Portal:RateLimits:SearchPerAddress"] = "3",
        ["Portal:RateLimits:FeedsPerAddress"] = "3",
        ["Portal:RateLimits:WindowSeconds"] = "600",
    });

    [Fact]
    public async Task SignInsPastTheLimitForOneAccountAndThenForOneAddressAreRefusedWithWhenToTryAgain()
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl, from: "127.0.0.3");
        var fields = await PortalHttp.FormFieldsAsync(client, "/account/login");

        // Three for one email are taken (and answered as wrong passwords); the fourth is over the account's limit.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, fields, DemoUsers.Director, "Wrong-" + i)).StatusCode);
        }

        await AssertRefusedAsync(await SignInAsync(client, fields, DemoUsers.Director, DemoUsers.Password), "Try again in");

        // Other emails from the same address go on until the address's limit (the refused one did not count).
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, fields, "someone@york.example", "Wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, fields, "someone.else@york.example", "Wrong")).StatusCode);
        await AssertRefusedAsync(await SignInAsync(client, fields, "a.third@york.example", "Wrong"), "Try again in");

        // Reading the form is not held back, nor is anyone at another address.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Ct)).StatusCode);
        using (await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Director, from: "127.0.0.1"))
        {
        }
    }

    [Fact]
    public async Task ASignInFormNoPageSendsIsAnsweredBadRequestNotAnError()
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl, from: "127.0.0.9");
        var fields = Enumerable.Range(0, 5_000).Select(i => new KeyValuePair<string, string>($"f{i}", "x"));

        using var answer = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/setup", 2, "127.0.0.4")]
    [InlineData("/account/set-password?user=x&code=y", 2, "127.0.0.5")]
    public async Task FormPostsPastTheLimitAreRefused(string path, int limit, string from)
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl, from: from);
        var fields = await PortalHttp.FormFieldsAsync(client, path);
        for (var i = 0; i < limit; i++)
        {
            using var taken = await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, taken.StatusCode);
        }

        await AssertRefusedAsync(await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct), "Try again in");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/search?q=plan", "127.0.0.6")]
    [InlineData("/meetings/calendar.ics", "127.0.0.7")]
    public async Task ReadsPastTheLimitAreRefusedInTheReadersLanguage(string path, string from)
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl, from: from);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, Ct)).StatusCode);
        }

        using var refused = await client.GetAsync(path, Ct);
        var page = await AssertRefusedAsync(refused, "Försök igen om");
        Assert.Contains("<h1>För många förfrågningar</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv-SE\">", page, StringComparison.Ordinal);

        using var elsewhere = await PortalHttp.ClientAsync(App.BaseUrl, from: "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(path, Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, Dictionary<string, string> fields, string email, string password)
    {
        var form = new Dictionary<string, string>(fields) { ["Input.Email"] = email, ["Input.Password"] = password };
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(form), Ct);
    }

    /// <summary>429, a Retry-After within the window, and a page that says when to try again; returns the page.</summary>
    private static async Task<string> AssertRefusedAsync(HttpResponseMessage response, string says)
    {
        using (response)
        {
            var page = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
            Assert.Contains(says, page, StringComparison.Ordinal);
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            return page;
        }
    }
}
