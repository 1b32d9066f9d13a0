using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Security;

namespace Portal.Features.TwoFactor;

/// <summary>
/// Says whether a sign-in must have a second factor before it may use the portal, from
/// <see cref="TwoFactorOptions.RequireTwoFactor"/> and its roles; a demo database holds no one to it.
/// </summary>
public sealed class TwoFactorPolicy(IOptions<TwoFactorOptions> options, IDbContextFactory<PortalDbContext> dbFactory, UserManager<PortalUser> users)
{
    public async Task<bool> IsRequiredAsync(PortalUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var requirement = options.Value.RequireTwoFactor;
        if (requirement == TwoFactorRequirement.None)
        {
            return false;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var kind = await db.Installations.AsNoTracking().Select(i => (InstallationKind?)i.Kind).SingleOrDefaultAsync(ct);
            if (kind is not InstallationKind.Council)
            {
                return false;
            }
        }

        return requirement == TwoFactorRequirement.Everyone || await users.IsInRoleAsync(user, Roles.Administrator);
    }
}
