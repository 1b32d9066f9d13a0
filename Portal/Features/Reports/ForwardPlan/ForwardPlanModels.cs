using Portal.Components.Shared;

namespace Portal.Features.Reports.ForwardPlan;

public sealed record ForwardPlanRow(
    int Id, int Version, string Title, string BodyName, int BodyId, DateOnly DecisionDue, DateOnly NoticeGivenOn, int ClearDays, bool ShortNotice,
    string? Summary, int? PrivateParagraph, string? LeadOfficer, IReadOnlyList<(int Id, string Reference)> Reports);

public sealed record ForwardPlanView(IReadOnlyList<ForwardPlanRow> Entries, bool CanWrite, IReadOnlyList<NamedItem> Bodies, IReadOnlyList<NamedItem> People, int RequiredClearDays);

public sealed record ForwardPlanEdit(string? Title, int? BodyId, DateOnly? DecisionDue, string? Summary, int? PrivateParagraph, int? LeadOfficerId);

/// <summary>Told to the Forward Plan's open pages when notice of a key decision is given.</summary>
public sealed record ForwardPlanChanged(int EntryId);
