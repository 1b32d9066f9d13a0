using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Setup;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features;

public sealed class InstallationTests
{
    [Fact]
    public async Task StartsACouncilsOwnRecordWithNoDemoSignInsAndOpensSetupOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = await ServiceHarness.StartAsync(demo: "none");
        await using var session = portal.Anonymous();
        var setup = session.Get<SetupService>();
        await using (var db = await session.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
        {
            Assert.Equal(0, await db.Users.CountAsync(ct));
            Assert.Equal(InstallationKind.Council, (await db.Installations.SingleAsync(ct)).Kind);
        }

        Assert.True(await setup.IsOpenAsync(ct));

        // The one-time code the portal printed at start (held by this process only); without it, or with another, nothing is created.
        var code = session.Get<SetupCode>().Value;
        var noCode = await setup.CreateFirstAdministratorAsync("Jane Clerk", "jane@council.example", "A-long-enough-passw0rd", null, ct);
        Assert.Equal([SetupService.CodeField], noCode.Keys);
        var otherCode = await setup.CreateFirstAdministratorAsync("Jane Clerk", "jane@council.example", "A-long-enough-passw0rd", new SetupCode().Value, ct);
        Assert.Equal([SetupService.CodeField], otherCode.Keys);
        Assert.True(await setup.IsOpenAsync(ct));

        // A weak password does not use the code up; typed in small letters without dashes it is the same code.
        var weak = await setup.CreateFirstAdministratorAsync("Jane Clerk", "jane@council.example", "short", code, ct);
        Assert.Contains("Password", weak.Keys);
        var problems = await setup.CreateFirstAdministratorAsync("Jane Clerk", "jane@council.example", "A-long-enough-passw0rd", code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), ct);

        Assert.Empty(problems);
        Assert.True(session.Get<SetupCode>().IsUsed);
        Assert.False(await setup.IsOpenAsync(ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => setup.CreateFirstAdministratorAsync("Mallory", "m@evil.example", "A-long-enough-passw0rd", code, ct));
    }

    [Fact]
    public void ASetupCodeIsAcceptedOnlyUntilUsedAndEachStartMakesANewOne()
    {
        var first = new SetupCode();
        var second = new SetupCode();

        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", first.Value);
        Assert.NotEqual(first.Value, second.Value);
        Assert.False(first.Matches(second.Value));
        Assert.False(first.Matches(null));
        Assert.True(first.Matches(" " + first.Value.ToLowerInvariant() + " "));
        first.MarkUsed();
        Assert.False(first.Matches(first.Value));
    }

    [Fact]
    public async Task RefusesToOpenADemoDatabaseAsACouncilsOwnRecord()
    {
        using var database = new TempDatabase();
        await using (var demo = ServiceHarness.Build(database.ConnectionString, "en", out _))
        {
            await using var scope = demo.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        }

        await using var council = ServiceHarness.Build(database.ConnectionString, "none", out _);
        await using var councilScope = council.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<DatabaseRefusedException>(() =>
            councilScope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken));
        Assert.Contains("demo", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SeedsTheSwedishDemoInSwedish()
    {
        await using var portal = await ServiceHarness.StartAsync(demo: "sv");
        await using var db = await portal.Db.CreateDbContextAsync(TestContext.Current.CancellationToken);

        Assert.Equal(InstallationKind.SwedishDemo, (await db.Installations.SingleAsync(TestContext.Current.CancellationToken)).Kind);
        Assert.True(await db.People.AnyAsync(p => p.JobTitle == "Kommunchef och koncernchef", TestContext.Current.CancellationToken));
        Assert.True(await db.OrganisationUnits.AnyAsync(u => u.Name == "Kommunstyrelsens arbetsutskott", TestContext.Current.CancellationToken));
    }
}
