using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Security.Oidc;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Identity's sign-in manager, with three rules more. A sign-in an administrator has disabled
/// cannot sign in, whatever its password (disabling also changes its security stamp, which ends
/// the sessions it already has). Signing in with a password does the same work and gives the
/// same answer for an email with no account, a disabled account, an account with no password
/// yet and a wrong password: one password hash is checked every time (against a stand-in hash
/// when there is no real one), so neither the words nor the time tell which emails have an
/// account. And wrong passwords lock only that email from that address, or from that browser when
/// it has signed in as that email before (<see cref="SignInThrottle"/>, <see cref="KnownDevices"/>),
/// never the account everywhere, so no one can keep a colleague out by typing their email.
/// When the portal signs in with the council's provider only, no password signs anyone in.
/// </summary>
internal sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    IPasswordHasher<PortalUser> hasher,
    SignInThrottle throttle,
    KnownDevices devices,
    IOptions<PortalAuthenticationOptions> authentication)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly PortalUser StandIn = new();

    // Made by the same hasher with the same settings as every real hash, so checking it costs the same.
    private static string? _standInHash;

    public override async Task<bool> CanSignInAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DisabledUtc is null && await base.CanSignInAsync(user);
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (!authentication.Value.PasswordsAllowed)
        {
            // Provider only: no password signs anyone in, whatever the form posted.
            return SignInResult.NotAllowed;
        }

        var source = devices.SourceOf(Context, userName);
        if (throttle.LockedUntil(userName, source) is not null)
        {
            return SignInResult.LockedOut;
        }

        var user = await UserManager.FindByNameAsync(userName);
        var passwordMatches = await PasswordMatchesAsync(user, password);
        if (user is null || !passwordMatches || !await CanSignInAsync(user) || await IsLockedOut(user))
        {
            return throttle.Failed(userName, source) is null ? SignInResult.Failed : SignInResult.LockedOut;
        }

        throttle.Succeeded(userName, source);
        var result = await SignInOrTwoFactorAsync(user, isPersistent);
        if (result.Succeeded)
        {
            devices.Remember(Context, userName);
        }

        return result;
    }

    /// <summary>Checks one password hash whoever asks: the account's own, or the stand-in's when there is no account or no password yet.</summary>
    private async Task<bool> PasswordMatchesAsync(PortalUser? user, string password)
    {
        if (user?.PasswordHash is null)
        {
            _standInHash ??= hasher.HashPassword(StandIn, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(StandIn, _standInHash, password);
            return false;
        }

        return await UserManager.CheckPasswordAsync(user, password);
    }
}
