using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Admin;

/// <summary>Where a sign-in stands, in the words the users page gives it.</summary>
public enum SignInStatus
{
    Active = 0,

    /// <summary>Created or reset by an administrator; the link to choose a password has not been used yet.</summary>
    AwaitingPassword = 1,

    /// <summary>Too many wrong passwords; it opens again by itself, or an administrator unlocks it.</summary>
    LockedOut = 2,

    Disabled = 3,
}

public sealed record UserRow(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    int? PersonId,
    string? PersonName,
    SignInStatus Status,
    DateTimeOffset? LockedUntil,
    string Version);

public sealed record PersonChoice(int Id, string Name, string? JobTitle, bool IsCouncillor);

public sealed record UserDetails(UserRow User, IReadOnlyList<PersonChoice> People, bool IsYou);

/// <summary>What an administrator fills in for a new sign-in.</summary>
public sealed record NewUser(string? Email, string? DisplayName, IReadOnlyList<string> Roles, int? PersonId);

/// <summary>
/// The one-off link an administrator hands to someone so they choose their own password: the
/// portal never knows it, never shows it, and never sends it anywhere.
/// </summary>
public sealed record Invitation(string UserId, string Email, string Link, DateTimeOffset ExpiresUtc);

/// <summary>A sign-in was created, changed, disabled, unlocked or reset.</summary>
public sealed record UserChanged(string UserId);

