using Portal.Components.Shared;
using Portal.Domain.Reports;

namespace Portal.Features.Reports;

/// <summary>Told to open pages when a report, its reading notes or questions, or its decisions change.</summary>
public sealed record ReportChanged(int ReportId, int? MeetingId);

public sealed record ReportQuery(ReportStatus? Status = null, bool Mine = false);

public sealed record ReportRow(
    int Id, string Reference, string Title, ReportStatus Status, string AuthorName, DateOnly? MeetingDate, int? MeetingId, string? BodyName,
    bool IsExempt, int? ExemptParagraph, bool IsLate, bool IsMine);

/// <param name="CanRelease">The reader is the proper officer, who reviews exempt reports whose review date has come.</param>
public sealed record ReportList(IReadOnlyList<ReportRow> Rows, int Total, bool CanWrite, bool CanRelease = false);

public sealed record MeetingRef(int Id, DateOnly Date, string BodyName, string BodySlug);

public sealed record SectionView(SectionKind Kind, string? Text);

/// <param name="Links">The plan actions and thread items it is linked to that the reader may read.</param>
/// <param name="HiddenLinks">How many more it is linked to that the reader may not read: a number, never the titles.</param>
public sealed record DecisionView(
    int Id, int Version, DecisionOutcome Outcome, DateOnly DecidedOn, string? Wording, string? Reasons, string? Alternatives, string? Interests,
    IReadOnlyList<DecisionLinkView> Links, int HiddenLinks, IReadOnlyList<DispensationView> Dispensations);

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

public sealed record RecommendationView(int Id, int Number, string? Text, string? Reason, DecisionView? Decision);

public sealed record AnnexView(int Id, string Letter, string Title, string FileName, long Size, bool IsExempt, int? ExemptParagraph, bool Withheld);

public sealed record QuestionView(int Id, int Version, string AskedBy, bool AskedByMe, DateTime AskedAt, string Text, string? Answer, string? AnsweredBy, DateTime? AnsweredAt);

public sealed record ReadingView(bool Read, DateTime? ReadAt, string? Note, int Version);

public sealed record ForwardPlanRef(int Id, string Title, DateOnly DecisionDue);

/// <summary>A report as one reader may see it: when <see cref="Withheld"/> the content, recommendations' words and annexes are absent, not hidden.</summary>
public sealed record ReportView(
    int Id,
    int Version,
    string Reference,
    string Title,
    ReportStatus Status,
    int AuthorId,
    string AuthorName,
    int? ChiefOfficerId,
    string? ChiefOfficerName,
    MeetingRef? Meeting,
    int? AgendaItemId,
    DateOnly? SubmittedOn,
    DateOnly? ApprovedOn,
    DateOnly? PublishedOn,
    bool IsLate,
    string? LateReason,
    DateOnly? AgendaDeadline,
    bool AllWards,
    string? Wards,
    bool IsKeyDecision,
    ForwardPlanRef? ForwardPlan,
    bool IsExempt,
    int? ExemptParagraph,
    string? PublicInterestReason,
    DateOnly? ReleaseOn,
    bool Withheld,
    string? ContactDetails,
    string? BackgroundPapers,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<RecommendationView> Recommendations,
    IReadOnlyList<AnnexView> Annexes,
    IReadOnlyList<TemplateProblem> Problems,
    ReportRights Rights,
    ReadingView? Reading,
    IReadOnlyList<QuestionView> Questions)
{
    /// <summary>The day the proper officer released the exempt content; the paragraph it was exempt under stays on the record.</summary>
    public DateOnly? ReleasedOn { get; init; }

    /// <summary>The day the exemption was last reviewed, for those who may read the content.</summary>
    public DateOnly? ReviewedOn { get; init; }

    /// <summary>Why it was released or kept exempt at the last review, for those who may read the content.</summary>
    public string? ReviewReason { get; init; }
}

/// <summary>What the draft form edits besides the sections.</summary>
public sealed record ReportEdit(
    int Version, string? Reference, string? Title, int? ChiefOfficerId, int? MeetingId, int? AgendaItemId, string? ContactDetails,
    bool AllWards, string? Wards, bool IsKeyDecision, int? ForwardPlanEntryId, string? BackgroundPapers,
    bool IsExempt, int? ExemptParagraph, string? PublicInterestReason, DateOnly? ReleaseOn);

public sealed record NewReport(string? Reference, string? Title, int? MeetingId);

/// <summary>The choices a draft's form offers: chief officers, coming meetings and their items, Forward Plan entries.</summary>
public sealed record ReportChoices(
    IReadOnlyList<NamedItem> People, IReadOnlyList<MeetingChoice> Meetings, IReadOnlyList<NamedItem> ForwardPlan);

public sealed record MeetingChoice(int Id, string Name, IReadOnlyList<NamedItem> Items);

public sealed record AnnexFile(string FileName, string ContentType, byte[] Bytes);

public sealed record PackItem(int Number, string Title, bool IsPrivate, ReportView? Report);

/// <summary>A meeting's agenda pack: every item in order with its published report.</summary>
public sealed record AgendaPack(MeetingRef Meeting, string? Venue, TimeOnly Start, bool IsPublic, IReadOnlyList<PackItem> Items, bool SignedIn);

public sealed record DecisionEdit(int Version, DateOnly? DecidedOn, DecisionOutcome? Outcome, string? Wording, string? Reasons, string? Alternatives, string? Interests);

public sealed record DispensationEdit(string? GrantedTo, string? GrantedBy, DateOnly? GrantedOn, string? Scope);

/// <summary>An exempt report whose review date has come, on the proper officer's list.</summary>
public sealed record ReleaseDue(int ReportId, string Reference, string Title, string? BodyName, DateOnly? MeetingDate, int? Paragraph, DateOnly ReviewDue);
