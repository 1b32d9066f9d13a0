using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Members;

namespace Portal.Tests.Domain.Members;

public sealed class QuorumTests
{
    [Theory]
    [InlineData(5, 3)]
    [InlineData(12, 3)]
    [InlineData(13, 4)]
    [InlineData(47, 12)]
    [InlineData(2, 2)]
    public void EnglandDefaultsToAQuarterOfTheSeatsAndNeverFewerThanThree(int seats, int quorum) =>
        Assert.Equal(quorum, Quorum.For(Regime.England, seats, null));

    [Theory]
    [InlineData(5, 3)]
    [InlineData(4, 3)]
    [InlineData(51, 26)]
    public void SwedenNeedsMoreThanHalfTheMembers(int seats, int quorum) =>
        Assert.Equal(quorum, Quorum.For(Regime.Sweden, seats, null));

    [Fact]
    public void AQuorumTheConstitutionSetsWinsAndAnInternalGroupHasNoneOtherwise()
    {
        Assert.Equal(4, Quorum.For(Regime.England, 12, 4));
        Assert.Equal(0, Quorum.For(Regime.Internal, 8, null));
        Assert.Null(Quorum.Check(0, [AttendanceKind.Present]));
    }

    [Fact]
    public void CountsMembersPresentAndSubstitutesButNotApologiesOrAbsence()
    {
        var check = Quorum.Check(3, [AttendanceKind.Present, AttendanceKind.Apologies, AttendanceKind.Substitute, AttendanceKind.Absent])!;

        Assert.Equal(2, check.Present);
        Assert.False(check.IsQuorate);
        Assert.Equal(1, check.Short);
        Assert.True(Quorum.Check(2, [AttendanceKind.Present, AttendanceKind.Substitute])!.IsQuorate);
    }

    [Fact]
    public void ABodysMakeUpRefusesAQuorumAboveItsSeats()
    {
        var refused = Assert.Throws<DomainRuleException>(() => BodyMakeUp.For(1, 5, 6));

        Assert.Equal("MakeUp.Quorum", refused.Code);
        Assert.Equal("MakeUp.Seats", Assert.Throws<DomainRuleException>(() => BodyMakeUp.For(1, 0, null)).Code);
    }
}
