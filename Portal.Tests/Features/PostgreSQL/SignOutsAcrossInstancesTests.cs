using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Components.Account;
using Portal.Data;
using Portal.Features.Admin.Users;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.PostgreSQL;

/// <summary>
/// Two instances of the portal's services on one PostgreSQL database, each with its own change
/// relay: a session ended by signing out on A is refused on B straight away (B had already read
/// the ended sessions, so only the change can have told it), and a page open on B (its circuit's
/// authentication state) is signed out at once both when its session is ended on A and when an
/// administrator on A disables its sign-in; another person's page on B stays signed in.
/// </summary>
public sealed class SignOutsAcrossInstancesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignOutOrADisabledSignInOnOneInstanceEndsTheSessionAndOpenPagesOnTheOther()
    {
        await using var a = await ServiceHarness.StartAsync(provider: DatabaseProvider.PostgreSQL);
        await using var b = ServiceHarness.Build(a.ConnectionString, "en", out _, provider: DatabaseProvider.PostgreSQL);
        var relayA = a.Root.GetRequiredService<PostgresChangeRelay>();
        var relayB = b.GetRequiredService<PostgresChangeRelay>();
        await relayA.StartAsync(Ct);
        await relayB.StartAsync(Ct);
        try
        {
            await Task.WhenAll(relayA.Listening, relayB.Listening).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            var sessionsB = b.GetRequiredService<EndedSessions>();
            var session = EndedSessions.NewId();
            Assert.False(await sessionsB.HasEndedAsync(session, Ct));

            // A page open on B for the officer in that session, and one for the director in another.
            using var officerPage = await PageAsync(b, DemoUsers.Officer, session);
            using var directorPage = await PageAsync(b, DemoUsers.Director, EndedSessions.NewId());

            await a.Root.GetRequiredService<EndedSessions>().EndAsync(session, Ct);
            await WaitUntilAsync(async () => await sessionsB.HasEndedAsync(session, Ct));
            await WaitUntilAsync(async () => !await SignedInAsync(officerPage));
            Assert.True(await SignedInAsync(directorPage), "Only the ended session's pages are signed out.");

            // An administrator on A disables the director: the director's page on B is signed out too.
            await using (var admin = await a.SignedInAsAsync(DemoUsers.Administrator))
            {
                var users = admin.Get<UserManager<PortalUser>>();
                var director = (await users.FindByEmailAsync(DemoUsers.Director))!;
                await admin.Get<UserAccessService>().DisableAsync(director.Id, director.ConcurrencyStamp!, Ct);
            }

            await WaitUntilAsync(async () => !await SignedInAsync(directorPage));
        }
        finally
        {
            await relayA.StopAsync(CancellationToken.None);
            await relayB.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The authentication state a circuit on <paramref name="instance"/> would have, signed in as <paramref name="email"/> in <paramref name="session"/>.</summary>
    private static async Task<IdentityRevalidatingAuthenticationStateProvider> PageAsync(IServiceProvider instance, string email, string session)
    {
        var scope = instance.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo user {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var made in identity.Claims.Where(c => c.Type is PortalClaims.Session or PortalClaims.SignedInAt).ToList())
        {
            identity.RemoveClaim(made);
        }

        identity.AddClaim(new Claim(PortalClaims.Session, session));
        identity.AddClaim(new Claim(PortalClaims.SignedInAt, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var page = new IdentityRevalidatingAuthenticationStateProvider(
            instance.GetRequiredService<ILoggerFactory>(), instance.GetRequiredService<IServiceScopeFactory>(), instance.GetRequiredService<IOptions<IdentityOptions>>(),
            instance.GetRequiredService<IOptions<PortalOptions>>(), instance.GetRequiredService<EndedSessions>(), TimeProvider.System, instance.GetRequiredService<ChangeFeed>());
        page.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        await scope.DisposeAsync();
        return page;
    }

    private static async Task<bool> SignedInAsync(AuthenticationStateProvider page) =>
        (await page.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "What was done on instance A did not take effect on instance B within 10 seconds.");
            await Task.Delay(50, Ct);
        }
    }
}
