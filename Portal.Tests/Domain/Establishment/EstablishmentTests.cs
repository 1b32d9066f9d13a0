using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Tests.Domain.Plans;

namespace Portal.Tests.Domain.Establishment;

public sealed class EstablishmentTests
{
    private static readonly DateOnly Start = new(2009, 7, 14);

    private static Post NewPost(int id, decimal fte = 1m) => Post.Establish($"P{id:000}", $"Post {id}", 1, 1, fte, Start).WithId(id);

    [Fact]
    public void AddsUpPostsFteAndCostsWithOnCosts()
    {
        // Carlisle's team: Deputy Chief Executive £74,545-£82,000, a Strategic Director £65,454-£72,000, six Assistant Directors £52,500-£58,000 (two vacant).
        List<EstablishmentPost> posts =
        [
            new(1, 1, 1m, true, 74_545m, 82_000m),
            new(2, 1, 1m, true, 65_454m, 72_000m),
            .. Enumerable.Range(3, 6).Select(i => new EstablishmentPost(i, 2, 1m, i < 7, 52_500m, 58_000m)),
        ];

        var figures = EstablishmentFigures.Of(posts, onCostPercent: 0);
        var withOnCosts = EstablishmentFigures.Of(posts, onCostPercent: 30);

        Assert.Equal((8, 8m, 6, 6m, 2, 2m), (figures.Posts, figures.Fte, figures.Filled, figures.FilledFte, figures.Vacant, figures.VacantFte));
        Assert.Equal(74_545m + 65_454m + (6 * 52_500m), figures.CostAtMinimum);
        Assert.Equal(82_000m + 72_000m + (6 * 58_000m), figures.CostAtMaximum);
        // Costs are rounded to whole pounds only once, at the end: £478,499.50 at the midpoint becomes £478,500.
        Assert.Equal(Math.Round(((74_545m + 82_000m) / 2) + ((65_454m + 72_000m) / 2) + (6 * 55_250m), 0, MidpointRounding.AwayFromZero), figures.CostAtMidpoint);
        Assert.Equal(Math.Round(figures.CostAtMinimum * 1.3m, 0, MidpointRounding.AwayFromZero), withOnCosts.CostAtMinimum);
    }

    [Fact]
    public void APartTimePostCostsItsShareOfTheBand()
    {
        var figures = EstablishmentFigures.Of([new EstablishmentPost(1, 1, 0.5m, false, 30_000m, 34_000m)], onCostPercent: 0);

        Assert.Equal((15_000m, 16_000m, 17_000m, 0.5m), (figures.CostAtMinimum, figures.CostAtMidpoint, figures.CostAtMaximum, figures.VacantFte));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(-1)]
    public void RefusesAnFteThatIsNotOnePersonsShare(double fte)
    {
        var error = Assert.Throws<DomainRuleException>(() => Post.Establish("P1", "Assistant Director", 1, 1, (decimal)fte, Start));

        Assert.Equal((nameof(Post.Fte), "Post.FteOutOfRange"), (error.Field, error.Code));
    }

    [Fact]
    public void RefusesABandWhoseMinimumExceedsItsMaximum()
    {
        var error = Assert.Throws<DomainRuleException>(() => Grade.Create("JNC Assistant Director", 58_000m, 52_500m));

        Assert.Equal((nameof(Grade.BandMaximum), "Grade.MinimumAboveMaximum"), (error.Field, error.Code));
        Assert.Equal(55_250m, Grade.Create("JNC Assistant Director", 52_500m, 58_000m).BandMidpoint);
    }

