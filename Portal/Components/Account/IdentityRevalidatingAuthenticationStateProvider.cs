using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Components.Account;

// This is a server-side AuthenticationStateProvider that revalidates the security stamp, the absolute
// session limit and whether the session was ended by signing out, for the connected user every 5 minutes
// an interactive circuit is connected; and at once when the change feed says the circuit's session was
// ended (a sign-out in another tab, or on another instance) or its sign-in was changed (disabled by an
// administrator, which changes its stamp), so an open page does not outlive either by minutes.
internal sealed class IdentityRevalidatingAuthenticationStateProvider
    : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IOptions<IdentityOptions> _options;
    private readonly IOptions<PortalOptions> _portal;
    private readonly Portal.Infrastructure.Security.EndedSessions _sessions;
    private readonly TimeProvider _clock;
    private readonly IDisposable _sessionsChanged;
    private readonly IDisposable _userChanged;
    private readonly CancellationTokenSource _disposed = new();

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IOptions<PortalOptions> portal,
        Portal.Infrastructure.Security.EndedSessions sessions,
        TimeProvider clock,
        Portal.Infrastructure.LiveUpdates.ChangeFeed feed)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _options = options;
        _portal = portal;
        _sessions = sessions;
        _clock = clock;
        _sessionsChanged = feed.Subscribe<Portal.Infrastructure.Security.SessionsChanged>(change => _ = EndIfAsync(user => user.FindFirstValue(Portal.Infrastructure.Security.PortalClaims.Session) == change.EndedSession, validate: false));
        _userChanged = feed.Subscribe<Portal.Features.Admin.Users.UserChanged>(change => _ = EndIfAsync(user => user.FindFirstValue(ClaimTypes.NameIdentifier) == change.UserId, validate: true));
    }

    private static readonly TimeSpan SignOutGrace = TimeSpan.FromSeconds(2);

    // Often enough that an open page's sign-in ends close to its absolute limit.
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sessionsChanged.Dispose();
            _userChanged.Dispose();
            _disposed.Cancel();
            _disposed.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Signs the circuit out when its user is the one a change names (and, for a changed sign-in, it no longer validates).</summary>
    private async Task EndIfAsync(Func<ClaimsPrincipal, bool> concerns, bool validate)
    {
        try
        {
            var ct = _disposed.Token;
            var state = await GetAuthenticationStateAsync();
            if (state.User.Identity?.IsAuthenticated != true || !concerns(state.User))
            {
                return;
            }

            if (!validate)
            {
                // The page whose own Sign out ended the session is on its way to "You are signed out":
                // a moment's grace lets it leave before this circuit would send it to the sign-in form.
                await Task.Delay(SignOutGrace, ct);
            }

            if (!validate || !await ValidateAuthenticationStateAsync(state, ct))
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The circuit has gone, or has no state yet; its own revalidation covers the rest.
        }
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (Portal.Infrastructure.Security.SessionLimits.HasExpired(authenticationState.User, _clock.GetUtcNow(), TimeSpan.FromHours(_portal.Value.SessionAbsoluteHours))
            || await Portal.Infrastructure.Security.SessionLimits.HasEndedAsync(authenticationState.User, _sessions, cancellationToken))
        {
            return false;
        }

        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = _scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<PortalUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
