using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Infrastructure.Security;

namespace Portal.Features.TwoFactor;

/// <summary>Whether the signed-in person's second factor is on, how many recovery codes they have left, and whether they may switch it off.</summary>
public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool Required);

/// <summary>A code's check and, when it was right, the new recovery codes to show once.</summary>
public sealed record RecoveryCodesResult(CodeCheck Check, IReadOnlyList<string>? RecoveryCodes);

/// <summary>
/// The signed-in person's own second factor (nobody else's): setting up an authenticator app,
/// new recovery codes and switching it off. Each change needs a code from the app, so a session
/// left open on a shared computer cannot switch it off or read new recovery codes; wrong codes
/// count in the sign-in lockout. A person the setting requires to have one cannot switch it off.
/// </summary>
public sealed class TwoFactorService(ICurrentUser currentUser, UserManager<PortalUser> users, Authenticator authenticator, TwoFactorPolicy policy)
{
    public async Task<TwoFactorStatus> GetStatusAsync(CancellationToken ct)
    {
        var user = await SignedInUserAsync();
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        return new TwoFactorStatus(enabled, enabled ? await authenticator.RecoveryCodesLeftAsync(user) : 0, await policy.IsRequiredAsync(user, ct));
    }

    /// <summary>The key and QR code to set up the app with; refused once the second factor is on (the key is not shown again).</summary>
    public async Task<AuthenticatorSetup> StartEnrolmentAsync(CancellationToken ct)
    {
        var user = await SignedInUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            throw new DomainRuleException("TwoFactor.AlreadyOn", "The second factor is already on.");
        }

        return await authenticator.SetupAsync(user);
    }

    /// <summary>Switches the second factor on when the code from the app is right; the result carries ten recovery codes to show once.</summary>
    public async Task<RecoveryCodesResult> EnableAsync(string? code, CancellationToken ct)
    {
        var user = await SignedInUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            throw new DomainRuleException("TwoFactor.AlreadyOn", "The second factor is already on.");
        }

        var (check, codes) = await authenticator.EnableAsync(user, code);
        return new RecoveryCodesResult(check, codes);
    }

    /// <summary>Ten new recovery codes (the old ones stop working) when the code from the app is right.</summary>
    public async Task<RecoveryCodesResult> NewRecoveryCodesAsync(string? code, CancellationToken ct)
    {
        var user = await SignedInWithTwoFactorAsync();
        var check = await authenticator.CheckCodeAsync(user, code);
        return new RecoveryCodesResult(check, check.Succeeded ? await authenticator.NewRecoveryCodesAsync(user) : null);
    }

    /// <summary>Switches the second factor off when the code from the app is right, unless the setting requires this person to have one.</summary>
    public async Task<CodeCheck> DisableAsync(string? code, CancellationToken ct)
    {
        var user = await SignedInWithTwoFactorAsync();
        if (await policy.IsRequiredAsync(user, ct))
        {
            throw new DomainRuleException("TwoFactor.Required", "The portal requires you to have a second factor, so it cannot be switched off.");
        }

        var check = await authenticator.CheckCodeAsync(user, code);
        if (check.Succeeded)
        {
            await authenticator.DisableAsync(user);
        }

        return check;
    }

    private async Task<PortalUser> SignedInUserAsync()
    {
        var principal = await currentUser.DemandAsync(Policies.SignedIn);
        return await users.GetUserAsync(principal) ?? throw new AccessDeniedException("TwoFactor");
    }

    private async Task<PortalUser> SignedInWithTwoFactorAsync()
    {
        var user = await SignedInUserAsync();
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            throw new DomainRuleException("TwoFactor.NotOn", "The second factor is not on.");
        }

        return user;
    }
}
