using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The real app on a PostgreSQL server of this test's own, restarted while pages are open in
/// Chromium: an update posted while the server is down is refused in words (try again; what was
/// typed kept) and nothing of it is saved; once the server is back the app listens to the change
/// feed again and an open page reloads once, showing a change it had not been told of; the same
/// update posted again is saved and reaches the open page.
/// </summary>
public sealed class PostgresRestartBrowserTests(BrowserSession session) : BrowserTest(session), IAsyncDisposable
{
    private const string Action = "Publish the refreshed corporate strategy";
    private readonly Lazy<(PostgresServer Server, string ConnectionString)> _own = new(() =>
    {
        var server = PostgresServer.StartOwnAsync().GetAwaiter().GetResult();
        return (server, server.ConnectionString(server.CreateDatabaseAsync(name: "portal").GetAwaiter().GetResult()));
    });

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        [PortalDatabase.ProviderKey] = "PostgreSQL",
        ["ConnectionStrings:Portal"] = _own.Value.ConnectionString,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWriteDuringARestartIsRefusedInWordsAndPagesCatchUpAfterIt()
    {
        var relay = App.Services.GetRequiredService<PostgresChangeRelay>();
        await relay.Listening.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var actionId = await App.QueryAsync(db => db.Actions.Where(a => a.Title == Action && a.Year == db.Plans.OrderBy(p => p.Id).First().OpenYear).Select(a => a.Id).SingleAsync());
        var member = await NewPageAsync();
        await SignInToAsync(member, DemoUsers.Member, "/plans/1");
        var row = member.Locator($"tr[data-action-id='{actionId}']");
        await Assertions.Expect(row).ToContainTextAsync("On track");
        var director = await NewPageAsync();
        await SignInToAsync(director, DemoUsers.Director, $"/plans/actions/{actionId}");

        // Saved by something that tells no open page (another instance whose link is down): the member's page does not know yet.
        await using (var other = new NpgsqlConnection(_own.Value.ConnectionString + ";Pooling=false"))
        {
            await other.OpenAsync(Ct);
            await using var rename = new NpgsqlCommand("UPDATE \"PlanActions\" SET \"Title\" = \"Title\" || ' (revised)' WHERE \"Id\" = @id", other);
            rename.Parameters.AddWithValue("id", actionId);
            Assert.Equal(1, await rename.ExecuteNonQueryAsync(Ct));
        }

        await member.WaitForTimeoutAsync(500);
        await Assertions.Expect(row).Not.ToContainTextAsync("(revised)");

        // The server stops: the update is refused in words, what was typed stays, nothing is saved.
        _own.Value.Server.Pause();
        try
        {
            await director.Locator("#progress-status").SelectOptionAsync("Completed");
            await director.Locator("#progress-commentary").FillAsync("Adopted by full Council.");
            await director.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
            await Assertions.Expect(director.Locator(".error-summary")).ToContainTextAsync("could not reach its database", new() { Timeout = 30_000 });
            Assert.Equal("Adopted by full Council.", await director.Locator("#progress-commentary").InputValueAsync());
            await AssertAccessibleAsync(director);
        }
        finally
        {
            _own.Value.Server.Resume();
        }

        // Back: the app listens again and the open page reloads once, showing what it had missed.
        await Assertions.Expect(row).ToContainTextAsync("(revised)", new() { Timeout = 45_000 });
        Assert.True(relay.Reconnects >= 1);
        var saved = await App.QueryAsync(db => db.Actions.Where(a => a.Id == actionId).Select(a => new { a.Status, Updates = db.ProgressUpdates.Count(u => u.ActionId == a.Id && u.Commentary == "Adopted by full Council.") }).SingleAsync());
        Assert.NotEqual(ActionStatus.Completed, saved.Status);
        Assert.Equal(0, saved.Updates);

        // The same update again: saved, and on the member's open page.
        await director.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Assertions.Expect(director.GetByText("Your update has been posted.")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync("Completed", new() { Timeout = 10_000 });
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_own.IsValueCreated)
        {
            NpgsqlConnection.ClearAllPools();
            _own.Value.Server.Stop();
        }
    }
}
