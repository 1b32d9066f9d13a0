using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Features.Notifications.Outbox; // an invitation or reset link is mailed to its owner
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using static Portal.Features.Admin.Users.UserWork;

namespace Portal.Features.Admin.Users;

/// <summary>
/// Sign-in accounts: create one (with an invitation link to choose a password), change its name,
/// roles and person, and force a new password with a new link. Only administrators; and never so
/// that no administrator is left able to sign in.
/// </summary>
/// <remarks>Each operation takes a scope of its own, acting for the administrator who asked (see <see cref="UserWork"/>).</remarks>
public sealed class UserAccountService(IServiceScopeFactory scopes, ICurrentUser currentUser, ChangeFeed feed, NotificationWriter notifications, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

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
        await MailAsync(work.Db, NotificationKind.SignInInvitation, user, invitation, ct);
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
        await MailAsync(work.Db, NotificationKind.PasswordReset, user, invitation, ct);
        feed.Publish(new UserChanged(id));
        return invitation;
    }

    private Task<UserWork> BeginAsync() => UserWork.BeginAsync(scopes, currentUser);

    /// <summary>The link goes to its owner by mail too (the administrator still sees it to hand over if the mail does not arrive).</summary>
    private async Task MailAsync(PortalDbContext db, NotificationKind kind, PortalUser user, Invitation invitation, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.UserId == user.Id).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var council = await db.Installations.AsNoTracking().OrderBy(i => i.Id).Select(i => i.CouncilName).FirstOrDefaultAsync(ct) ?? string.Empty;
        notifications.AddTo(db, kind, person, invitation.Email, null, new NotificationAbout(council, null, invitation.Link.TrimStart('/')));
        await db.SaveChangesAsync(ct);
    }

    private async Task<Invitation> InviteAsync(UserManager<PortalUser> users, PortalUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = $"/account/set-password?user={Uri.EscapeDataString(user.Id)}&code={code}";
        return new Invitation(user.Id, user.Email!, link, clock.GetUtcNow() + InvitationLifetime);
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
}
