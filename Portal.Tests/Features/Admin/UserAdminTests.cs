using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Features.Admin.Users;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>
/// Administering sign-ins on the real migrations: only administrators; created with a link, not
/// a password; roles and the person; disable, unlock, force a reset; never the last administrator.
/// </summary>
public sealed class UserAdminTests : IAsyncLifetime
{
    private const string NewPassword = "Correct-Horse-Battery-9";
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task OnlyAnAdministratorMayListOrChangeSignIns()
    {
        var officerId = await IdOfAsync(DemoUsers.Officer);
        foreach (var who in new[] { DemoUsers.Director, DemoUsers.Officer, DemoUsers.Member })
        {
            await using var session = await _portal.SignedInAsAsync(who);
            var users = session.Get<UserListService>();
            var accounts = session.Get<UserAccountService>();
            var access = session.Get<UserAccessService>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => users.ListAsync(null, Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => users.GetAsync(officerId, Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => accounts.CreateAsync(new NewUser("x@york.example", "X", [Roles.Administrator], null), Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => accounts.ChangeAsync(officerId, "X", [Roles.Administrator], null, "any", Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => access.DisableAsync(officerId, "any", Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => accounts.ForcePasswordResetAsync(officerId, "any", Ct));
        }

        await using var anonymous = _portal.Anonymous();
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<UserListService>().ListAsync(null, Ct));
        Assert.Null(await UserAsync("x@york.example"));
    }

    [Fact]
    public async Task ANewSignInGetsALinkToChooseItsPasswordAndBelongsToItsPerson()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var users = admin.Get<UserListService>();
        var accounts = admin.Get<UserAccountService>();
        var person = (await users.UnlinkedPeopleAsync(Ct))[0];

        var invitation = await accounts.CreateAsync(new NewUser("  new.officer@york.example ", "New Officer", [Roles.Officer], person.Id), Ct);

        var row = Assert.Single(await users.ListAsync("new.officer", Ct));
        Assert.Equal(("new.officer@york.example", SignInStatus.AwaitingPassword, person.Id), (row.Email, row.Status, row.PersonId));
        Assert.Equal([Roles.Officer], row.Roles);
        Assert.DoesNotContain(await users.UnlinkedPeopleAsync(Ct), p => p.Id == person.Id);
        Assert.StartsWith("/account/set-password?user=", invitation.Link, StringComparison.Ordinal);

        // The owner follows the link (as the set-password page does) and can then sign in.
        Assert.True((await ChoosePasswordAsync(invitation, NewPassword)).Succeeded);
        Assert.False((await ChoosePasswordAsync(invitation, NewPassword + "x")).Succeeded);
        Assert.Equal(SignInStatus.Active, (await users.GetAsync(row.Id, Ct)).User.Status);
        await using var signedIn = await _portal.SignedInAsAsync("new.officer@york.example");
        var principal = await signedIn.Get<ICurrentUser>().GetPrincipalAsync();
        Assert.True(principal.IsInRole(Roles.Officer));
        Assert.Equal(person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), principal.FindFirst(PortalClaims.PersonId)?.Value);

        // The audit trail names the administrator and never holds the password hash.
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(PortalUser) && a.EntityId == row.Id).ToListAsync(Ct);
        Assert.Contains(entries, e => e.ActorName == "Sam Patel");
        Assert.All(entries, e => Assert.DoesNotContain("AQAAAA", (e.Before ?? string.Empty) + e.After, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadInputIsRefusedBesideItsFieldAndNothingIsHalfSaved()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var users = admin.Get<UserListService>();
        var accounts = admin.Get<UserAccountService>();
        var before = (await users.ListAsync(null, Ct)).Count;
        var walker = await _portal.Db.CreateDbContextAsync(Ct);
        int linkedPerson;
        await using (walker)
        {
            linkedPerson = await walker.People.Where(p => p.UserId != null).Select(p => p.Id).FirstAsync(Ct);
        }

        var cases = new (NewUser Request, string Code, string? Field)[]
        {
            (new(null, "Name", [], null), "User.EmailRequired", nameof(NewUser.Email)),
            (new("not-an-email", "Name", [], null), "Person.EmailInvalid", nameof(NewUser.Email)),
            (new("two@@york.example", "Name", [], null), "Person.EmailInvalid", nameof(NewUser.Email)),
            (new(DemoUsers.Officer.ToUpperInvariant(), "Name", [], null), "User.EmailTaken", nameof(NewUser.Email)),
            (new("ok@york.example", "   ", [], null), "User.NameRequired", nameof(NewUser.DisplayName)),
            (new("ok@york.example", new string('x', 201), [], null), "User.NameTooLong", nameof(NewUser.DisplayName)),
            (new("ok@york.example", "Name", ["Overlord"], null), "User.RoleUnknown", "Roles"),
            (new("ok@york.example", "Name", [Roles.Officer], linkedPerson), "User.PersonTaken", "PersonId"),
            (new("ok@york.example", "Name", [Roles.Officer], 999_999), "User.PersonUnknown", "PersonId"),
        };
        foreach (var (request, code, field) in cases)
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => accounts.CreateAsync(request, Ct));
            Assert.Equal((code, field), (refused.Code, refused.Field));
        }

        // The refusals that came after the sign-in was made (its person) rolled it back.
        Assert.Equal(before, (await users.ListAsync(null, Ct)).Count);
        Assert.Null(await UserAsync("ok@york.example"));
    }

