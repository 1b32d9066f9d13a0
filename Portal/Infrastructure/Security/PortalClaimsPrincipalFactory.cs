using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Infrastructure.Security;

/// <summary>Adds the person behind a sign-in, their name, when they signed in and the session's own id, to the claims made at sign-in.</summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? string.Empty : user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.SignedInAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        identity.AddClaim(new Claim(PortalClaims.Session, EndedSessions.NewId()));
        await using var db = await dbFactory.CreateDbContextAsync();
        var personId = await db.People.Where(p => p.UserId == user.Id).Select(p => (int?)p.Id).SingleOrDefaultAsync();
        if (personId is int id)
        {
            identity.AddClaim(new Claim(PortalClaims.PersonId, id.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