/// <summary>
/// Administration of sign-ins: create one (with an invitation link), give it roles, link it to
/// the person it belongs to, disable and enable it, unlock it, and force a new password. Only
/// administrators; and never so that no administrator is left able to sign in.
/// </summary>
/// <remarks>
/// Identity's stores keep one database context per scope, which in a circuit would live as
/// long as the page; each operation here takes a scope of its own, acting for the administrator
/// who asked so the audit trail names them.
/// </remarks>
public sealed class UserAdminService(IServiceScopeFactory scopes, ICurrentUser currentUser, ChangeFeed feed, SignInThrottle throttle, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<UserRow>> ListAsync(string? filter, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var users = work.Db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var text = filter.Trim();
            users = users.Where(u => EF.Functions.Like(u.DisplayName, $"%{text}%") || EF.Functions.Like(u.Email!, $"%{text}%"));
        }

        var rows = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(ct);
        return await RowsAsync(work.Db, rows, ct);
    }

    public async Task<UserDetails> GetAsync(string id, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var user = await work.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new KeyNotFoundException($"There is no sign-in {id}.");
        var row = (await RowsAsync(work.Db, [user], ct))[0];
        var people = await work.Db.People.AsNoTracking()
            .Where(p => p.UserId == null || p.UserId == id)
            .OrderBy(p => p.DisplayName)
            .Select(p => new PersonChoice(p.Id, p.DisplayName, p.JobTitle, p.IsCouncillor))
            .ToListAsync(ct);
        return new UserDetails(row, people, work.Principal.FindFirstValue(ClaimTypes.NameIdentifier) == id);
    }

    /// <summary>People who have no sign-in yet, to link a new one to.</summary>
    public async Task<IReadOnlyList<PersonChoice>> UnlinkedPeopleAsync(CancellationToken ct)
    {
        await using var work = await BeginAsync();
        return await work.Db.People.AsNoTracking()
            .Where(p => p.UserId == null)
            .OrderBy(p => p.DisplayName)
            .Select(p => new PersonChoice(p.Id, p.DisplayName, p.JobTitle, p.IsCouncillor))
            .ToListAsync(ct);
    }

    /// <summary>Creates a sign-in with no password, and the link its owner uses to choose one.</summary>
    public async Task<Invitation> CreateAsync(NewUser request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var work = await BeginAsync();
        var email = Guard.RequiredText(request.Email, Person.EmailMaxLength, "User.Email", nameof(NewUser.Email), "email address");
        if (!LooksLikeEmail(email))
        {
            throw new DomainRuleException("Person.EmailInvalid", "Enter an email address in the correct format, like name@example.gov.uk.", nameof(NewUser.Email));
        }

        var name = Guard.RequiredText(request.DisplayName, Person.NameMaxLength, "User.Name", nameof(NewUser.DisplayName), "name");
        var roles = CheckRoles(request.Roles);
        await using var transaction = await work.Db.Database.BeginTransactionAsync(ct);
        var user = new PortalUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
        Succeed(await work.Users.CreateAsync(user), user.Id);
        if (roles.Count > 0)
        {
            Succeed(await work.Users.AddToRolesAsync(user, roles), user.Id);
        }

        if (request.PersonId is int personId)
        {
            await LinkPersonAsync(work.Db, user.Id, personId, ct);
        }

        var invitation = await InviteAsync(work.Users, user);
        await transaction.CommitAsync(ct);
        feed.Publish(new UserChanged(user.Id));
        return invitation;
    }

    /// <summary>Changes a sign-in's name, roles and person, refused if someone changed it since <paramref name="version"/>.</summary>
    public async Task ChangeAsync(string id, string? displayName, IReadOnlyList<string> roles, int? personId, string version, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var name = Guard.RequiredText(displayName, Person.NameMaxLength, "User.Name", nameof(NewUser.DisplayName), "name");
        var wanted = CheckRoles(roles);
        await using var transaction = await work.Db.Database.BeginTransactionAsync(ct);
        var user = await FindAsync(work, id, version, ct);
        var current = await work.Users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
        {
            await RefuseLosingLastAdministratorAsync(work, user);
        }

        user.DisplayName = name;
        Succeed(await work.Users.UpdateAsync(user), id);
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count > 0)
        {
            Succeed(await work.Users.RemoveFromRolesAsync(user, removed), id);
        }

        if (added.Count > 0)
        {
            Succeed(await work.Users.AddToRolesAsync(user, added), id);
        }

        var linked = await work.Db.People.SingleOrDefaultAsync(p => p.UserId == id, ct);
        if (linked?.Id != personId)
        {
            if (linked is not null)
            {
                linked.UnlinkSignIn();
                await work.Db.SaveChangesAsync(ct);
            }

            if (personId is int person)
            {
                await LinkPersonAsync(work.Db, id, person, ct);
            }
        }

        if (removed.Count > 0 || added.Count > 0 || linked?.Id != personId)
        {
            // Roles and the person are claims in the sign-in's cookie: a new stamp makes its sessions take them up.
            Succeed(await work.Users.UpdateSecurityStampAsync(user), id);
        }

        await transaction.CommitAsync(ct);
        feed.Publish(new UserChanged(id));
    }

    /// <summary>Switches a sign-in off: it cannot sign in, and the sessions it has end within a minute.</summary>
    public async Task DisableAsync(string id, string version, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var user = await FindAsync(work, id, version, ct);
        if (work.Principal.FindFirstValue(ClaimTypes.NameIdentifier) == id)
        {
            throw new DomainRuleException("User.DisableSelf", "You cannot disable your own sign-in. Ask another administrator.");
        }

        if (await work.Users.IsInRoleAsync(user, Roles.Administrator))
        {
            await RefuseLosingLastAdministratorAsync(work, user);
        }

        user.DisabledUtc = clock.GetUtcNow().UtcDateTime;
        Succeed(await work.Users.UpdateAsync(user), id);
        Succeed(await work.Users.UpdateSecurityStampAsync(user), id);
        feed.Publish(new UserChanged(id));
    }

    public async Task EnableAsync(string id, string version, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var user = await FindAsync(work, id, version, ct);
        user.DisabledUtc = null;
        Succeed(await work.Users.UpdateAsync(user), id);
        feed.Publish(new UserChanged(id));
    }

    /// <summary>Opens a sign-in locked by wrong passwords before its lockout runs out, from every address it is locked from.</summary>
    public async Task UnlockAsync(string id, string version, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var user = await FindAsync(work, id, version, ct);
        Succeed(await work.Users.SetLockoutEndDateAsync(user, null), id);
        Succeed(await work.Users.ResetAccessFailedCountAsync(user), id);
        throttle.Clear(user.Email ?? user.UserName ?? string.Empty);
        feed.Publish(new UserChanged(id));
    }

    /// <summary>
    /// Removes the sign-in's password (so the old one no longer works and its sessions end) and
    /// gives a new link to choose one. Any link given before stops working.
    /// </summary>
    public async Task<Invitation> ForcePasswordResetAsync(string id, string version, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var user = await FindAsync(work, id, version, ct);
        if (await work.Users.HasPasswordAsync(user))
        {
            Succeed(await work.Users.RemovePasswordAsync(user), id);
        }
        else
        {
            Succeed(await work.Users.UpdateSecurityStampAsync(user), id);
        }

        var invitation = await InviteAsync(work.Users, user);
        feed.Publish(new UserChanged(id));
        return invitation;
    }

    private async Task<Work> BeginAsync()
    {
        var principal = await currentUser.DemandAsync(Policies.Administer);
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActFor(principal);
        return new Work(scope, principal);
    }

    private async Task<Invitation> InviteAsync(UserManager<PortalUser> users, PortalUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = $"/account/set-password?user={Uri.EscapeDataString(user.Id)}&code={code}";
        return new Invitation(user.Id, user.Email!, link, clock.GetUtcNow() + InvitationLifetime);
    }

    private static async Task<PortalUser> FindAsync(Work work, string id, string version, CancellationToken ct)
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

    private static async Task LinkPersonAsync(PortalDbContext db, string userId, int personId, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new DomainRuleException("User.PersonUnknown", "Choose a person from the list.", "PersonId");
        if (person.UserId is not null && person.UserId != userId)
        {
            throw new DomainRuleException("User.PersonTaken", "{0} already signs in with another sign-in.", "PersonId", person.DisplayName);
        }

        person.LinkSignIn(userId);
        await db.SaveChangesAsync(ct);
    }

    private static async Task RefuseLosingLastAdministratorAsync(Work work, PortalUser user)
    {
        var administrators = await work.Users.GetUsersInRoleAsync(Roles.Administrator);
        if (!administrators.Any(a => a.Id != user.Id && a.DisabledUtc is null))
        {
            throw new DomainRuleException("User.LastAdministrator", "This is the only administrator who can sign in. Make someone else an administrator first.", "Roles");
        }
    }

    private static List<string> CheckRoles(IReadOnlyList<string>? roles)
    {
        var wanted = (roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleException("User.RoleUnknown", "There is no role called {0}.", "Roles", unknown[0]);
        }

        return wanted;
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace) && !email.Any(char.IsControl);
    }

    private static void Succeed(IdentityResult result, string id)
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

    private async Task<IReadOnlyList<UserRow>> RowsAsync(PortalDbContext db, IReadOnlyList<PortalUser> users, CancellationToken ct)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.UserId != null && ids.Contains(p.UserId))
            .Select(p => new { p.UserId, p.Id, p.DisplayName }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var lockedOut = throttle.LockedEmails();
        return users.Select(u =>
        {
            var person = people.SingleOrDefault(p => p.UserId == u.Id);
            var locked = u.LockoutEnd is DateTimeOffset end && end > now ? end
                : lockedOut.TryGetValue(SignInThrottle.KeyOf(u.UserName ?? string.Empty), out var until) ? until
                : (DateTimeOffset?)null;
            var status = u.DisabledUtc is not null ? SignInStatus.Disabled
                : locked is not null ? SignInStatus.LockedOut
                : u.PasswordHash is null ? SignInStatus.AwaitingPassword
                : SignInStatus.Active;
            var names = roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList();
            return new UserRow(u.Id, u.Email ?? u.UserName ?? string.Empty, u.DisplayName, names, person?.Id, person?.DisplayName, status, locked, u.ConcurrencyStamp ?? string.Empty);
        }).ToList();
    }

    private sealed class Work(AsyncServiceScope scope, ClaimsPrincipal principal) : IAsyncDisposable
    {
        public ClaimsPrincipal Principal { get; } = principal;

        public UserManager<PortalUser> Users { get; } = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        public PortalDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
