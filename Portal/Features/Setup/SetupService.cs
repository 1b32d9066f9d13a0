using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Security;

namespace Portal.Features.Setup;

/// <summary>
/// Creates a council's first administrator, once. Open only while the database has no sign-ins
/// at all and is a council's own record, and only to someone with the one-time code the portal
/// printed in its console and log at start (<see cref="SetupCode"/>); after that it refuses.
/// </summary>
public sealed class SetupService(IDbContextFactory<PortalDbContext> dbFactory, UserManager<PortalUser> users, SetupCode setupCode)
{
    public const string CodeField = "SetupCode";

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<bool> IsOpenAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var installation = await db.Installations.AsNoTracking().SingleOrDefaultAsync(ct);
        return installation?.Kind == InstallationKind.Council && !await db.Users.AnyAsync(ct);
    }

    /// <summary>Creates the administrator, or returns the reasons it could not, keyed by field (<see cref="CodeField"/> for a wrong, used or old setup code).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateFirstAdministratorAsync(string name, string email, string password, string? code, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            if (!await IsOpenAsync(ct))
            {
                throw new AccessDeniedException("Setup");
            }

            if (!setupCode.Matches(code))
            {
                return new Dictionary<string, string> { [CodeField] = "That setup code is not right, or has been used, or is from before the portal last started." };
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
            setupCode.MarkUsed();
            return new Dictionary<string, string>();
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
