using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Auditing;

namespace Portal.Infrastructure.Security.Oidc;

/// <summary>What became of a sign-in the provider vouched for.</summary>
public enum ProviderOutcome
{
    SignedIn = 0,

    /// <summary>No sign-in in the portal has this provider account or its verified email.</summary>
    Unknown = 1,

    /// <summary>The sign-in it belongs to is switched off in the portal.</summary>
    Disabled = 2,

    /// <summary>The provider's answer did not arrive or did not check out (state, nonce, secret, authority).</summary>
    Failed = 3,

    /// <summary>The provider could not be reached to start a sign-in.</summary>
    Unavailable = 4,
}

/// <summary>
/// Turns a sign-in the identity provider vouched for into a portal sign-in, or refuses it. The
/// provider says who someone is, never what they may do: its account must already have a sign-in
/// in the portal, found by the provider's subject once linked, and the first time by an email the
/// provider has verified. A sign-in switched off in the portal is refused. Roles stay as given in
/// the portal, or (when roles come from the provider) are set from the administrators' group
/// mapping at each sign-in (<see cref="ProviderRoles"/>). Links, role changes and refusals go into the audit trail.
/// </summary>
public sealed class ProviderSignInService(
    SignInManager<PortalUser> signInManager,
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    ProviderRoles roles,
    IOptions<PortalAuthenticationOptions> options,
    TimeProvider clock,
    ILogger<ProviderSignInService> logger)
{
    /// <summary>The name the provider's accounts are stored under in the sign-in's logins.</summary>
    public const string LoginProvider = "oidc";

    /// <summary>Signs in the portal user the provider's <paramref name="external"/> principal belongs to, when it may.</summary>
    public async Task<ProviderOutcome> SignInAsync(ClaimsPrincipal external, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(external);
        var settings = options.Value.Oidc;
        var subject = external.FindFirstValue("sub");
        var email = external.FindFirstValue("email") ?? external.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrEmpty(subject))
        {
            await RecordAsync("NoSubject", subject, email, null, ct);
            return ProviderOutcome.Failed;
        }

        currentUser.RunAsSystem("provider sign-in");
        var users = signInManager.UserManager;
        var user = await users.FindByLoginAsync(LoginProvider, subject);
        if (user is null)
        {
            var verified = settings.TrustEmail || string.Equals(external.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
            user = verified && !string.IsNullOrWhiteSpace(email) ? await users.FindByEmailAsync(email) : null;
            if (user is null)
            {
                await RecordAsync(verified ? "UnknownPerson" : "EmailNotVerified", subject, email, null, ct);
                logger.LogWarning("A provider sign-in was refused: no portal sign-in has that account or its verified email");
                return ProviderOutcome.Unknown;
            }

            if (user.DisabledUtc is null)
            {
                var added = await users.AddLoginAsync(user, new UserLoginInfo(LoginProvider, subject, settings.DisplayName));
                if (!added.Succeeded)
                {
                    // Another provider account is already linked to this sign-in: refuse rather than take it over.
                    await RecordAsync("LinkedToAnother", subject, email, user.Id, ct);
                    return ProviderOutcome.Unknown;
                }

                await RecordAsync("Linked", subject, email, user.Id, ct);
            }
        }

        if (!await signInManager.CanSignInAsync(user))
        {
            await RecordAsync("Disabled", subject, email, user.Id, ct);
            logger.LogWarning("A provider sign-in was refused: the portal sign-in {UserId} is switched off", user.Id);
            return ProviderOutcome.Disabled;
        }

        if (settings.RolesFrom == RolesFrom.Provider)
        {
            await roles.ApplyAsync(user, external, settings, ct);
        }

        await signInManager.SignInAsync(user, isPersistent: false, authenticationMethod: LoginProvider);
        return ProviderOutcome.SignedIn;
    }

    /// <summary>Writes one entry to the audit trail for a link or a refusal (the trail otherwise records only changes to stored items).</summary>
    private async Task RecordAsync(string outcome, string? subject, string? email, string? userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var after = JsonSerializer.Serialize(new { Outcome = outcome, Email = email, UserId = userId });
        db.AuditEntries.Add(AuditEntry.Record(
            clock.GetUtcNow().UtcDateTime, null, "system (provider sign-in)", AuditAction.Added,
            "ProviderSignIn", subject ?? string.Empty, null, null, after));
        await db.SaveChangesAsync(ct);
    }
}
