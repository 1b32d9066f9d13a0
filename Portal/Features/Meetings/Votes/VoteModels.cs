using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Votes;

/// <summary>One member's vote as the minutes show it.</summary>
public sealed record BallotView(int PersonId, string Name, VoteChoice Choice, bool Reservation);

/// <summary>A vote taken at a meeting, under one agenda item, as the reader may see it (votes under a private item only for those who may read it).</summary>
public sealed record VoteView(
    int Id, int Version, int ItemId, int ItemNumber, string ItemTitle, string Motion, bool IsRecorded, int For, int Against, int Abstain,
    VoteResult Result, int? ChairId, string? ChairName, VoteChoice? CastingVote, IReadOnlyList<BallotView> Ballots);

/// <summary>A vote as typed: the counts on a show of hands, or each present member's choice by name.</summary>
public sealed record VoteEdit(
    int Version, int ItemId, string? Motion, bool ByName, int? For, int? Against, int? Abstain, IReadOnlyList<BallotCast>? Ballots, int? ChairId, VoteChoice? CastingVote);
