using Portal.Components.Shared;

namespace Portal.Features.Reports.ForwardPlan;

public sealed record ForwardPlanRow(
    int Id, int Version, string Title, string BodyName, int BodyId, DateOnly DecisionDue, DateOnly NoticeGivenOn, int ClearDays, bool ShortNotice,
    string? Summary, int? PrivateParagraph, string? LeadOfficer, IReadOnlyList<(int Id, string Reference)> Reports)
{
    /// <summary>Reg. 9(1)(e) and (f): the documents to be submitted to the decision maker, and where copies are available.</summary>
    public string? Documents { get; init; }

    public string? DocumentsFrom { get; init; }

    /// <summary>Reg. 9(1)(c): the deciding body's members, by name (people, or posts not yet filled).</summary>
    public IReadOnlyList<string> BodyMembers { get; init; } = [];
}

public sealed record ForwardPlanView(IReadOnlyList<ForwardPlanRow> Entries, bool CanWrite, IReadOnlyList<NamedItem> Bodies, IReadOnlyList<NamedItem> People, int RequiredClearDays);

public sealed record ForwardPlanEdit(
    string? Title, int? BodyId, DateOnly? DecisionDue, string? Summary, int? PrivateParagraph, int? LeadOfficerId, string? Documents = null, string? DocumentsFrom = null);

/// <summary>Told to the Forward Plan's open pages when notice of a key decision is given.</summary>
public sealed record ForwardPlanChanged(int EntryId);
