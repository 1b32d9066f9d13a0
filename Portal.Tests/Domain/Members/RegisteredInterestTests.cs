using Portal.Domain.Common;
using Portal.Domain.Members;

namespace Portal.Tests.Domain.Members;

public sealed class RegisteredInterestTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static InterestEntry Gift(decimal value) =>
        new(InterestCategory.GiftOrHospitality, InterestHolder.Councillor, "Dinner", "York Chamber of Trade", value, Today.AddDays(-3), false);

    [Fact]
    public void KeepsEveryChangeAsAVersionAndAnAmendmentByTheCouncillorWaitsToBePublishedAgain()
    {
        var interest = RegisteredInterest.Register(1, new(InterestCategory.Employment, InterestHolder.Councillor, "Solicitor", null, null, null, false), 50m, Today, "Cllr Jo Walker");
        interest.Publish(Today, "Quentin Baker");
        interest.Amend(new(InterestCategory.Employment, InterestHolder.Councillor, "Partner, a firm of solicitors", null, null, null, false), 50m, Today.AddDays(1), "Cllr Jo Walker", staysPublished: false);

        Assert.False(interest.IsPublished);
        Assert.Equal([InterestChange.Registered, InterestChange.Published, InterestChange.Amended], interest.Versions.Select(v => v.Change));
        Assert.Equal("Solicitor", interest.Versions[0].Particulars);
        Assert.Equal("Partner, a firm of solicitors", interest.Particulars);
    }

    [Fact]
    public void RefusesAGiftBelowTheCouncilsThresholdOrWithoutItsGiverOrDate()
    {
        Assert.Equal("Interest.BelowThreshold", Assert.Throws<DomainRuleException>(() => RegisteredInterest.Register(1, Gift(49.99m), 50m, Today, "x")).Code);
        Assert.Equal("Interest.GiverRequired", Assert.Throws<DomainRuleException>(() => RegisteredInterest.Register(1, Gift(60m) with { Giver = " " }, 50m, Today, "x")).Code);
        Assert.Equal("Interest.ReceivedOn", Assert.Throws<DomainRuleException>(() => RegisteredInterest.Register(1, Gift(60m) with { ReceivedOn = Today.AddDays(1) }, 50m, Today, "x")).Code);
        Assert.Equal(60m, RegisteredInterest.Register(1, Gift(60m), 50m, Today, "x").Value);
    }

    [Fact]
    public void ARemovedInterestLeavesThePublishedRegisterAndCannotBeChanged()
    {
        var interest = RegisteredInterest.Register(1, Gift(80m), 50m, Today, "x");
        interest.Publish(Today, "MO");
        interest.Remove(Today.AddDays(5), "MO");

        Assert.False(interest.IsPublished);
        Assert.Equal("Interest.Removed", Assert.Throws<DomainRuleException>(() => interest.Publish(Today, "MO")).Code);
    }
}
