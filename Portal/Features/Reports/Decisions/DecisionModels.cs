using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings.Calendar; // the register is filtered by the bodies that took the decisions

namespace Portal.Features.Reports.Decisions;

public sealed record DecisionQuery(string? Body = null, int? Year = null);

/// <summary>
/// One row of the decision register. <see cref="Wording"/> is null, and <see cref="Dispensations"/> empty, for a decision on an
/// exempt report the reader may not see; <see cref="Links"/> are the plan actions and thread items the reader may read,
/// <see cref="HiddenLinks"/> how many more there are.
/// </summary>
public sealed record DecisionRow(
    int Id, DateOnly DecidedOn, string BodyName, int ReportId, string ReportReference, string ReportTitle, int RecommendationNumber,
    DecisionOutcome Outcome, string? Wording, bool IsExempt, int? ExemptParagraph, IReadOnlyList<DecisionLinkView> Links, int HiddenLinks,
    IReadOnlyList<DispensationView> Dispensations, DecisionVote? Vote = null,
    OfficerDecisions.CallInState CallIn = OfficerDecisions.CallInState.NotSubject, DateOnly? CallInEndsOn = null, DateOnly? ImplementedOn = null);

public sealed record DecisionRegister(IReadOnlyList<DecisionRow> Rows, IReadOnlyList<BodyChoice> Bodies, IReadOnlyList<int> Years);

/// <summary>A decision linked to a plan action or golden-thread item, for that item's page.</summary>
public sealed record LinkedDecision(int ReportId, string ReportTitle, int RecommendationNumber, DateOnly DecidedOn, DecisionOutcome Outcome, string BodyName);

/// <param name="Links">The plan actions and thread items it is linked to that the reader may read.</param>
/// <param name="HiddenLinks">How many more it is linked to that the reader may not read: a number, never the titles.</param>
public sealed record DecisionView(
    int Id, int Version, DecisionOutcome Outcome, DateOnly DecidedOn, string? Wording, string? Reasons, string? Alternatives, string? Interests,
    IReadOnlyList<DecisionLinkView> Links, int HiddenLinks, IReadOnlyList<DispensationView> Dispensations, DecisionVote? Vote = null,
    OfficerDecisions.CallInView? CallIn = null);

/// <summary>A dispensation noted on a decision: "Cllr X, granted by Y on date, for Z". Withheld with the rest of a decision on an exempt report.</summary>
public sealed record DispensationView(int Id, string GrantedTo, string GrantedBy, DateOnly GrantedOn, string Scope)
{
    public static DispensationView Of(Dispensation dispensation)
    {
        ArgumentNullException.ThrowIfNull(dispensation);
        return new(dispensation.Id, dispensation.GrantedTo, dispensation.GrantedBy, dispensation.GrantedOn, dispensation.Scope);
    }
}

public sealed record DecisionLinkView(DecisionTarget Target, int TargetId, string Name, string Url);

/// <param name="VoteId">The vote at the meeting that decided it; null for none.</param>
public sealed record DecisionEdit(int Version, DateOnly? DecidedOn, DecisionOutcome? Outcome, string? Wording, string? Reasons, string? Alternatives, string? Interests, int? VoteId = null);

/// <summary>The vote that decided a decision, shown with it: the result and counts, the chair's casting vote, and each member's vote where it was recorded by name.</summary>
public sealed record DecisionVote(
    int Id, string Motion, Regime Regime, VoteResult Result, int For, int Against, int Abstain, string? ChairName, VoteChoice? CastingVote,
    bool IsRecorded, IReadOnlyList<DecisionBallot> Ballots);

public sealed record DecisionBallot(string Name, VoteChoice Choice);

public sealed record DispensationEdit(string? GrantedTo, string? GrantedBy, DateOnly? GrantedOn, string? Scope);
