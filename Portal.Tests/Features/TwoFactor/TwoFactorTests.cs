using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OtpNet;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Features.Setup;
using Portal.Features.TwoFactor;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.TwoFactor;

/// <summary>
/// The second factor's services on a real database: setting up an authenticator app and checking
/// its codes (computed here from the key, as the app would), recovery codes that work once and are
/// replaced, switching off, wrong codes counted in the sign-in lockout, and who the setting requires.
/// </summary>
public sealed class TwoFactorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APersonSetsUpTheAppWithARightCodeAndGetsTenRecoveryCodesThatEachWorkOnce()
    {
        await using var portal = await ServiceHarness.StartAsync();
        await using var session = await portal.SignedInAsAsync(DemoUsers.Officer);
        var twoFactor = session.Get<TwoFactorService>();
        Assert.False((await twoFactor.GetStatusAsync(Ct)).Enabled);

        var setup = await twoFactor.StartEnrolmentAsync(Ct);
        Assert.StartsWith("otpauth://totp/Portal:barbara.boyce%40york.example?secret=", setup.Uri, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,iVBOR", setup.QrCodePng, StringComparison.Ordinal);
        Assert.Equal(setup.Key, (await twoFactor.StartEnrolmentAsync(Ct)).Key);
        var app = App(setup.Key);

        var wrong = await twoFactor.EnableAsync(app.ComputeTotp(DateTime.UtcNow.AddMinutes(-10)), Ct);
        Assert.False(wrong.Check.Succeeded);
        Assert.Null(wrong.RecoveryCodes);
        Assert.False((await twoFactor.GetStatusAsync(Ct)).Enabled);

        var right = await twoFactor.EnableAsync(app.ComputeTotp(), Ct);
        Assert.True(right.Check.Succeeded);
        Assert.Equal(10, right.RecoveryCodes!.Distinct().Count());
        Assert.Equal(new TwoFactorStatus(true, 10, false), await twoFactor.GetStatusAsync(Ct));
        await Assert.ThrowsAsync<DomainRuleException>(() => twoFactor.StartEnrolmentAsync(Ct));

        // A code from the app is taken; a recovery code once, however it is typed, and not again.
        var user = await UserAsync(session, DemoUsers.Officer);
        var authenticator = session.Get<Authenticator>();
        Assert.True((await authenticator.CheckCodeAsync(user, Later(app, 1))).Succeeded);
        var code = right.RecoveryCodes![0];
        Assert.True((await authenticator.RedeemRecoveryCodeAsync(user, " " + code.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant())).Succeeded);
        Assert.False((await authenticator.RedeemRecoveryCodeAsync(user, code)).Succeeded);
        Assert.Equal(9, (await twoFactor.GetStatusAsync(Ct)).RecoveryCodesLeft);
    }

    [Fact]
    public async Task NewRecoveryCodesReplaceTheOldAndTurningOffNeedsARightCodeAndForgetsTheKey()
    {
        await using var portal = await ServiceHarness.StartAsync();
        await using var session = await portal.SignedInAsAsync(DemoUsers.Director);
        var twoFactor = session.Get<TwoFactorService>();
        await Assert.ThrowsAsync<DomainRuleException>(() => twoFactor.NewRecoveryCodesAsync("123456", Ct));
        var setup = await twoFactor.StartEnrolmentAsync(Ct);
        var app = App(setup.Key);
        var first = (await twoFactor.EnableAsync(app.ComputeTotp(), Ct)).RecoveryCodes!;

        Assert.False((await twoFactor.NewRecoveryCodesAsync("not a code", Ct)).Check.Succeeded);
        var second = (await twoFactor.NewRecoveryCodesAsync(Later(app, 1), Ct)).RecoveryCodes!;
        Assert.Empty(first.Intersect(second));
        var user = await UserAsync(session, DemoUsers.Director);
        Assert.False((await session.Get<Authenticator>().RedeemRecoveryCodeAsync(user, first[0])).Succeeded);

        Assert.False((await twoFactor.DisableAsync("000", Ct)).Succeeded);
        Assert.True((await twoFactor.GetStatusAsync(Ct)).Enabled);
        Assert.True((await twoFactor.DisableAsync(Later(app, 2), Ct)).Succeeded);
        Assert.False((await twoFactor.GetStatusAsync(Ct)).Enabled);
        Assert.NotEqual(setup.Key, (await twoFactor.StartEnrolmentAsync(Ct)).Key);
    }

    [Fact]
    public async Task AnAdministratorTurnsOffTheSecondFactorOfSomeoneWhoLostItButNotTheirOwn()
    {
        await using var portal = await ServiceHarness.StartAsync();
        await using (var officer = await portal.SignedInAsAsync(DemoUsers.Officer))
        {
            var twoFactor = officer.Get<TwoFactorService>();
            Assert.True((await twoFactor.EnableAsync(App((await twoFactor.StartEnrolmentAsync(Ct)).Key).ComputeTotp(), Ct)).Check.Succeeded);
        }

        await using (var self = await portal.SignedInAsAsync(DemoUsers.Administrator))
        {
            var twoFactor = self.Get<TwoFactorService>();
            Assert.True((await twoFactor.EnableAsync(App((await twoFactor.StartEnrolmentAsync(Ct)).Key).ComputeTotp(), Ct)).Check.Succeeded);
        }

        await using var admin = await portal.SignedInAsAsync(DemoUsers.Administrator);
        var (officerId, officerVersion) = await StampAsync(portal, DemoUsers.Officer);
        var (adminId, adminVersion) = await StampAsync(portal, DemoUsers.Administrator);
        Assert.True((await admin.Get<Portal.Features.Admin.Users.UserListService>().GetAsync(officerId, Ct)).User.TwoFactorEnabled);

        await admin.Get<Portal.Features.Admin.Users.UserAccessService>().TurnOffTwoFactorAsync(officerId, officerVersion, Ct);
        var rule = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<Portal.Features.Admin.Users.UserAccessService>().TurnOffTwoFactorAsync(adminId, adminVersion, Ct));

        Assert.Equal("User.TwoFactorSelf", rule.Code);
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        Assert.False(await db.Users.Where(u => u.Id == officerId).Select(u => u.TwoFactorEnabled).SingleAsync(Ct));
        Assert.True(await db.Users.Where(u => u.Id == adminId).Select(u => u.TwoFactorEnabled).SingleAsync(Ct));
    }

    [Fact]
    public async Task NoOneButTheSignedInPersonReachesTheirSecondFactor()
    {
        await using var portal = await ServiceHarness.StartAsync();
        await using var session = portal.Anonymous();
        var twoFactor = session.Get<TwoFactorService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => twoFactor.GetStatusAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => twoFactor.StartEnrolmentAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => twoFactor.EnableAsync("123456", Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => twoFactor.DisableAsync("123456", Ct));
    }

    [Fact]
    public async Task WrongCodesCountInTheSignInLockoutAndThenEvenARightCodeWaits()
    {
        await using var portal = await ServiceHarness.StartAsync();
        await using var session = await portal.SignedInAsAsync(DemoUsers.Member);
        var twoFactor = session.Get<TwoFactorService>();
        var app = App((await twoFactor.StartEnrolmentAsync(Ct)).Key);
        Assert.True((await twoFactor.EnableAsync(app.ComputeTotp(), Ct)).Check.Succeeded);
        var user = await UserAsync(session, DemoUsers.Member);
        var authenticator = session.Get<Authenticator>();

        // Five wrong (the default LockoutAfter), codes or recovery codes alike: the fifth locks.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(CodeCheck.Wrong(null), await authenticator.CheckCodeAsync(user, "12345" + i));
        }

        var fifth = await authenticator.RedeemRecoveryCodeAsync(user, "AAAAA-BBBBB");
        Assert.False(fifth.Succeeded);
        Assert.NotNull(fifth.LockedUntil);
        var locked = await authenticator.CheckCodeAsync(user, app.ComputeTotp());
        Assert.False(locked.Succeeded);
        Assert.NotNull(locked.LockedUntil);
        Assert.NotNull(session.Get<SignInThrottle>().LockedUntil(DemoUsers.Member, "circuit"));
    }

    [Fact]
    public async Task TheSettingRequiresAdministratorsByDefaultEveryoneOrNoOneButNeverOnADemo()
    {
        await using var council = await ServiceHarness.StartAsync(demo: "none");
        await using (var anonymous = council.Anonymous())
        {
            var code = anonymous.Get<SetupCode>().Value;
            Assert.Empty(await anonymous.Get<SetupService>().CreateFirstAdministratorAsync("Jane Clerk", "jane@council.example", "A-long-enough-passw0rd", code, Ct));
        }

        await council.AddPersonWithSignInAsync("olu@council.example", "Olu Officer", Roles.Officer, await CouncilNameAsync(council));
        await using var session = council.Anonymous();
        var administrator = await UserAsync(session, "jane@council.example");
        var officer = await UserAsync(session, "olu@council.example");

        Assert.True(await session.Get<TwoFactorPolicy>().IsRequiredAsync(administrator, Ct));
        Assert.False(await session.Get<TwoFactorPolicy>().IsRequiredAsync(officer, Ct));
        Assert.True(await Policy(session, TwoFactorRequirement.Everyone).IsRequiredAsync(officer, Ct));
        Assert.False(await Policy(session, TwoFactorRequirement.None).IsRequiredAsync(administrator, Ct));

        // The demo's sign-ins are printed for anyone to use: no requirement holds them.
        await using var demo = await ServiceHarness.StartAsync();
        await using var demoSession = demo.Anonymous();
        Assert.False(await Policy(demoSession, TwoFactorRequirement.Everyone).IsRequiredAsync(await UserAsync(demoSession, DemoUsers.Administrator), Ct));
    }

    [Fact]
    public async Task ACodeFromTheAppWorksOnceAndNotAgainNorAnEarlierOne()
    {
        await using var portal = await ServiceHarness.StartAsync();
        await using var session = await portal.SignedInAsAsync(DemoUsers.Officer);
        var twoFactor = session.Get<TwoFactorService>();
        var app = App((await twoFactor.StartEnrolmentAsync(Ct)).Key);
        var now = DateTime.UtcNow;
        Assert.True((await twoFactor.EnableAsync(app.ComputeTotp(now), Ct)).Check.Succeeded);
        var user = await UserAsync(session, DemoUsers.Officer);
        var authenticator = session.Get<Authenticator>();

        // The code that turned it on, used again in the same time step, is refused and counted as wrong; so is the step before it.
        Assert.Equal(CodeCheck.Wrong(null), await authenticator.CheckCodeAsync(user, app.ComputeTotp(now)));
        Assert.False((await authenticator.CheckCodeAsync(user, app.ComputeTotp(now.AddSeconds(-30)))).Succeeded);

        // The next step's code is taken once, and then that one is refused too, in another session as well.
        var next = app.ComputeTotp(now.AddSeconds(30));
        Assert.True((await authenticator.CheckCodeAsync(user, next)).Succeeded);
        await using var other = await portal.SignedInAsAsync(DemoUsers.Officer);
        Assert.False((await other.Get<Authenticator>().CheckCodeAsync(await UserAsync(other, DemoUsers.Officer), next)).Succeeded);
        Assert.True((await other.Get<Authenticator>().CheckCodeAsync(await UserAsync(other, DemoUsers.Officer), app.ComputeTotp(now.AddSeconds(60)))).Succeeded);
    }

    /// <summary>The app's code <paramref name="steps"/> time steps from now: each code works once, so a later use takes a later step (Identity allows two either side).</summary>
    private static string Later(Totp app, int steps) => app.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));

    private static Totp App(string key) => new(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()));

    private static TwoFactorPolicy Policy(ServiceHarness.Session session, TwoFactorRequirement requirement) =>
        new(Options.Create(new TwoFactorOptions { RequireTwoFactor = requirement }), session.Get<IDbContextFactory<PortalDbContext>>(), session.Get<UserManager<PortalUser>>());

    private static async Task<PortalUser> UserAsync(ServiceHarness.Session session, string email) =>
        await session.Get<UserManager<PortalUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);

    private static async Task<(string Id, string Version)> StampAsync(ServiceHarness portal, string email)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, Ct);
        return (user.Id, user.ConcurrencyStamp!);
    }

    private static async Task<string> CouncilNameAsync(ServiceHarness portal)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await db.OrganisationUnits.Where(u => u.Kind == Portal.Domain.Organisation.UnitKind.Council).Select(u => u.Name).SingleAsync(Ct);
    }
}
