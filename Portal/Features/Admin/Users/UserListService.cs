using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Security;

namespace Portal.Features.Admin.Users;

/// <summary>
/// Reading sign-ins for administrators: the list (filtered by name or email) with each one's roles,
/// person and status, one sign-in with the people it could be linked to, and the people with no sign-in yet.
/// </summary>
/// <remarks>Each operation takes a scope of its own, acting for the administrator who asked (see <see cref="UserWork"/>).</remarks>
public sealed class UserListService(IServiceScopeFactory scopes, ICurrentUser currentUser, SignInThrottle throttle, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(string? filter, CancellationToken ct)
    {
        await using var work = await BeginAsync();
        var users = work.Db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var text = filter.Trim();
            // SQLite's LIKE ignores case; PostgreSQL's does not, so there it is ILIKE.
            users = work.Db.Database.IsNpgsql()
                ? users.Where(u => EF.Functions.ILike(u.DisplayName, $"%{text}%") || EF.Functions.ILike(u.Email!, $"%{text}%"))
                : users.Where(u => EF.Functions.Like(u.DisplayName, $"%{text}%") || EF.Functions.Like(u.Email!, $"%{text}%"));
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

    private Task<UserWork> BeginAsync() => UserWork.BeginAsync(scopes, currentUser);

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
            return new UserRow(u.Id, u.Email ?? u.UserName ?? string.Empty, u.DisplayName, names, person?.Id, person?.DisplayName, status, locked, u.ConcurrencyStamp ?? string.Empty, u.TwoFactorEnabled);
        }).ToList();
    }
}
