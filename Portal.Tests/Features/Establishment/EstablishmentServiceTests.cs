using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Features.Establishment;
using Portal.Features.Establishment.Chart;
using Portal.Features.Establishment.Establishment;
using Portal.Features.Establishment.Posts;
using Portal.Features.Establishment.Roles;
using Portal.Features.Meetings;
using Portal.Features.Meetings.Bodies;
using Portal.Features.Meetings.Calendar;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Establishment;

/// <summary>The establishment on the seeded demo (Carlisle's strategic management team), through the real services and migrations.</summary>
public sealed class EstablishmentServiceTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => new(2026, 11, 25);

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task TheChartRunsFromTheChiefExecutiveDownWithHoldersAndRoles()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var chart = await officer.Get<ChartService>().ChartAsync(null, Ct);

        var ce = Assert.Single(chart.Roots);
        Assert.Equal(("Town Clerk and Chief Executive", "Alex Morgan"), (ce.Title, ce.Holder));
        Assert.Equal([StatutoryRole.HeadOfPaidService], ce.Roles);
        Assert.Equal(["SD-001", "SD-002"], ce.Children.Select(c => c.Number));
        var resources = ce.Children[0].Children.Single(c => c.Number == "AD-001");
        Assert.Equal(("Keith Best", StatutoryRole.Section151Officer), (resources.Holder, Assert.Single(resources.Roles)));
        Assert.Equal(9, chart.Posts);
        Assert.Equal(2, ce.VacanciesBelow);
        Assert.True(ce.Children[1].Children.Single(c => c.Number == "AD-006").IsActing);
    }

    [Fact]
    public async Task TheChartOnAPastDateShowsTheStructureAsItWas()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var charts = officer.Get<ChartService>();

        var before = await charts.ChartAsync(new DateOnly(2020, 1, 1), Ct);
        var beforeApproval = await charts.ChartAsync(new DateOnly(2009, 7, 1), Ct);
        var justApproved = await charts.ChartAsync(new DateOnly(2009, 7, 20), Ct);

        Assert.Contains(before.Roots[0].Children.Single(c => c.Number == "SD-002").Children, c => c.Number == "AD-005");
        Assert.Empty(beforeApproval.Roots);
        Assert.Null(justApproved.Roots[0].Children[0].Holder);
        Assert.Equal("Alex Morgan", justApproved.Roots[0].Holder);
    }

    [Fact]
    public async Task TheEstablishmentTotalsTheTeamAtEachPointOfTheBandWithOnCosts()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var view = await officer.Get<EstablishmentService>().EstablishmentAsync(null, Ct);

        var council = view.Council;
        Assert.Equal((9, 9m, 7, 2), (council.Posts, council.Fte, council.Filled, council.Vacant));
        Assert.Equal(30m, view.OnCostPercent);
        Assert.Equal(714_999m, council.CostAtMinimum);   // £549,999 × 1.3
        Assert.Equal(752_049m, council.CostAtMidpoint);  // £578,499.50 × 1.3
        Assert.Equal(789_100m, council.CostAtMaximum);   // £607,000 × 1.3
        var resources = view.Units.Single(u => u.Unit == "Resources");
        Assert.Equal(3, resources.Figures.Posts);         // the Deputy Chief Executive and two Assistant Directors beneath
        var csv = System.Text.Encoding.UTF8.GetString((await officer.Get<EstablishmentService>().ExportAsync(null, Ct)).Content);
        Assert.True(csv.Contains("Council,9,9,7,7,2,2,714999,752049,789100", StringComparison.Ordinal), csv);
        Assert.Contains("\nResources,3,3,3,3,0,0,233409,245404,257400", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryoneCanSeeTheStatutoryRolesAndAVacantMonitoringOfficerIsWarnedAbout()
    {
        await using var anonymous = _portal.Anonymous();
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var roles = await anonymous.Get<StatutoryRoleService>().RolesAsync(Ct);

        Assert.Equal("Keith Best", roles.Roles.Single(r => r.Role == StatutoryRole.Section151Officer).Holder);
        Assert.Equal("Quentin Baker", roles.Roles.Single(r => r.Role == StatutoryRole.MonitoringOfficer).Holder);
        Assert.Empty(roles.Warnings);
        Assert.False(roles.CanDesignate);

        await admin.Get<PostAdminService>().VacateAsync(await PostIdAsync("AD-002"), Today, Ct);

        var after = await anonymous.Get<StatutoryRoleService>().RolesAsync(Ct);
        Assert.Equal(new RoleWarning(StatutoryRole.MonitoringOfficer, RoleProblem.PostVacant), Assert.Single(after.Warnings));
    }

    [Fact]
    public async Task OnlyAdministratorsChangeTheStructureAndCyclesAreRefused()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await using var anonymous = _portal.Anonymous();
        var ce = await PostIdAsync("CE-001");
        var resources = await PostIdAsync("AD-001");
        var (finance, grade) = (await UnitIdAsync("Finance"), await GradeIdAsync());

        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<PostAdminService>().ChangeReportingAsync(resources, ce, Today, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<ChartService>().ChartAsync(null, Ct));
        var cycle = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<PostAdminService>().ChangeReportingAsync(ce, resources, Today, Ct));
        var fte = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<PostAdminService>().CreatePostAsync(
            new PostEdit("AD-007", "Assistant Director (Digital)", finance, grade, 1.5m, ce, Today), Ct));

        Assert.Equal("Post.AccountableToBelow", cycle.Code);
        Assert.Equal(nameof(Post.Fte), fte.Field);
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        Assert.False(await db.Posts.AnyAsync(p => p.Number == "AD-007", Ct));
        Assert.Null((await db.PostReportingLines.SingleAsync(l => l.PostId == ce, Ct)).AccountableToId);
    }

    [Fact]
    public async Task ASeatOnTheEmgFollowsThePostToItsNewHolder()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await admin.Get<PostAdminService>().AppointAsync(await PostIdAsync("SD-002"), await PersonIdAsync("Barbara Boyce"), acting: false, Today, Ct);
        await using var barbara = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var heather = await _portal.SignedInAsAsync(DemoUsers.Director);

        var barbaras = await barbara.Get<MeetingService>().MonthAsync(new MonthQuery(2026, 12, null, Mine: true), Ct);
        var heathers = await heather.Get<MeetingService>().MonthAsync(new MonthQuery(2026, 12, null, Mine: true), Ct);
        var body = await admin.Get<BodyService>().GetAsync("emg", Ct);

        Assert.Contains(barbaras.Meetings, m => m.BodySlug == "emg");
        Assert.DoesNotContain(heathers.Meetings, m => m.BodySlug == "emg");
        Assert.Contains(body!.Members, m => m.Post == "Strategic Director" && m.Name == "Barbara Boyce" && m.Responsibilities!.Contains("golden thread", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheMonitoringOfficerIsNeverTheSection151OfficerNorTheHeadOfPaidServiceAndNothingIsHalfSaved()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var statutoryRoles = admin.Get<StatutoryRoleService>();
        var postAdmin = admin.Get<PostAdminService>();
        var (resources, governance, ce) = (await PostIdAsync("AD-001"), await PostIdAsync("AD-002"), await PostIdAsync("CE-001"));
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            // The demo itself keeps the rule: Carlisle's Assistant Director (Governance) is the Monitoring Officer, on a post of their own.
            Assert.Equal(governance, await db.StatutoryDesignations.Where(d => d.Role == StatutoryRole.MonitoringOfficer && d.To == null).Select(d => d.PostId).SingleAsync(Ct));
        }

        var moOnS151 = await Assert.ThrowsAsync<DomainRuleException>(() => statutoryRoles.DesignateAsync(StatutoryRole.MonitoringOfficer, resources, Today, Ct));
        var s151OnMo = await Assert.ThrowsAsync<DomainRuleException>(() => statutoryRoles.DesignateAsync(StatutoryRole.Section151Officer, governance, Today, Ct));
        var headOnMo = await Assert.ThrowsAsync<DomainRuleException>(() => statutoryRoles.DesignateAsync(StatutoryRole.HeadOfPaidService, governance, Today, Ct));
        // The Monitoring Officer, Quentin Baker, cannot act up as Assistant Director (Resources) while the post is the Section 151 Officer's.
        var quentin = await PersonIdAsync("Quentin Baker");
        var acting = await Assert.ThrowsAsync<DomainRuleException>(() => postAdmin.AppointAsync(resources, quentin, acting: true, Today, Ct));

        Assert.Equal(("Role.MonitoringOfficerIsChiefFinanceOfficer", "PostId"), (moOnS151.Code, moOnS151.Field));
        Assert.Equal("Role.MonitoringOfficerIsChiefFinanceOfficer", s151OnMo.Code);
        Assert.Equal("Role.MonitoringOfficerIsHeadOfPaidService", headOnMo.Code);
        Assert.Equal(("Role.MonitoringOfficerHolderIsChiefFinanceOfficer", "PersonId"), (acting.Code, acting.Field));
        Assert.Equal(Today, Assert.Single(acting.Arguments));
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            Assert.Equal(4, await db.StatutoryDesignations.CountAsync(Ct));
            Assert.False(await db.StatutoryDesignations.AnyAsync(d => d.To != null, Ct));
            Assert.False(await db.PostHoldings.AnyAsync(h => h.PersonId == quentin && h.PostId == resources, Ct));
            Assert.Null(await db.PostHoldings.Where(h => h.PostId == resources).Select(h => h.To).SingleAsync(Ct));
        }

        // The chief executive holding the Monitoring Officer's post by acting up in it is refused too (s.5(1A)).
        var alex = await PersonIdAsync("Alex Morgan");
        var head = await Assert.ThrowsAsync<DomainRuleException>(() => postAdmin.AppointAsync(governance, alex, acting: true, Today, Ct));
        Assert.Equal("Role.MonitoringOfficerHolderIsHeadOfPaidService", head.Code);

        // Moving the Monitoring Officer's role to the chief executive's post is refused; to an unconflicted post it is allowed.
        await Assert.ThrowsAsync<DomainRuleException>(() => statutoryRoles.DesignateAsync(StatutoryRole.MonitoringOfficer, ce, Today, Ct));
        await statutoryRoles.DesignateAsync(StatutoryRole.MonitoringOfficer, await PostIdAsync("SD-002"), Today, Ct);
        var roles = await statutoryRoles.RolesAsync(Ct);
        Assert.Equal("Strategic Director", roles.Roles.Single(r => r.Role == StatutoryRole.MonitoringOfficer).PostTitle);
    }

    private async Task<int> PostIdAsync(string number)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Posts.Where(p => p.Number == number).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.OrganisationUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<int> GradeIdAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Grades.OrderBy(g => g.Id).Select(g => g.Id).LastAsync(Ct);
    }

    private async Task<int> PersonIdAsync(string name)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.People.Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync(Ct);
    }
}