    [Fact]
    public async Task ADisabledSignInCannotSignInAndItsSessionsEnd()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var access = admin.Get<UserAccessService>();
        var users = admin.Get<UserListService>();
        var id = await IdOfAsync(DemoUsers.Officer);
        var stampBefore = (await UserAsync(DemoUsers.Officer))!.SecurityStamp;

        await access.DisableAsync(id, (await users.GetAsync(id, Ct)).User.Version, Ct);

        var officer = (await UserAsync(DemoUsers.Officer))!;
        Assert.Equal(SignInStatus.Disabled, (await users.GetAsync(id, Ct)).User.Status);
        Assert.NotEqual(stampBefore, officer.SecurityStamp);
        Assert.False(await CanSignInAsync(officer));

        await access.EnableAsync(id, (await users.GetAsync(id, Ct)).User.Version, Ct);
        Assert.True(await CanSignInAsync((await UserAsync(DemoUsers.Officer))!));
        Assert.Equal(SignInStatus.Active, (await users.GetAsync(id, Ct)).User.Status);
    }

    [Fact]
    public async Task TheLastAdministratorIsKeptAndYouCannotDisableYourself()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var users = admin.Get<UserListService>();
        var access = admin.Get<UserAccessService>();
        var accounts = admin.Get<UserAccountService>();
        var adminId = await IdOfAsync(DemoUsers.Administrator);
        var me = await users.GetAsync(adminId, Ct);
        Assert.True(me.IsYou);

        var self = await Assert.ThrowsAsync<DomainRuleException>(() => access.DisableAsync(adminId, me.User.Version, Ct));
        Assert.Equal("User.DisableSelf", self.Code);
        var last = await Assert.ThrowsAsync<DomainRuleException>(() => accounts.ChangeAsync(adminId, me.User.DisplayName, [Roles.Director], null, me.User.Version, Ct));
        Assert.Equal(("User.LastAdministrator", "Roles"), (last.Code, last.Field));
        Assert.Contains(Roles.Administrator, (await users.GetAsync(adminId, Ct)).User.Roles);

        // With a second administrator the first may step down.
        var directorId = await IdOfAsync(DemoUsers.Director);
        var director = await users.GetAsync(directorId, Ct);
        await accounts.ChangeAsync(directorId, director.User.DisplayName, [Roles.Director, Roles.Administrator], director.User.PersonId, director.User.Version, Ct);
        me = await users.GetAsync(adminId, Ct);
        await accounts.ChangeAsync(adminId, me.User.DisplayName, [Roles.Officer], me.User.PersonId, me.User.Version, Ct);
        Assert.Equal([Roles.Officer], (await users.GetAsync(adminId, Ct)).User.Roles);
    }

    [Fact]
    public async Task AStaleEditIsRefusedWithWhatTheOtherAdministratorChanged()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var users = admin.Get<UserListService>();
        var accounts = admin.Get<UserAccountService>();
        var access = admin.Get<UserAccessService>();
        var id = await IdOfAsync(DemoUsers.Officer);
        var opened = await users.GetAsync(id, Ct);

        await accounts.ChangeAsync(id, "Barbara Boyce-Smith", [.. opened.User.Roles], opened.User.PersonId, opened.User.Version, Ct);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => accounts.ChangeAsync(id, "Barbara B.", [Roles.Administrator], opened.User.PersonId, opened.User.Version, Ct));

        Assert.Contains(conflict.Changes, c => c.Property == nameof(PortalUser.DisplayName) && c.After == "Barbara Boyce-Smith");
        var now = await users.GetAsync(id, Ct);
        Assert.Equal("Barbara Boyce-Smith", now.User.DisplayName);
        Assert.DoesNotContain(Roles.Administrator, now.User.Roles);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => access.DisableAsync(id, opened.User.Version, Ct));
    }

    [Fact]
    public async Task ALockedOutSignInIsUnlockedAndAForcedResetEndsTheOldPasswordAndLink()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var users = admin.Get<UserListService>();
        var access = admin.Get<UserAccessService>();
        var accounts = admin.Get<UserAccountService>();
        var id = await IdOfAsync(DemoUsers.Officer);
        var throttle = _portal.Root.GetRequiredService<SignInThrottle>();
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed(DemoUsers.Officer, "203.0.113.9");
        }

        var locked = (await users.GetAsync(id, Ct)).User;
        Assert.Equal(SignInStatus.LockedOut, locked.Status);
        Assert.NotNull(locked.LockedUntil);
        await access.UnlockAsync(id, locked.Version, Ct);
        Assert.Equal(SignInStatus.Active, (await users.GetAsync(id, Ct)).User.Status);
        Assert.Null(throttle.LockedUntil(DemoUsers.Officer, "203.0.113.9"));

        var first = await accounts.ForcePasswordResetAsync(id, (await users.GetAsync(id, Ct)).User.Version, Ct);
        Assert.False(await PasswordWorksAsync(DemoUsers.Officer, DemoUsers.Password));
        Assert.Equal(SignInStatus.AwaitingPassword, (await users.GetAsync(id, Ct)).User.Status);
        var second = await accounts.ForcePasswordResetAsync(id, (await users.GetAsync(id, Ct)).User.Version, Ct);

        Assert.False((await ChoosePasswordAsync(first, NewPassword)).Succeeded);
        var weak = await ChoosePasswordAsync(second, "short");
        Assert.Contains(weak.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
        Assert.True((await ChoosePasswordAsync(second, NewPassword)).Succeeded);
        Assert.True(await PasswordWorksAsync(DemoUsers.Officer, NewPassword));
    }

    private async Task<IdentityResult> ChoosePasswordAsync(Invitation invitation, string password)
    {
        var query = QueryHelpers.ParseQuery(new Uri("http://portal" + invitation.Link).Query);
        var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(query["code"]!));
        await using var scope = _portal.Root.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await manager.FindByIdAsync(query["user"]!))!;
        return await manager.ResetPasswordAsync(user, token, password);
    }

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = _portal.Root.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await manager.CheckPasswordAsync((await manager.FindByEmailAsync(email))!, password);
    }

    private async Task<bool> CanSignInAsync(PortalUser user)
    {
        await using var scope = _portal.Root.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>().CanSignInAsync(user);
    }

    private async Task<PortalUser?> UserAsync(string email)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), Ct);
    }

    private async Task<string> IdOfAsync(string email) => (await UserAsync(email))!.Id;
}
