using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.TwoFactor;
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
/// The second factor's step counts wrong codes in the same lockout (<see cref="Authenticator"/>),
/// and a right password clears the count only once the whole sign-in succeeds, so guessing codes
/// between right passwords gets no fresh tries. A local sign-in that the setting requires to have a
/// second factor and has none yet is only let as far as setting one up (<see cref="TwoFactorPolicy"/>).
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
    Authenticator authenticator,
    TwoFactorPolicy policy,
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

        var result = await SignInOrTwoFactorAsync(user, isPersistent);
        if (result.Succeeded)
        {
            throttle.Succeeded(userName, source);
            devices.Remember(Context, userName);
        }

        return result;
    }

    protected override async Task<SignInResult> SignInOrTwoFactorAsync(PortalUser user, bool isPersistent, string? loginProvider = null, bool bypassTwoFactor = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!bypassTwoFactor && loginProvider is null && !await UserManager.GetTwoFactorEnabledAsync(user) && await policy.IsRequiredAsync(user, Context.RequestAborted))
        {
            // The same half-way sign-in Identity makes for a second factor: it names the person and lets them do nothing but the next step, here setting one up.
            var step = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme);
            await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(step));
            return SignInResult.TwoFactorRequired;
        }

        return await base.SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor);
    }

    /// <summary>The second step with a code from the authenticator app; a wrong one counts in the lockout.</summary>
    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await SecondStepUserAsync(enabled: true);
        return user is null ? SignInResult.Failed : await CompleteAsync(user, await authenticator.CheckCodeAsync(user, code), isPersistent);
    }

    public override Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) => RecoveryCodeSignInAsync(recoveryCode, isPersistent: false);

    /// <summary>The second step with a recovery code, which works once; a wrong or used one counts in the lockout.</summary>
    public async Task<SignInResult> RecoveryCodeSignInAsync(string? recoveryCode, bool isPersistent)
    {
        var user = await SecondStepUserAsync(enabled: true);
        return user is null ? SignInResult.Failed : await CompleteAsync(user, await authenticator.RedeemRecoveryCodeAsync(user, recoveryCode), isPersistent);
    }

    /// <summary>The second step for someone required to have a second factor and without one: set up with a right code, then signed in; returns their recovery codes to show once.</summary>
    public async Task<(SignInResult Result, IReadOnlyList<string>? RecoveryCodes)> EnrolAndSignInAsync(string? code, bool isPersistent)
    {
        var user = await SecondStepUserAsync(enabled: false);
        if (user is null)
        {
            return (SignInResult.Failed, null);
        }

        var (check, codes) = await authenticator.EnableAsync(user, code);
        return (await CompleteAsync(user, check, isPersistent), codes);
    }

    /// <summary>Who is half-way through signing in, if anyone, and may still sign in, with the second factor on (or, for setting one up, not yet on).</summary>
    public async Task<PortalUser?> SecondStepUserAsync(bool enabled)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        return user is not null && await UserManager.GetTwoFactorEnabledAsync(user) == enabled && await CanSignInAsync(user) ? user : null;
    }

    private async Task<SignInResult> CompleteAsync(PortalUser user, CodeCheck check, bool isPersistent)
    {
        if (!check.Succeeded)
        {
            return check.LockedUntil is null ? SignInResult.Failed : SignInResult.LockedOut;
        }

        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInWithClaimsAsync(user, isPersistent, [new Claim("amr", "mfa")]);
        devices.Remember(Context, user.UserName ?? user.Id);
        return SignInResult.Success;
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
