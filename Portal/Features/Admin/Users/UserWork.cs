using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;

namespace Portal.Features.Admin.Users;

/// <summary>
/// One administrator's operation on sign-ins, and the checks every such operation shares: finding
/// a sign-in at the version the administrator saw, refusing to leave no administrator, and turning
/// Identity's results into rule errors.
/// </summary>
/// <remarks>
/// Identity's stores keep one database context per scope, which in a circuit would live as
/// long as the page; each operation takes a scope of its own, acting for the administrator
/// who asked so the audit trail names them.
/// </remarks>
internal sealed class UserWork(AsyncServiceScope scope, ClaimsPrincipal principal) : IAsyncDisposable
{
    public ClaimsPrincipal Principal { get; } = principal;

    public UserManager<PortalUser> Users { get; } = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

    public PortalDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();

    public static async Task<UserWork> BeginAsync(IServiceScopeFactory scopes, ICurrentUser currentUser)
    {
        var principal = await currentUser.DemandAsync(Policies.Administer);
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActFor(principal);
        return new UserWork(scope, principal);
    }

    public static async Task<PortalUser> FindAsync(UserWork work, string id, string version, CancellationToken ct)
    {
        var user = await work.Users.FindByIdAsync(id) ?? throw new KeyNotFoundException($"There is no sign-in {id}.");
        if (user.ConcurrencyStamp != version)
        {
            throw await ConflictAsync(work.Db, id, ct);
        }

        return user;
    }

    /// <summary>What was last done to the sign-in, from the audit trail (a sign-in has a stamp, not a numbered version).</summary>
    private static async Task<ConcurrencyConflictException> ConflictAsync(PortalDbContext db, string id, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(PortalUser) && a.EntityId == id)
            .OrderByDescending(a => a.Id)
            .Take(1)
            .ToListAsync(ct);
        return new ConcurrencyConflictException(nameof(PortalUser), id, [.. last.SelectMany(AuditChanges.Expand)]);
    }

    public static async Task RefuseLosingLastAdministratorAsync(UserWork work, PortalUser user)
    {
        var administrators = await work.Users.GetUsersInRoleAsync(Roles.Administrator);
        if (!administrators.Any(a => a.Id != user.Id && a.DisabledUtc is null))
        {
            throw new DomainRuleException("User.LastAdministrator", "This is the only administrator who can sign in. Make someone else an administrator first.", "Roles");
        }
    }

    public static void Succeed(IdentityResult result, string id)
    {
        if (result.Succeeded)
        {
            return;
        }

        var error = result.Errors.First();
        throw error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                new DomainRuleException("User.EmailTaken", "Another sign-in already uses this email address.", nameof(NewUser.Email)),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
                new DomainRuleException("Person.EmailInvalid", "Enter an email address in the correct format, like name@example.gov.uk.", nameof(NewUser.Email)),
            nameof(IdentityErrorDescriber.ConcurrencyFailure) =>
                new ConcurrencyConflictException(nameof(PortalUser), id, []),
            _ => new InvalidOperationException($"The sign-in {id} could not be saved: {error.Code}."),
        };
    }
}
