using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Security;

namespace Portal.Features.Setup;

/// <summary>
/// Creates a council's first administrator, once. Open to anyone only while the database has no
/// sign-ins at all and is a council's own record; after that it refuses.
/// </summary>
public sealed class SetupService(IDbContextFactory<PortalDbContext> dbFactory, UserManager<PortalUser> users)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<bool> IsOpenAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var installation = await db.Installations.AsNoTracking().SingleOrDefaultAsync(ct);
        return installation?.Kind == InstallationKind.Council && !await db.Users.AnyAsync(ct);
    }

    /// <summary>Creates the administrator, or returns the reasons it could not, keyed by field.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateFirstAdministratorAsync(string name, string email, string password, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            if (!await IsOpenAsync(ct))
            {
                throw new AccessDeniedException("Setup");
            }

            var user = new PortalUser { UserName = email?.Trim(), Email = email?.Trim(), DisplayName = name?.Trim() ?? string.Empty, EmailConfirmed = true, LockoutEnabled = true };
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var council = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.Kind == UnitKind.Council, ct);
            Person person;
            try
            {
                if (council is null)
                {
                    var installation = await db.Installations.AsNoTracking().SingleAsync(ct);
                    council = OrganisationUnit.CreateCouncil(installation.CouncilName);
                    db.OrganisationUnits.Add(council);
                }

                person = Person.Create(name ?? string.Empty, "Administrator", email, council);
            }
            catch (Portal.Domain.Common.DomainRuleException rule)
            {
                return new Dictionary<string, string> { [rule.Field == nameof(Person.Email) ? "Email" : "Name"] = rule.Message };
            }

            var created = await users.CreateAsync(user, password ?? string.Empty);
            if (!created.Succeeded)
            {
                return created.Errors
                    .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : "Email")
                    .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, Roles.Administrator);
            person.LinkSignIn(user.Id);
            db.People.Add(person);
            await db.SaveChangesAsync(ct);
            return new Dictionary<string, string>();
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
