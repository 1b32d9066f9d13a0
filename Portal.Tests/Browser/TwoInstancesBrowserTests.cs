using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// Two instances of the real app (A is the test's own, B a second host) on one PostgreSQL
/// database, mailing through one SMTP server on loopback, in Chromium: a progress update posted on
/// A changes the dashboard open on B without a reload; a sign-in made on A is good on B (the
/// data-protection keys are shared), and signing out on A sends the page open on B, and any copy of
/// the cookie there, to the sign-in form; mails due are sent once between the two instances' rounds.
/// </summary>
public sealed class TwoInstancesBrowserTests(BrowserSession session) : BrowserTest(session), IAsyncDisposable
{
    private const string OverdueAction = "Publish the refreshed corporate strategy";
    private readonly Lazy<(PostgresDatabase Database, LoopbackSmtp Smtp)> _shared = new(() =>
        (PostgresDatabase.CreateAsync("en", realTime: true).GetAwaiter().GetResult(), LoopbackSmtp.StartAsync().GetAwaiter().GetResult()));

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        [PortalDatabase.ProviderKey] = "PostgreSQL",
        ["ConnectionStrings:Portal"] = _shared.Value.Database.ConnectionString,
        ["Portal:Mail:Host"] = "127.0.0.1",
        ["Portal:Mail:Port"] = _shared.Value.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Portal:Mail:TlsMode"] = "None",
        ["Portal:Mail:PollSeconds"] = "0.2",
    };

    [Fact]
    public async Task AnUpdateOnOneInstanceReachesTheOtherASignOutEndsBothAndMailGoesOnce()
    {
        using var b = new PortalApp("en", Settings);
        b.Start();
        var actionId = await App.QueryAsync(db => db.Actions.Where(a => a.Title == OverdueAction && a.Year == db.Plans.OrderBy(p => p.Id).First().OpenYear).Select(a => a.Id).SingleAsync());

        // The director's dashboard open on B; the director posts an update on A.
        var onB = await NewPageAsync(baseUrl: b.BaseUrl);
        await SignInToAsync(onB, DemoUsers.Director, "/plans/1/dashboard");
        var overdue = onB.Locator("section[aria-labelledby='overdue-title']");
        await Assertions.Expect(overdue).ToContainTextAsync(OverdueAction);
        var onA = await NewPageAsync();
        await SignInToAsync(onA, DemoUsers.Director, $"/plans/actions/{actionId}");
        await onA.Locator("#progress-status").SelectOptionAsync("Completed");
        await onA.Locator("#progress-commentary").FillAsync("Adopted by full Council.");
        await onA.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Assertions.Expect(onA.GetByText("Your update has been posted.")).ToBeVisibleAsync();
        await Assertions.Expect(overdue).Not.ToContainTextAsync(OverdueAction, new() { Timeout = 10_000 });
        await AssertAccessibleAsync(onB);

        // One sign-in on A, its cookie carried to B (as a proxy without sticky sessions would): B takes it.
        var person = await NewPageAsync();
        await SignInToAsync(person, DemoUsers.Officer, "/organisation");
        var cookie = (await person.Context.CookiesAsync()).Single(c => c.Name == "portal.auth");
        var copy = await NewPageAsync(baseUrl: b.BaseUrl);
        await copy.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path }]);
        await GoToAsync(copy, "/plans");
        await Assertions.Expect(copy.Locator("h1")).ToHaveTextAsync("Directorate plans");

        // Signing out on A: the page open on B goes to the sign-in form by itself, and B refuses the cookie from then on.
        await person.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(copy).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 10_000 });
        var jar = new CookieContainer();
        jar.Add(new Uri(b.BaseUrl), new System.Net.Cookie("portal.auth", cookie.Value));
        using (var client = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = new Uri(b.BaseUrl) })
        {
            using var response = await client.GetAsync("/plans", Ct);
            Assert.StartsWith("/account/login", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        }

        // Mail due: both instances' rounds run every fifth of a second; each mail arrives once.
        var smtp = _shared.Value.Smtp;
        var due = await App.QueryAsync(async db =>
        {
            var someone = await db.People.Where(p => p.Email != null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            for (var i = 0; i < 60; i++)
            {
                db.Notifications.Add(Notification.Create(
                    NotificationKind.ReportPublished, someone, $"reader{i}@example.org", "en-GB", $"Report {i}", null, null, "reports", null, DeliveryState.Pending, DateTime.UtcNow));
            }

            await db.SaveChangesAsync();
            return await db.Notifications.CountAsync(n => n.State == DeliveryState.Pending);
        });
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.State == DeliveryState.Pending || n.State == DeliveryState.Sending)) && DateTime.UtcNow < until)
        {
            await Task.Delay(100, Ct);
        }

        var sent = await App.QueryAsync(db => db.Notifications.Where(n => n.State == DeliveryState.Sent).Select(n => n.Id).ToListAsync());
        Assert.True(sent.Count >= due, $"Every mail due was sent ({sent.Count} of at least {due}).");
        var ids = smtp.Messages.Select(m => m.Message.MessageId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(sent.Count, ids.Count);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_shared.IsValueCreated)
        {
            await _shared.Value.Smtp.DisposeAsync();
            await _shared.Value.Database.DisposeAsync();
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
