using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Signing in over HTTP, through the real form: an email with no account, a disabled account,
/// an account waiting for its first password and a wrong password get the same words and the
/// same work (one password hash checked, counted by a stand-in hasher, rather than timed, which
/// would be flaky); and wrong passwords lock that email only from the address they came from,
/// saying until when, so nobody can keep a colleague out by typing their email.
/// </summary>
public sealed partial class SignInTests : HttpTest
{
    private const string NoPasswordYet = "waiting.for.link@york.example";
    private const string Disabled = "switched.off@york.example";

    private readonly CountingHasher.Counter _checks = new();
    protected override PortalApp CreateApp() => new(services: services => services.AddScoped<IPasswordHasher<PortalUser>>(sp =>
        new CountingHasher(new PasswordHasher<PortalUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), _checks)));

    protected override async Task StartedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.CreateAsync(new PortalUser { UserName = NoPasswordYet, Email = NoPasswordYet, DisplayName = "Waiting" })).Succeeded);
        var disabled = new PortalUser { UserName = Disabled, Email = Disabled, DisplayName = "Off", DisabledUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(disabled, DemoUsers.Password)).Succeeded);
    }

    [Fact]
    public async Task AnUnknownEmailADisabledAccountANewAccountAndAWrongPasswordGetTheSameAnswerAndTheSameWork()
    {
        var answers = new Dictionary<string, string>();
        foreach (var (label, email, password) in new[]
        {
            ("no such account", "nobody.here@york.example", DemoUsers.Password),
            ("disabled, right password", Disabled, DemoUsers.Password),
            ("no password chosen yet", NoPasswordYet, DemoUsers.Password),
            ("wrong password", DemoUsers.Officer, "Not-The-Password-1"),
        })
        {
            using var client = await PortalHttp.ClientAsync(App.BaseUrl);
            var fields = await PortalHttp.FormFieldsAsync(client, "/account/login");
            fields["Input.Email"] = email;
            fields["Input.Password"] = password;
            _checks.Reset();

            using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(_checks.Verified == 1, $"{label}: {_checks.Verified} password hashes checked, not 1.");
            answers[label] = ErrorSummary().Match(await response.Content.ReadAsStringAsync(Ct)).Value;
        }

        Assert.Contains("The email address or password is not right", answers["wrong password"], StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(answers["wrong password"], a.Value));

        // And the right password does the same work, once.
        _checks.Reset();
        using (await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Officer))
        {
            Assert.Equal(1, _checks.Verified);
        }
    }

    [Fact]
    public async Task WrongPasswordsLockThatEmailOnlyFromTheirAddressAndSayUntilWhen()
    {
        string? answer = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            answer = await TryAsync("127.0.0.2", DemoUsers.Officer, "Wrong-Password-" + attempt);
            if (attempt < 5)
            {
                Assert.Contains("The email address or password is not right", answer, StringComparison.Ordinal);
            }
        }

        var until = DateTime.Now.AddMinutes(1);
        Assert.Matches(@"There have been too many wrong passwords for this email address from here\. Try again after \d\d:\d\d \(in 1 minute\)\.", answer);
        Assert.True(
            answer!.Contains(until.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            || answer.Contains(until.AddMinutes(-1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            answer);

        // The right password from the same address waits too, without a password being checked.
        _checks.Reset();
        Assert.Contains("Try again after", await TryAsync("127.0.0.2", DemoUsers.Officer, DemoUsers.Password), StringComparison.Ordinal);
        Assert.Equal(0, _checks.Verified);

        // The officer at her own desk signs in as usual; another email from the locked address does too.
        using (await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Officer, from: "127.0.0.1"))
        {
        }

        using (await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Director, from: "127.0.0.2"))
        {
        }
    }

    [Fact]
    public async Task AColleagueBehindTheSameAddressCannotLockOutSomeoneWhoseBrowserHasSignedInBefore()
    {
        // Heather signs in at the office (one address for the whole building) and later signs out.
        var office = "127.0.0.21";
        var herBrowser = PortalHttp.Handler(office);
        using (var heather = new HttpClient(herBrowser, disposeHandler: false) { BaseAddress = new Uri(App.BaseUrl) })
        {
            await PortalHttp.SignInAsync(heather, DemoUsers.Director);
        }

        var device = herBrowser.CookieContainer.GetCookies(new Uri(App.BaseUrl))[Portal.Infrastructure.Security.KnownDevices.CookieName];
        Assert.NotNull(device);

        // Someone at another desk in the same building types wrong passwords for her email until it locks.
        string? answer = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            answer = await TryAsync(office, DemoUsers.Director, "Wrong-Password-" + attempt);
        }

        Assert.Contains("Try again after", answer, StringComparison.Ordinal);
        Assert.Contains("Try again after", await TryAsync(office, DemoUsers.Director, DemoUsers.Password), StringComparison.Ordinal);

        // Her own browser, known for her email, is counted apart: she signs in as usual.
        var sameBrowser = PortalHttp.Handler(office);
        sameBrowser.CookieContainer.Add(device);
        using var again = new HttpClient(sameBrowser) { BaseAddress = new Uri(App.BaseUrl) };
        await PortalHttp.SignInAsync(again, DemoUsers.Director);
    }

    [Fact]
    public async Task GuessingOneEmailFromManyAddressesLocksEveryBrowserButTheOwnersOwn()
    {
        var herBrowser = PortalHttp.Handler("127.0.0.40");
        using (var barbara = new HttpClient(herBrowser, disposeHandler: false) { BaseAddress = new Uri(App.BaseUrl) })
        {
            await PortalHttp.SignInAsync(barbara, DemoUsers.Officer);
        }

        // Four wrong passwords from each of five addresses: none of them locks by itself; the twentieth locks them all.
        var answers = new List<string>();
        for (var address = 30; address < 35; address++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                answers.Add(await TryAsync($"127.0.0.{address}", DemoUsers.Officer, $"Guess-{address}-{attempt}"));
            }
        }

        Assert.All(answers[..^1], a => Assert.Contains("The email address or password is not right", a, StringComparison.Ordinal));
        Assert.Contains("Try again after", answers[^1], StringComparison.Ordinal);

        Assert.Contains("Try again after", await TryAsync("127.0.0.35", DemoUsers.Officer, DemoUsers.Password), StringComparison.Ordinal);

        var sameBrowser = PortalHttp.Handler("127.0.0.41");
        sameBrowser.CookieContainer.Add(herBrowser.CookieContainer.GetCookies(new Uri(App.BaseUrl))[Portal.Infrastructure.Security.KnownDevices.CookieName]!);
        using var again = new HttpClient(sameBrowser) { BaseAddress = new Uri(App.BaseUrl) };
        await PortalHttp.SignInAsync(again, DemoUsers.Officer);
    }

    /// <summary>One sign-in from <paramref name="from"/>; the error summary it answered with.</summary>
    private async Task<string> TryAsync(string from, string email, string password)
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl, from: from);
        var fields = await PortalHttp.FormFieldsAsync(client, "/account/login");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/account/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        return WebUtility.HtmlDecode(ErrorSummary().Match(await response.Content.ReadAsStringAsync(Ct)).Value);
    }

    [GeneratedRegex("<div class=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();

    /// <summary>The app's password hasher, counting the hashes it checks.</summary>
    private sealed class CountingHasher(IPasswordHasher<PortalUser> inner, CountingHasher.Counter counter) : IPasswordHasher<PortalUser>
    {
        public string HashPassword(PortalUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            counter.Add();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }

        public sealed class Counter
        {
            private int _verified;

            public int Verified => Volatile.Read(ref _verified);

            public void Add() => Interlocked.Increment(ref _verified);

            public void Reset() => Volatile.Write(ref _verified, 0);
        }
    }
}
