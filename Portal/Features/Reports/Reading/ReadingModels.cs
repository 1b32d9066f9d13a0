using Portal.Domain.Reports;
using Portal.Features.Reports.Decisions;

namespace Portal.Features.Reports.Reading;

public sealed record ReportQuery(ReportStatus? Status = null, bool Mine = false);

public sealed record ReportRow(
    int Id, string Reference, string Title, ReportStatus Status, string AuthorName, DateOnly? MeetingDate, int? MeetingId, string? BodyName,
    bool IsExempt, int? ExemptParagraph, bool IsLate, bool IsMine);

/// <param name="CanRelease">The reader is the proper officer, who reviews exempt reports whose review date has come.</param>
public sealed record ReportList(IReadOnlyList<ReportRow> Rows, int Total, bool CanWrite, bool CanRelease = false);

public sealed record MeetingRef(int Id, DateOnly Date, string BodyName, string BodySlug);

public sealed record SectionView(SectionKind Kind, string? Text);

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

public sealed record PackItem(int Number, string Title, bool IsPrivate, ReportView? Report);

/// <summary>A meeting's agenda pack: every item in order with its published report.</summary>
public sealed record AgendaPack(MeetingRef Meeting, string? Venue, TimeOnly Start, bool IsPublic, IReadOnlyList<PackItem> Items, bool SignedIn);

/// <summary>Told only to the reader's own pages: their read mark or note changed.</summary>
public sealed record ReadingChanged(int ReportId, int PersonId);
