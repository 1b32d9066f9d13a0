using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.Oidc;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.SignIn;

/// <summary>
/// The rules of provider sign-in that sit in services, on a real database: with the provider only,
/// a right password signs no one in; roles from the provider never take the Administrator role from
/// the last administrator; and when the provider could not list someone's groups (Entra ID's groups
/// overage), their roles are left as they were.
/// </summary>
public sealed class ProviderSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Provider(string mode) => new()
    {
        ["Portal:Authentication:Mode"] = mode,
        ["Portal:Authentication:Oidc:Authority"] = "https://login.council.example/tenant/v2.0",
        ["Portal:Authentication:Oidc:ClientId"] = "portal",
        ["Portal:Authentication:Oidc:RolesFrom"] = "Provider",
    };

    [Fact]
    public async Task WithTheProviderOnlyARightPasswordSignsNoOneInThoughWithBothItDoes()
    {
        await using (var providerOnly = await ServiceHarness.StartAsync(settings: Provider("ProviderOnly")))
        {
            await using var session = providerOnly.Anonymous();
            var signIn = WithRequest(session);
            Assert.Equal(SignInResult.NotAllowed, await signIn.PasswordSignInAsync(DemoUsers.Officer, DemoUsers.Password, isPersistent: false, lockoutOnFailure: true));
            Assert.Equal(SignInResult.NotAllowed, await signIn.PasswordSignInAsync(DemoUsers.Administrator, DemoUsers.Password, isPersistent: false, lockoutOnFailure: true));
        }

        await using var both = await ServiceHarness.StartAsync(settings: Provider("Both"));
        await using var control = both.Anonymous();
        var passwords = WithRequest(control);
        Assert.Equal(SignInResult.Failed, await passwords.PasswordSignInAsync(DemoUsers.Officer, "not the password", isPersistent: false, lockoutOnFailure: true));
        Assert.Equal(SignInResult.Success, await passwords.PasswordSignInAsync(DemoUsers.Officer, DemoUsers.Password, isPersistent: false, lockoutOnFailure: true));
    }

    [Fact]
    public async Task TheProvidersGroupsNeverTakeTheAdministratorRoleFromTheLastAdministrator()
    {
        await using var portal = await ServiceHarness.StartAsync(settings: Provider("Both"));
        await MapAsync(portal, "grp-officers", Roles.Officer);
        await using (var session = portal.Anonymous())
        {
            var admin = await UserAsync(session, DemoUsers.Administrator);
            var outcome = await session.Get<ProviderRoles>().ApplyAsync(admin, External("grp-officers"), Settings(session), Ct);
            Assert.Equal(ProviderRolesOutcome.KeptLastAdministrator, outcome);
            Assert.Equal([Roles.Administrator, Roles.Officer], (await session.Get<UserManager<PortalUser>>().GetRolesAsync(admin)).Order(StringComparer.Ordinal));
        }

        Assert.True(await AuditedAsync(portal, "KeptLastAdministrator"));

        // With another administrator who can sign in, the mapping is applied in full.
        await portal.AddPersonWithSignInAsync("deputy@york.example", "Dana Deputy", Roles.Administrator, await CouncilNameAsync(portal));
        await using var again = portal.Anonymous();
        var user = await UserAsync(again, DemoUsers.Administrator);
        Assert.Equal(ProviderRolesOutcome.Applied, await again.Get<ProviderRoles>().ApplyAsync(user, External("grp-officers"), Settings(again), Ct));
        Assert.Equal([Roles.Officer], await again.Get<UserManager<PortalUser>>().GetRolesAsync(user));
    }

    [Fact]
    public async Task WhenTheProviderCouldNotListTheGroupsTheRolesStayAsTheyWere()
    {
        await using var portal = await ServiceHarness.StartAsync(settings: Provider("Both"));
        await MapAsync(portal, "grp-members", Roles.Member);
        await using var session = portal.Anonymous();
        var roles = session.Get<ProviderRoles>();
        var users = session.Get<UserManager<PortalUser>>();
        var officer = await UserAsync(session, DemoUsers.Officer);

        // Entra ID's overage: a pointer to where the groups are, in place of the groups.
        var overage = External("grp-members");
        ((ClaimsIdentity)overage.Identity!).AddClaim(new Claim("_claim_names", "{\"groups\":\"src1\"}"));
        Assert.Equal(ProviderRolesOutcome.GroupsOverage, await roles.ApplyAsync(officer, overage, Settings(session), Ct));
        Assert.Equal([Roles.Officer], await users.GetRolesAsync(officer));

        var implicitOverage = External();
        ((ClaimsIdentity)implicitOverage.Identity!).AddClaim(new Claim("hasgroups", "true"));
        Assert.Equal(ProviderRolesOutcome.GroupsOverage, await roles.ApplyAsync(officer, implicitOverage, Settings(session), Ct));
        Assert.Equal([Roles.Officer], await users.GetRolesAsync(officer));
        Assert.True(await AuditedAsync(portal, "GroupsOverage"));

        // The same groups listed in full are applied.
        Assert.Equal(ProviderRolesOutcome.Applied, await roles.ApplyAsync(officer, External("grp-members"), Settings(session), Ct));
        Assert.Equal([Roles.Member], await users.GetRolesAsync(officer));
    }

    /// <summary>The sign-in manager with a request behind it, as in the app (it reads the browser and address of the request).</summary>
    private static SignInManager<PortalUser> WithRequest(ServiceHarness.Session session)
    {
        session.Get<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = session.Get<IServiceProvider>() };
        return session.Get<SignInManager<PortalUser>>();
    }

    private static ClaimsPrincipal External(params string[] groups) =>
        new(new ClaimsIdentity([new Claim("sub", "sub-1"), .. groups.Select(g => new Claim("groups", g))], "oidc"));

    private static ProviderOptions Settings(ServiceHarness.Session session) =>
        session.Get<Microsoft.Extensions.Options.IOptions<PortalAuthenticationOptions>>().Value.Oidc;

    private static async Task MapAsync(ServiceHarness portal, string group, string role)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        db.ProviderGroupRoles.Add(ProviderGroupRole.Create(group, role));
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<bool> AuditedAsync(ServiceHarness portal, string outcome)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AnyAsync(e => e.EntityType == "ProviderSignIn" && e.After!.Contains(outcome), Ct);
    }

    private static async Task<PortalUser> UserAsync(ServiceHarness.Session session, string email) =>
        await session.Get<UserManager<PortalUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);

    private static async Task<string> CouncilNameAsync(ServiceHarness portal)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await db.OrganisationUnits.Where(u => u.Kind == Portal.Domain.Organisation.UnitKind.Council).Select(u => u.Name).SingleAsync(Ct);
    }
}
