using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.Oidc;

namespace Portal.Features.Admin.ProviderGroups;

/// <summary>One line of the group mapping as the admin page shows it.</summary>
public sealed record ProviderGroupLine(int Id, string GroupId, string Role);

/// <summary>
/// The mapping from the identity provider's groups (or roles) to the portal's roles, read at each
/// provider sign-in when roles come from the provider. Administrators only; every change is in
/// the audit trail.
/// </summary>
public sealed class ProviderGroupService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<ProviderGroupLine>> ListAsync(CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = await db.ProviderGroupRoles.AsNoTracking()
            .Select(m => new ProviderGroupLine(m.Id, m.GroupId, m.Role))
            .ToListAsync(ct);
        return [.. lines.OrderBy(l => l.GroupId, StringComparer.OrdinalIgnoreCase).ThenBy(l => Roles.All.ToList().IndexOf(l.Role))];
    }

    /// <summary>Gives people in <paramref name="groupId"/> the role <paramref name="role"/> at their next provider sign-in.</summary>
    public async Task AddAsync(string? groupId, string? role, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        var group = groupId?.Trim();
        if (string.IsNullOrEmpty(group))
        {
            throw new DomainRuleException("ProviderGroup.GroupRequired", "Enter the group's id as the provider sends it.", nameof(ProviderGroupRole.GroupId));
        }

        if (group.Length > ProviderGroupRole.GroupIdMaxLength)
        {
            throw new DomainRuleException("ProviderGroup.GroupTooLong", "The group's id can be at most 200 characters.", nameof(ProviderGroupRole.GroupId));
        }

        if (role is null || !Roles.All.Contains(role))
        {
            throw new DomainRuleException("ProviderGroup.RoleRequired", "Choose the role the group gives.", nameof(ProviderGroupRole.Role));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProviderGroupRoles.AnyAsync(m => m.GroupId == group && m.Role == role, ct))
        {
            throw new DomainRuleException("ProviderGroup.Duplicate", "That group already gives that role.", nameof(ProviderGroupRole.GroupId));
        }

        db.ProviderGroupRoles.Add(ProviderGroupRole.Create(group, role));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes one line of the mapping: the role goes at each person's next provider sign-in.</summary>
    public async Task RemoveAsync(int id, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var line = await db.ProviderGroupRoles.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (line is not null)
        {
            db.ProviderGroupRoles.Remove(line);
            await db.SaveChangesAsync(ct);
        }
    }
}
