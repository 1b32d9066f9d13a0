using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

public enum VoteChoice
{
    For = 0,
    Against = 1,
    Abstain = 2,
}

public enum VoteResult
{
    Carried = 0,
    Lost = 1,
}

/// <summary>One member's vote in a recorded vote; <paramref name="Reservation"/> is a Swedish reservation against the decision.</summary>
public sealed record BallotCast(int PersonId, VoteChoice Choice, bool Reservation = false);

/// <summary>
/// How a question was decided: counted on a show of hands (<see cref="ByShowOfHands"/>), or
/// recorded by name (<see cref="ByName"/>, a "recorded vote" in England, an "omröstning" with
/// each member's ja or nej in a Swedish protokoll).
/// </summary>
public sealed record VoteTally(int? For, int? Against, int? Abstain, IReadOnlyList<BallotCast>? Ballots)
{
    public static VoteTally ByShowOfHands(int? votesFor, int? against, int? abstain) => new(votesFor, against, abstain, null);

    public static VoteTally ByName(IReadOnlyList<BallotCast> ballots) => new(null, null, null, ballots);
}

/// <summary>
/// A vote on a question put at a meeting (a recommendation, a motion or an amendment) under one
/// agenda item, with its result. It must add up: no more votes than members recorded present,
/// and, by name, only members recorded present, each once. A tie is decided by the chair's
/// casting vote (Local Government Act 1972 Sch. 12 para 39(2); in Sweden the ordförande's
/// utslagsröst, Kommunallag (2017:725) 5 kap. 59 §), which must be given then and only then.
/// A reservation (Swedish, 4 kap. 27 § KL) is entered only by a member who voted on the losing side.
/// </summary>
public sealed class Vote : Entity
{
    public const int MotionMaxLength = 2_000;

    private readonly List<Ballot> _ballots = [];

    private Vote()
    {
        Motion = string.Empty;
    }

    public int MeetingId { get; private set; }

    public int AgendaItemId { get; private set; }

    /// <summary>The question put, in words ("That recommendation 1 be approved", "Amendment moved by Cllr Potter").</summary>
    public string Motion { get; private set; }

    /// <summary>Recorded by name; otherwise counted on a show of hands.</summary>
    public bool IsRecorded { get; private set; }

    public int ForCount { get; private set; }

    public int AgainstCount { get; private set; }

    public int AbstainCount { get; private set; }

    /// <summary>Who was in the chair: on a tie, their casting vote decides.</summary>
    public int? ChairId { get; private set; }

    public VoteChoice? CastingVote { get; private set; }

    public VoteResult Result { get; private set; }

    public IReadOnlyList<Ballot> Ballots => _ballots;

    public bool IsTied => ForCount == AgainstCount;

