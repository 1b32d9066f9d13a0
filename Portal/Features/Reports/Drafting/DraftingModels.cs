using Portal.Components.Shared;

namespace Portal.Features.Reports.Drafting;

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
