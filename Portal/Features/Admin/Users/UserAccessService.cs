using System.Security.Claims;
using Portal.Domain.Common;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using static Portal.Features.Admin.Users.UserWork;

namespace Portal.Features.Admin.Users;

/// <summary>
/// Whether a sign-in can sign in: disable it (never your own, never the last administrator),
/// enable it again, unlock it after too many wrong passwords, and turn off a second factor whose
/// owner has lost it. Only administrators.
/// </summary>
/// <remarks>Each operation takes a scope of its own, acting for the administrator who asked (see <see cref="UserWork"/>).</remarks>
public sealed class UserAccessService(IServiceScopeFactory scopes, ICurrentUser currentUser, ChangeFeed feed, SignInThrottle throttle, TimeProvider clock)
{
    /// <summary>Switches a sign-in off: it cannot sign in, and the sessions it has end within a minute.</summary>
    public async Task DisableAsync(string id, string version, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var user = await FindAsync(work, id, version, ct);
        if (work.Principal.FindFirstValue(ClaimTypes.NameIdentifier) == id)
        {
            throw new DomainRuleException("User.DisableSelf", "You cannot disable your own sign-in. Ask another administrator.");
        }

        if (await work.Users.IsInRoleAsync(user, Roles.Administrator))
        {
            await RefuseLosingLastAdministratorAsync(work, user);
        }

        user.DisabledUtc = clock.GetUtcNow().UtcDateTime;
        Succeed(await work.Users.UpdateAsync(user), id);
        Succeed(await work.Users.UpdateSecurityStampAsync(user), id);
        feed.Publish(new UserChanged(id));
    }

    public async Task EnableAsync(string id, string version, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var user = await FindAsync(work, id, version, ct);
        user.DisabledUtc = null;
        Succeed(await work.Users.UpdateAsync(user), id);
        feed.Publish(new UserChanged(id));
    }

    /// <summary>Opens a sign-in locked by wrong passwords before its lockout runs out, from every address it is locked from.</summary>
    public async Task UnlockAsync(string id, string version, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var user = await FindAsync(work, id, version, ct);
        Succeed(await work.Users.SetLockoutEndDateAsync(user, null), id);
        Succeed(await work.Users.ResetAccessFailedCountAsync(user), id);
        throttle.Clear(user.Email ?? user.UserName ?? string.Empty);
        feed.Publish(new UserChanged(id));
    }

    /// <summary>
    /// Turns off someone's second factor when they have lost their phone and their recovery codes
    /// (never your own: that is done with a code on your own security page). They sign in with their
    /// password alone until they set it up again, at once if the setting requires them to have one.
    /// </summary>
    public async Task TurnOffTwoFactorAsync(string id, string version, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var user = await FindAsync(work, id, version, ct);
        if (work.Principal.FindFirstValue(ClaimTypes.NameIdentifier) == id)
        {
            throw new DomainRuleException("User.TwoFactorSelf", "Turn off your own second factor on your own sign-in security page, with a code from your app.");
        }

        Succeed(await work.Users.SetTwoFactorEnabledAsync(user, false), id);
        Succeed(await work.Users.ResetAuthenticatorKeyAsync(user), id);
        feed.Publish(new UserChanged(id));
    }

    private Task<UserWork> BeginAsync() => UserWork.BeginAsync(scopes, currentUser);
}
