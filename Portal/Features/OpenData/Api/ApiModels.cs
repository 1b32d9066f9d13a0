namespace Portal.Features.OpenData.Api;

/// <summary>One page of a list: its items, which page, how many in all, and the next page's address while there is one.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string? Next);

/// <summary>A key decision on the Forward Plan, as the public Forward Plan shows it.</summary>
/// <param name="PrivateParagraph">The paragraph of Schedule 12A under which the decision is expected to be taken in private, if any.</param>
/// <param name="Reports">The published reports on it (their pages).</param>
public sealed record ForwardPlanItem(
    int Id, string Title, string Body, DateOnly DecisionDue, DateOnly NoticeGivenOn, int ClearDays, bool ShortNotice,
    string? Summary, int? PrivateParagraph, string? LeadOfficer, IReadOnlyList<string> Reports);

/// <summary>
/// A decision on one recommendation of a report, as the decision register shows it. On an exempt
/// report the wording and reasons are absent (null) and the paragraph says why.
/// </summary>
/// <param name="Links">The published items it is linked to; <paramref name="HiddenLinks"/> counts those the public may not read.</param>
public sealed record DecisionItem(
    int Id, DateOnly DecidedOn, string Body, int ReportId, string ReportReference, string ReportTitle, int RecommendationNumber,
    string Outcome, string? Wording, string? Reasons, bool IsExempt, int? ExemptParagraph,
    IReadOnlyList<DecisionLinkItem> Links, int HiddenLinks, string Report, string Paper);

/// <summary>What a decision changed: a plan action or golden-thread item, with its page.</summary>
public sealed record DecisionLinkItem(string Target, string Name, string Url);

/// <summary>
/// A Swedish protokoll's dates (Kommunallagen 8 kap. 12-13 §§, Lag (1930:173)): the meeting, who
/// checks it (justerare) and when they signed it, when it must be signed by, when it was put up on
/// the notice board (anslag) and by when, and the three weeks in which it may be appealed.
/// </summary>
public sealed record ProtokollItem(
    int MeetingId, DateOnly MeetingDate, string Body, string Status, string? Justerare, DateOnly? SignedOn, DateOnly SignBy,
    DateOnly? PostedOn, DateOnly? PostBy, DateOnly? AppealFrom, DateOnly? AppealEnds, string Web, string Meeting);

/// <summary>
/// An officer or individual executive member decision (SI 2012/2089 reg. 13), as its public page shows
/// it. An exempt one is its title, maker, date and paragraph only: every text is absent (null).
/// </summary>
/// <param name="MakerKind">Officer or ExecutiveMember.</param>
/// <param name="CallIn">Where it stands on call-in: NotSubject, Open, Urgent, CalledIn, Referred or Closed.</param>
public sealed record OfficerDecisionItem(
    int Id, DateOnly DecidedOn, DateOnly PublishedOn, string MakerKind, string MakerName, string Title, bool IsExempt, int? ExemptParagraph,
    string? ExemptReason, string? Decision, string? Reasons, string? Alternatives, string? Delegation, string? Interests, string? Dispensations,
    string? BackgroundPapers, bool IsKeyDecision, string CallIn, DateOnly? CallInEndsOn, DateOnly? ImplementedOn, string Web);
