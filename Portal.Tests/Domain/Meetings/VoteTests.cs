using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Tests.Domain.Plans;

namespace Portal.Tests.Domain.Meetings;

public sealed class VoteTests
{
    private const int Item = 11;
    private const int Chair = 1;

    /// <summary>A meeting with one item where members 1 to <paramref name="present"/> were present and member 9 sent apologies.</summary>
    private static Meeting MeetingWith(int present)
    {
        var meeting = Meeting.Schedule(7, new DateOnly(2026, 12, 1), new TimeOnly(9, 30), new TimeOnly(11, 0), "Room 1").WithId(1);
        meeting.AddItem("Budget", null, 20, false).WithId(Item);
        for (var person = 1; person <= present; person++)
        {
            meeting.RecordAttendance(person, AttendanceKind.Present);
        }

        meeting.RecordAttendance(9, AttendanceKind.Apologies);
        return meeting;
    }

    private static DomainRuleException Refusal(Action act) => Assert.Throws<DomainRuleException>(act);

    [Fact]
    public void AShowOfHandsWithMoreForThanAgainstIsCarried()
    {
        var vote = Vote.Take(MeetingWith(5), Item, "That the recommendation be approved", VoteTally.ByShowOfHands(3, 1, 1), Chair, null);

        Assert.Equal(VoteResult.Carried, vote.Result);
        Assert.Equal((3, 1, 1), (vote.ForCount, vote.AgainstCount, vote.AbstainCount));
        Assert.False(vote.IsRecorded);
    }

    [Fact]
    public void RefusesMoreVotesThanMembersPresentSayingHowMany()
    {
        var error = Refusal(() => Vote.Take(MeetingWith(4), Item, "Motion", VoteTally.ByShowOfHands(3, 2, null), Chair, null));

        Assert.Equal("Vote.MoreThanPresent", error.Code);
        Assert.Equal("Tally", error.Field);
        Assert.Equal([5, 4], error.Arguments);
    }

    [Fact]
    public void RefusesAVoteBeforeAnyoneIsRecordedPresent()
    {
        Assert.Equal("Vote.NoOnePresent", Refusal(() => Vote.Take(MeetingWith(0), Item, "Motion", VoteTally.ByShowOfHands(1, 0, 0), Chair, null)).Code);
    }

    [Fact]
    public void RefusesANamedVoterWhoWasNotPresentBesideTheirName()
    {
        var ballots = new[] { new BallotCast(1, VoteChoice.For), new BallotCast(9, VoteChoice.Against) };

        var error = Refusal(() => Vote.Take(MeetingWith(3), Item, "Motion", VoteTally.ByName(ballots), Chair, null));

        Assert.Equal("Vote.VoterNotPresent", error.Code);
        Assert.Equal(Ballot.FieldFor(9), error.Field);
    }

    [Fact]
    public void RefusesAMemberVotingTwice()
    {
        var ballots = new[] { new BallotCast(1, VoteChoice.For), new BallotCast(1, VoteChoice.Against) };

        Assert.Equal("Vote.VotedTwice", Refusal(() => Vote.Take(MeetingWith(3), Item, "Motion", VoteTally.ByName(ballots), Chair, null)).Code);
    }

    [Fact]
    public void ARecordedVoteCountsEachNameAndKeepsThem()
    {
        var ballots = new[] { new BallotCast(1, VoteChoice.For), new BallotCast(2, VoteChoice.For), new BallotCast(3, VoteChoice.Against, Reservation: true), new BallotCast(4, VoteChoice.Abstain) };

        var vote = Vote.Take(MeetingWith(4), Item, "Motion", VoteTally.ByName(ballots), Chair, null);

        Assert.True(vote.IsRecorded);
        Assert.Equal((2, 1, 1), (vote.ForCount, vote.AgainstCount, vote.AbstainCount));
        Assert.Equal(VoteResult.Carried, vote.Result);
        Assert.True(vote.Ballots.Single(b => b.PersonId == 3).Reservation);
    }

    [Fact]
    public void OnATieTheChairsCastingVoteDecides()
    {
        var carried = Vote.Take(MeetingWith(4), Item, "Motion", VoteTally.ByShowOfHands(2, 2, 0), Chair, VoteChoice.For);
        var lost = Vote.Take(MeetingWith(4), Item, "Motion", VoteTally.ByShowOfHands(2, 2, 0), Chair, VoteChoice.Against);

        Assert.Equal(VoteResult.Carried, carried.Result);
        Assert.Equal(VoteChoice.For, carried.CastingVote);
        Assert.Equal(VoteResult.Lost, lost.Result);
    }

    [Fact]
    public void ATieWithoutACastingVoteIsRefused()
    {
        var error = Refusal(() => Vote.Take(MeetingWith(4), Item, "Motion", VoteTally.ByShowOfHands(2, 2, 0), Chair, null));

        Assert.Equal("Vote.CastingNeeded", error.Code);
        Assert.Equal(nameof(Vote.CastingVote), error.Field);
        Assert.Equal("Vote.CastingNeeded", Refusal(() => Vote.Take(MeetingWith(4), Item, "Motion", VoteTally.ByShowOfHands(2, 2, 0), Chair, VoteChoice.Abstain)).Code);
    }

    [Fact]
    public void ACastingVoteNeedsAChairWhoWasPresent()
    {
        Assert.Equal("Vote.ChairNotPresent", Refusal(() => Vote.Take(MeetingWith(4), Item, "Motion", VoteTally.ByShowOfHands(1, 1, 0), 9, VoteChoice.For)).Code);
        Assert.Equal("Vote.ChairNotPresent", Refusal(() => Vote.Take(MeetingWith(4), Item, "Motion", VoteTally.ByShowOfHands(1, 1, 0), null, VoteChoice.For)).Code);
    }

    [Fact]
    public void ACastingVoteWithoutATieIsRefused()
    {
        Assert.Equal("Vote.CastingOnlyOnTie", Refusal(() => Vote.Take(MeetingWith(4), Item, "Motion", VoteTally.ByShowOfHands(3, 1, 0), Chair, VoteChoice.For)).Code);
    }

    [Fact]
    public void OnlyTheLosingSideMayEnterAReservation()
    {
        var ballots = new[] { new BallotCast(1, VoteChoice.For, Reservation: true), new BallotCast(2, VoteChoice.For), new BallotCast(3, VoteChoice.Against) };

        var error = Refusal(() => Vote.Take(MeetingWith(3), Item, "Motion", VoteTally.ByName(ballots), Chair, null));

        Assert.Equal("Vote.ReservationOnlyLosingSide", error.Code);
        Assert.Equal(Ballot.FieldFor(1), error.Field);
    }

    [Fact]
    public void RefusesNegativeCountsNoVotesAndAFinalRecord()
    {
        Assert.Equal(nameof(Vote.AgainstCount), Refusal(() => Vote.Take(MeetingWith(3), Item, "Motion", VoteTally.ByShowOfHands(1, -1, 0), Chair, null)).Field);
        Assert.Equal("Vote.NoVotes", Refusal(() => Vote.Take(MeetingWith(3), Item, "Motion", VoteTally.ByShowOfHands(0, 0, 0), Chair, null)).Code);
        Assert.Equal("Vote.MotionRequired", Refusal(() => Vote.Take(MeetingWith(3), Item, " ", VoteTally.ByShowOfHands(1, 0, 0), Chair, null)).Code);
        Assert.Equal("Agenda.NoSuchItem", Refusal(() => Vote.Take(MeetingWith(3), 999, "Motion", VoteTally.ByShowOfHands(1, 0, 0), Chair, null)).Code);
    }
}
