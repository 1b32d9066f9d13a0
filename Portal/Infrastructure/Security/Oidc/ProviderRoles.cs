using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Auditing;

namespace Portal.Infrastructure.Security.Oidc;

/// <summary>What became of the roles at a provider sign-in.</summary>
public enum ProviderRolesOutcome
{
    /// <summary>The roles are now those the provider's groups map to.</summary>
    Applied = 0,

    /// <summary>Applied, except that the last administrator who can sign in kept the Administrator role.</summary>
    KeptLastAdministrator = 1,

    /// <summary>The provider said the person is in too many groups to list (Entra ID's groups overage), so the roles were left as they were.</summary>
    GroupsOverage = 2,
}

/// <summary>
/// Sets a sign-in's roles from the provider's groups through the administrators' mapping, when roles
/// come from the provider. Two things are never done: the last administrator who can sign in does not
/// lose the Administrator role (as /admin/users refuses), and when the provider could not list the
/// groups (Entra ID's "groups overage": <c>_claim_names</c> or <c>hasgroups</c> in place of
/// <c>groups</c>) no role is changed, since the list it sent is not the whole of them. Either is
/// audited and logged in plain words for the operator.
/// </summary>
public sealed class ProviderRoles(
    UserManager<PortalUser> users,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    ILogger<ProviderRoles> logger)
{
    /// <summary>Sets <paramref name="user"/>'s roles to those the groups in <paramref name="external"/> map to, within the two rules above.</summary>
    public async Task<ProviderRolesOutcome> ApplyAsync(PortalUser user, ClaimsPrincipal external, ProviderOptions settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(external);
        ArgumentNullException.ThrowIfNull(settings);
        if (IsGroupsOverage(external))
        {
            logger.LogWarning(
                "The identity provider could not list the groups of sign-in {UserId} (too many groups: the token has _claim_names or hasgroups instead), so that person's roles were left as they were. Limit the groups in the token (in Entra ID: the app registration's token configuration, \"Groups assigned to the application\").",
                user.Id);
            await RecordAsync(user.Id, "GroupsOverage", [], [], ct);
            return ProviderRolesOutcome.GroupsOverage;
        }

        var claimTypes = settings.GroupClaims.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var groups = external.Claims.Where(c => claimTypes.Contains(c.Type, StringComparer.Ordinal)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        List<string> mapped;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            mapped = await db.ProviderGroupRoles.AsNoTracking().Where(m => groups.Contains(m.GroupId)).Select(m => m.Role).Distinct().ToListAsync(ct);
        }

        var current = await users.GetRolesAsync(user);
        var remove = current.Except(mapped, StringComparer.Ordinal).ToList();
        var add = mapped.Except(current, StringComparer.Ordinal).ToList();
        var outcome = ProviderRolesOutcome.Applied;
        if (remove.Contains(Roles.Administrator, StringComparer.Ordinal) && await IsLastAdministratorAsync(user))
        {
            remove.Remove(Roles.Administrator);
            outcome = ProviderRolesOutcome.KeptLastAdministrator;
            logger.LogWarning(
                "The provider's groups would take the Administrator role from sign-in {UserId}, the only administrator who can sign in, so it was kept. Map an administrators' group, or make someone else an administrator first.",
                user.Id);
        }

        if (remove.Count > 0)
        {
            Succeed(await users.RemoveFromRolesAsync(user, remove));
        }

        if (add.Count > 0)
        {
            Succeed(await users.AddToRolesAsync(user, add));
        }

        if (outcome != ProviderRolesOutcome.Applied || remove.Count > 0 || add.Count > 0)
        {
            await RecordAsync(user.Id, outcome == ProviderRolesOutcome.Applied ? "RolesFromProvider" : outcome.ToString(), add, remove, ct);
        }

        return outcome;
    }

    /// <summary>
    /// Entra ID's sign that the token does not list all the person's groups: a <c>_claim_names</c>
    /// claim naming <c>groups</c> (the groups are to be fetched elsewhere), or <c>hasgroups</c>.
    /// </summary>
    public static bool IsGroupsOverage(ClaimsPrincipal external)
    {
        ArgumentNullException.ThrowIfNull(external);
        if (external.HasClaim(c => c.Type == "hasgroups" && string.Equals(c.Value, "true", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var claim in external.FindAll("_claim_names"))
        {
            if (claim.Value.Contains("\"groups\"", StringComparison.Ordinal) || claim.Value == "groups")
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> IsLastAdministratorAsync(PortalUser user)
    {
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        return !administrators.Any(a => a.Id != user.Id && a.DisabledUtc is null);
    }

    private static void Succeed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The provider's roles could not be applied: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task RecordAsync(string userId, string outcome, IReadOnlyList<string> added, IReadOnlyList<string> removed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var after = JsonSerializer.Serialize(new { Outcome = outcome, UserId = userId, Added = added, Removed = removed });
        db.AuditEntries.Add(AuditEntry.Record(
            clock.GetUtcNow().UtcDateTime, null, "system (provider sign-in)", AuditAction.Modified,
            "ProviderSignIn", userId, null, null, after));
        await db.SaveChangesAsync(ct);
    }
}
