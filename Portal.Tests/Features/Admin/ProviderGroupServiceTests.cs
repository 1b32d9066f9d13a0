using Portal.Domain.Common;
using Portal.Features.Admin.Audit;
using Portal.Features.Admin.ProviderGroups;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>The provider groups mapping: administrators only, a group id and one of the four roles, no line twice, every change audited.</summary>
public sealed class ProviderGroupServiceTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task AnAdministratorMapsGroupsToRolesWithinTheRules()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var groups = admin.Get<ProviderGroupService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<ProviderGroupService>().AddAsync("grp-1", Roles.Director, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<ProviderGroupService>().ListAsync(Ct));

        Assert.Equal("ProviderGroup.GroupRequired", (await Assert.ThrowsAsync<DomainRuleException>(() => groups.AddAsync("  ", Roles.Director, Ct))).Code);
        Assert.Equal("ProviderGroup.GroupTooLong", (await Assert.ThrowsAsync<DomainRuleException>(() => groups.AddAsync(new string('g', 201), Roles.Director, Ct))).Code);
        Assert.Equal("ProviderGroup.RoleRequired", (await Assert.ThrowsAsync<DomainRuleException>(() => groups.AddAsync("grp-1", "Superuser", Ct))).Code);

        await groups.AddAsync(" 5f1c-directors ", Roles.Director, Ct);
        await groups.AddAsync("5f1c-directors", Roles.Officer, Ct);
        var duplicate = await Assert.ThrowsAsync<DomainRuleException>(() => groups.AddAsync("5f1c-directors", Roles.Director, Ct));
        Assert.Equal("ProviderGroup.Duplicate", duplicate.Code);

        var lines = await groups.ListAsync(Ct);
        Assert.Equal([("5f1c-directors", Roles.Director), ("5f1c-directors", Roles.Officer)], lines.Select(l => (l.GroupId, l.Role)));

        await groups.RemoveAsync(lines[1].Id, Ct);
        Assert.Equal([Roles.Director], (await groups.ListAsync(Ct)).Select(l => l.Role));

        var trail = await admin.Get<AuditService>().SearchAsync(new AuditQuery(Item: "ProviderGroupRole"), Ct);
        Assert.Equal(3, trail.Rows.Count);
    }
}
