using Portal.Domain.Members;

namespace Portal.Tests.Domain.Members;

public sealed class PoliticalBalanceTests
{
    [Fact]
    public void SharesSeatsByTheLargestRemainderOfEachGroupsShareOfTheCouncil()
    {
        // A council of 10, 7, 3 and 1: five seats give 2.38, 1.67, 0.71 and 0.24.
        var check = PoliticalBalance.Check(5, [new(1, 10, 2), new(2, 7, 2), new(3, 3, 1), new(4, 1, 0)]);

        Assert.Equal([2, 2, 1, 0], check.Lines.Select(l => l.Entitled));
        Assert.True(check.InBalance);
        Assert.Null(check.MajorityPartyId);
    }

    [Fact]
    public void WarnsWhenAGroupHoldsMoreOrFewerSeatsThanItsShare()
    {
        var check = PoliticalBalance.Check(5, [new(1, 10, 3), new(2, 7, 1), new(3, 3, 0), new(4, 1, 0)]);

        Assert.False(check.InBalance);
        Assert.Equal([(1, 1), (2, -1), (3, -1)], check.OutOfBalance.Select(l => (l.PartyId, l.Difference)));
    }

    [Fact]
    public void AGroupWithAMajorityOfTheCouncilHasAMajorityOnEveryBody()
    {
        // 26 of 47 is a majority; by proportion alone it would have 2 of 4 seats.
        var check = PoliticalBalance.Check(4, [new(1, 26, 3), new(2, 15, 1), new(3, 6, 0)]);

        Assert.Equal(1, check.MajorityPartyId);
        Assert.Equal(3, check.Lines.Single(l => l.PartyId == 1).Entitled);
        Assert.Equal(4, check.Lines.Sum(l => l.Entitled));
        Assert.True(check.InBalance);
    }

    [Fact]
    public void LeavesCouncillorsInNoGroupOutOfTheProportionsButShowsASeatTheyHold()
    {
        var check = PoliticalBalance.Check(3, [new(1, 6, 2), new(2, 3, 0), new(9, 0, 1)]);

        Assert.Equal([2, 1, 0], check.Lines.Select(l => l.Entitled));
        Assert.False(check.InBalance);
        Assert.Equal(1, check.Lines.Single(l => l.PartyId == 9).Difference);
    }

    [Fact]
    public void ABodyWithNoSeatsOrACouncilWithNoGroupsHasNoLines()
    {
        Assert.Empty(PoliticalBalance.Check(0, [new(1, 5, 0)]).Lines);
        Assert.Empty(PoliticalBalance.Check(5, [new(1, 0, 0)]).Lines);
    }
}