    public static Vote Take(Meeting meeting, int agendaItemId, string? motion, VoteTally tally, int? chairId, VoteChoice? castingVote)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        meeting.Item(agendaItemId);
        var vote = new Vote { MeetingId = meeting.Id, AgendaItemId = agendaItemId };
        vote.Revise(meeting, motion, tally, chairId, castingVote);
        return vote;
    }

    /// <summary>Corrects the vote as recorded; the same rules apply.</summary>
    public void Revise(Meeting meeting, string? motion, VoteTally tally, int? chairId, VoteChoice? castingVote)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(tally);
        if (meeting.IsCancelled)
        {
            throw new DomainRuleException("Meeting.Cancelled", "The meeting is cancelled. Reinstate it first.", nameof(Meeting.Status));
        }

        meeting.EnsureRecordOpen();
        var text = Guard.RequiredText(motion, MotionMaxLength, "Vote.Motion", nameof(Motion), "question put to the vote");
        var present = meeting.Attendance.Where(a => a.Kind == AttendanceKind.Present).Select(a => a.PersonId).ToHashSet();
        if (present.Count == 0)
        {
            throw new DomainRuleException("Vote.NoOnePresent", "Record who was present before recording a vote.", "Tally");
        }

        var (votesFor, against, abstain) = tally.Ballots is { } ballots ? CountByName(ballots, present) : Count(tally);
        var total = votesFor + against + abstain;
        if (total == 0)
        {
            throw new DomainRuleException("Vote.NoVotes", "Enter the votes cast.", "Tally");
        }

        if (total > present.Count)
        {
            throw new DomainRuleException(
                "Vote.MoreThanPresent", $"{total} votes were entered but only {present.Count} members were present.", "Tally", total, present.Count);
        }

        var result = Decide(votesFor, against, chairId, castingVote, present);
        if (tally.Ballots is { } cast)
        {
            var wrongSide = result == VoteResult.Carried ? VoteChoice.Against : VoteChoice.For;
            if (cast.FirstOrDefault(b => b.Reservation && b.Choice != wrongSide) is { } reserved)
            {
                throw new DomainRuleException(
                    "Vote.ReservationOnlyLosingSide", "Only a member who voted against the decision can enter a reservation.", Ballot.FieldFor(reserved.PersonId));
            }
        }

        Motion = text;
        IsRecorded = tally.Ballots is not null;
        (ForCount, AgainstCount, AbstainCount, Result) = (votesFor, against, abstain, result);
        (ChairId, CastingVote) = (chairId, votesFor == against ? castingVote : null);
        _ballots.Clear();
        _ballots.AddRange((tally.Ballots ?? []).Select(b => new Ballot(b.PersonId, b.Choice, b.Reservation)));
    }

    private static VoteResult Decide(int votesFor, int against, int? chairId, VoteChoice? castingVote, HashSet<int> present)
    {
        if (votesFor != against)
        {
            if (castingVote is not null)
            {
                throw new DomainRuleException("Vote.CastingOnlyOnTie", "The chair has a casting vote only when the votes are tied.", nameof(CastingVote));
            }

            return votesFor > against ? VoteResult.Carried : VoteResult.Lost;
        }

        if (castingVote is not (VoteChoice.For or VoteChoice.Against))
        {
            throw new DomainRuleException("Vote.CastingNeeded", "The votes are tied: record the chair's casting vote, for or against.", nameof(CastingVote));
        }

        if (chairId is not int chair || !present.Contains(chair))
        {
            throw new DomainRuleException("Vote.ChairNotPresent", "Choose who was in the chair from those present: their casting vote decides a tie.", nameof(ChairId));
        }

        return castingVote == VoteChoice.For ? VoteResult.Carried : VoteResult.Lost;
    }

    private static (int For, int Against, int Abstain) Count(VoteTally tally)
    {
        foreach (var (value, field) in new[] { (tally.For, nameof(ForCount)), (tally.Against, nameof(AgainstCount)), (tally.Abstain, nameof(AbstainCount)) })
        {
            if (value is < 0)
            {
                throw new DomainRuleException("Vote.CountNegative", "A number of votes cannot be below zero.", field);
            }
        }

        return (tally.For ?? 0, tally.Against ?? 0, tally.Abstain ?? 0);
    }

    private static (int For, int Against, int Abstain) CountByName(IReadOnlyList<BallotCast> ballots, HashSet<int> present)
    {
        var seen = new HashSet<int>();
        foreach (var ballot in ballots)
        {
            if (!present.Contains(ballot.PersonId))
            {
                throw new DomainRuleException("Vote.VoterNotPresent", "Only a member recorded present can vote.", Ballot.FieldFor(ballot.PersonId));
            }

            if (!seen.Add(ballot.PersonId))
            {
                throw new DomainRuleException("Vote.VotedTwice", "A member votes once.", Ballot.FieldFor(ballot.PersonId));
            }

            if (!Enum.IsDefined(ballot.Choice))
            {
                throw new DomainRuleException("Vote.ChoiceRequired", "Choose for, against or abstain.", Ballot.FieldFor(ballot.PersonId));
            }
        }

        return (ballots.Count(b => b.Choice == VoteChoice.For), ballots.Count(b => b.Choice == VoteChoice.Against), ballots.Count(b => b.Choice == VoteChoice.Abstain));
    }
}

/// <summary>One member's vote in a recorded vote.</summary>
public sealed class Ballot
{
    private Ballot()
    {
    }

    internal Ballot(int personId, VoteChoice choice, bool reservation) => (PersonId, Choice, Reservation) = (personId, choice, reservation);

    public int Id { get; private set; }

    public int VoteId { get; private set; }

    public int PersonId { get; private set; }

    public VoteChoice Choice { get; private set; }

    /// <summary>The member entered a reservation against the decision (Swedish protokoll).</summary>
    public bool Reservation { get; private set; }

    /// <summary>The field a rule about one member's vote belongs to, so the form puts it beside that member.</summary>
    public static string FieldFor(int personId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Ballot:{personId}");
}