    [Fact]
    public void RefusesAPostAccountableToItselfOrToAPostBeneathIt()
    {
        var lines = new List<PostReporting>();
        Structure.ChangeReporting(lines, 1, null, Start);   // chief executive
        Structure.ChangeReporting(lines, 2, 1, Start);      // strategic director
        Structure.ChangeReporting(lines, 3, 2, Start);      // assistant director

        Assert.Equal("Post.AccountableToItself", Assert.Throws<DomainRuleException>(() => Structure.ChangeReporting(lines, 2, 2, Start.AddDays(1))).Code);
        Assert.Equal("Post.AccountableToBelow", Assert.Throws<DomainRuleException>(() => Structure.ChangeReporting(lines, 1, 3, Start.AddDays(1))).Code);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Null(l.To));
    }

    [Fact]
    public void AReportingChangeIsEffectiveDatedAndTheOldLineIsKept()
    {
        var lines = new List<PostReporting>();
        Structure.ChangeReporting(lines, 1, null, Start);
        Structure.ChangeReporting(lines, 2, 1, Start);
        Structure.ChangeReporting(lines, 3, 1, Start);
        var moved = new DateOnly(2010, 4, 1);

        Structure.ChangeReporting(lines, 3, 2, moved);

        Assert.Equal(1, Structure.ParentsOn(lines, moved.AddDays(-1))[3]);
        Assert.Equal(2, Structure.ParentsOn(lines, moved)[3]);
        Assert.Equal(4, lines.Count);
        Assert.Equal("Post.ChangeBeforeCurrent", Assert.Throws<DomainRuleException>(() => Structure.ChangeReporting(lines, 3, 1, moved.AddDays(-5))).Code);
    }

    [Fact]
    public void AHolderChangeEndsThePreviousHoldingOnTheSameDay()
    {
        var post = NewPost(3);
        var holdings = new List<PostHolding>();
        Structure.Appoint(holdings, post, personId: 10, acting: false, Start);
        var left = new DateOnly(2011, 1, 1);

        Structure.Appoint(holdings, post, personId: 11, acting: true, left);

        Assert.Equal(left, holdings[0].To);
        Assert.True(holdings[0].IsOn(left.AddDays(-1)));
        Assert.False(holdings[0].IsOn(left));
        Assert.True(holdings[1].IsOn(left));
        Assert.Equal("Post.NotEstablished", Assert.Throws<DomainRuleException>(() => Structure.Appoint(holdings, post, 12, false, Start.AddDays(-1))).Code);
    }

    [Fact]
    public void OneRoleHasOneHolderAtATimeAndTheMonitoringOfficerIsNotTheHeadOfPaidService()
    {
        var designations = new List<StatutoryDesignation>();
        Structure.Designate(designations, StatutoryRole.HeadOfPaidService, 1, Start);
        Structure.Designate(designations, StatutoryRole.MonitoringOfficer, 5, Start);
        var changed = new DateOnly(2012, 6, 1);

        Structure.Designate(designations, StatutoryRole.MonitoringOfficer, 6, changed);

        Assert.Equal(changed, designations.Single(d => d.PostId == 5).To);
        Structure.EnsureOneHolderPerRole(designations);
        Assert.Equal("Role.MonitoringOfficerIsHeadOfPaidService", Assert.Throws<DomainRuleException>(() => Structure.Designate(designations, StatutoryRole.MonitoringOfficer, 1, changed.AddDays(1))).Code);
        Assert.Equal("Role.DesignatedLater", Assert.Throws<DomainRuleException>(() => Structure.Designate(designations, StatutoryRole.MonitoringOfficer, 7, changed.AddDays(-1))).Code);

        var overlapping = new List<StatutoryDesignation>
        {
            StatutoryDesignation.Start(StatutoryRole.MonitoringOfficer, 5, Start),
            StatutoryDesignation.Start(StatutoryRole.MonitoringOfficer, 6, changed),
        };
        Assert.Equal("Role.TwoHolders", Assert.Throws<DomainRuleException>(() => Structure.EnsureOneHolderPerRole(overlapping)).Code);
    }

    [Fact]
    public void TheMonitoringOfficersPostIsNeverTheChiefFinanceOfficersOnASharedDate()
    {
        // Local Government and Housing Act 1989, s.5(1): the monitoring officer "shall not be their chief finance officer".
        var designations = new List<StatutoryDesignation>();
        Structure.Designate(designations, StatutoryRole.Section151Officer, 4, Start);
        Structure.Designate(designations, StatutoryRole.MonitoringOfficer, 5, Start);
        var moved = new DateOnly(2012, 6, 1);

        var asMonitoringOfficer = Assert.Throws<DomainRuleException>(() => Structure.Designate(designations, StatutoryRole.MonitoringOfficer, 4, moved));
        var asChiefFinanceOfficer = Assert.Throws<DomainRuleException>(() => Structure.Designate(designations, StatutoryRole.Section151Officer, 5, moved));

        Assert.Equal(("Role.MonitoringOfficerIsChiefFinanceOfficer", "PostId"), (asMonitoringOfficer.Code, asMonitoringOfficer.Field));
        Assert.Equal("Role.MonitoringOfficerIsChiefFinanceOfficer", asChiefFinanceOfficer.Code);
        Assert.Equal(moved, Assert.Single(asMonitoringOfficer.Arguments));
        Assert.Contains("Local Government and Housing Act 1989, s.5(1)", asMonitoringOfficer.Message, StringComparison.Ordinal);
        // Nothing was ended by the refused designations.
        Assert.Equal(2, designations.Count);
        Assert.All(designations, d => Assert.Null(d.To));

        // Once the chief finance officer's role has moved to another post, the old Section 151 post may become the Monitoring Officer's.
        Structure.Designate(designations, StatutoryRole.Section151Officer, 6, moved);
        Structure.Designate(designations, StatutoryRole.MonitoringOfficer, 4, moved);
        Assert.Equal(4, designations.Single(d => d.Role == StatutoryRole.MonitoringOfficer && d.To is null).PostId);
    }

    [Fact]
    public void ThePostThatWillBeChiefFinanceOfficerLaterCannotBeMonitoringOfficerNow()
    {
        var designations = new List<StatutoryDesignation>();
        Structure.Designate(designations, StatutoryRole.Section151Officer, 4, new DateOnly(2013, 1, 1));

        // An open-ended designation from 2012 would still be running in 2013.
        var error = Assert.Throws<DomainRuleException>(() => Structure.Designate(designations, StatutoryRole.MonitoringOfficer, 4, new DateOnly(2012, 1, 1)));

        Assert.Equal("Role.MonitoringOfficerIsChiefFinanceOfficer", error.Code);
        Assert.Equal(new DateOnly(2013, 1, 1), Assert.Single(error.Arguments));
    }

    [Fact]
    public void OnePersonHoldingTheMonitoringOfficersPostAndTheChiefFinanceOfficersIsRefused()
    {
        // Two posts, one person: the Assistant Director (Resources) is Section 151 Officer, the Assistant Director (Governance) is not yet anything.
        var (resources, governance, other) = (NewPost(4), NewPost(5), NewPost(6));
        var holdings = new List<PostHolding>();
        Structure.Appoint(holdings, resources, personId: 20, acting: false, Start);
        Structure.Appoint(holdings, governance, personId: 20, acting: true, Start.AddDays(30));
        Structure.Appoint(holdings, other, personId: 21, acting: false, Start);
        var designations = new List<StatutoryDesignation>();
        Structure.Designate(designations, StatutoryRole.Section151Officer, resources.Id, Start, holdings);

        var error = Assert.Throws<DomainRuleException>(() => Structure.Designate(designations, StatutoryRole.MonitoringOfficer, governance.Id, Start, holdings));

        Assert.Equal(("Role.MonitoringOfficerHolderIsChiefFinanceOfficer", "PostId"), (error.Code, error.Field));
        // The first day the person holds both: the day they began acting in the second post.
        Assert.Equal(Start.AddDays(30), Assert.Single(error.Arguments));
        Assert.Single(designations);

        // Another post, held by someone else, is fine.
        Structure.Designate(designations, StatutoryRole.MonitoringOfficer, other.Id, Start, holdings);
    }

    [Fact]
    public void HoldingsThatEndBeforeTheDesignationBeginsDoNotClash()
    {
        var (head, governance) = (NewPost(1), NewPost(5));
        var holdings = new List<PostHolding>();
        Structure.Appoint(holdings, head, personId: 20, acting: true, Start);
        Structure.Appoint(holdings, head, personId: 21, acting: false, new DateOnly(2010, 1, 1));
        Structure.Appoint(holdings, governance, personId: 20, acting: false, Start);
        var designations = new List<StatutoryDesignation>();
        Structure.Designate(designations, StatutoryRole.HeadOfPaidService, head.Id, Start, holdings);

        // Person 20 acted as head of paid service until 2010; from 2010 their post may be the Monitoring Officer's, not before.
        var before = Assert.Throws<DomainRuleException>(() => Structure.Designate(designations, StatutoryRole.MonitoringOfficer, governance.Id, Start, holdings));
        Structure.Designate(designations, StatutoryRole.MonitoringOfficer, governance.Id, new DateOnly(2010, 1, 1), holdings);

        Assert.Equal("Role.MonitoringOfficerHolderIsHeadOfPaidService", before.Code);
        Assert.Contains("s.5(1A)", before.Message, StringComparison.Ordinal);
        Assert.Equal(2, designations.Count);
    }

    [Fact]
    public void AppointingTheMonitoringOfficerToTheChiefFinanceOfficersPostIsRefused()
    {
        var (resources, governance) = (NewPost(4), NewPost(5));
        var holdings = new List<PostHolding>();
        Structure.Appoint(holdings, governance, personId: 20, acting: false, Start);
        var designations = new List<StatutoryDesignation>();
        Structure.Designate(designations, StatutoryRole.Section151Officer, resources.Id, Start, holdings);
        Structure.Designate(designations, StatutoryRole.MonitoringOfficer, governance.Id, Start, holdings);
        var resourcesHoldings = new List<PostHolding>();
        var later = new DateOnly(2011, 3, 1);

        var error = Assert.Throws<DomainRuleException>(() => Structure.Appoint(resourcesHoldings, resources, 20, acting: true, later, designations, holdings));

        Assert.Equal(("Role.MonitoringOfficerHolderIsChiefFinanceOfficer", "PersonId"), (error.Code, error.Field));
        Assert.Equal(later, Assert.Single(error.Arguments));
        Assert.Empty(resourcesHoldings);

        // Someone else may take it; and once person 20 has left the Monitoring Officer's post, so may they.
        Structure.Appoint(resourcesHoldings, resources, 21, acting: false, later, designations, []);
        Structure.Vacate(holdings, governance.Id, new DateOnly(2012, 1, 1));
        Structure.Appoint(resourcesHoldings, resources, 20, acting: false, new DateOnly(2012, 1, 1), designations, holdings);
        Assert.Equal(2, resourcesHoldings.Count);
    }

    [Fact]
    public void TheDeputyChiefExecutiveMayAlsoBeTheMonitoringOfficer()
    {
        var designations = new List<StatutoryDesignation>();
        Structure.Designate(designations, StatutoryRole.DeputyChiefExecutive, 2, Start);
        Structure.Designate(designations, StatutoryRole.Section151Officer, 3, Start);

        Structure.Designate(designations, StatutoryRole.MonitoringOfficer, 2, Start);
        Structure.Designate(designations, StatutoryRole.HeadOfPaidService, 3, Start);

        Assert.Equal(4, designations.Count);
        Assert.Equal([StatutoryRole.Section151Officer, StatutoryRole.HeadOfPaidService], Structure.KeptApartFrom(StatutoryRole.MonitoringOfficer));
    }

    [Fact]
    public void WarnsWhenAStatutoryRoleHasNoDesignationOrItsPostIsVacant()
    {
        var designations = new List<StatutoryDesignation>();
        Structure.Designate(designations, StatutoryRole.HeadOfPaidService, 1, Start);
        Structure.Designate(designations, StatutoryRole.Section151Officer, 4, Start);
        var holdings = new List<PostHolding>();
        Structure.Appoint(holdings, NewPost(1), 10, false, Start);

        var warnings = Structure.Check(designations, holdings, Start.AddDays(10));

        Assert.Equal(
            [new RoleWarning(StatutoryRole.Section151Officer, RoleProblem.PostVacant), new RoleWarning(StatutoryRole.MonitoringOfficer, RoleProblem.NotDesignated)],
            warnings);
        Assert.Equal(3, Structure.Check(designations, holdings, Start.AddDays(-1)).Count);
    }

    [Fact]
    public void RecruitmentNeedsItsDates()
    {
        var post = NewPost(4);

        Assert.Equal("Post.RecruitmentOpenedRequired", Assert.Throws<DomainRuleException>(() => post.SetRecruitment(RecruitmentStatus.RingFencedInternal, null, null, null)).Code);
        Assert.Equal("Post.AppointedOnRequired", Assert.Throws<DomainRuleException>(() => post.SetRecruitment(RecruitmentStatus.Appointed, Start, null, null)).Code);
        post.SetRecruitment(RecruitmentStatus.RingFencedInternal, Start, Start.AddDays(14), null);
        Assert.Equal((RecruitmentStatus.RingFencedInternal, Start.AddDays(14)), (post.Recruitment, post.RecruitmentClosesOn));
    }
}
