using Portal.Components.Shared;
using Portal.Domain.Plans;
using Portal.Infrastructure.Concurrency;

namespace Portal.Features.Plans.Actions;

public sealed record ActionDetails(
    int Id, int Version, PlanHeader Plan, int Year, bool YearIsOpen, NamedItem Priority,
    string Title, string? Description, NamedItem Owner, NamedItem LeadUnit, DateOnly StartDate, DateOnly DueDate,
    ActionStatus Status, int PercentComplete, Rag Rag, bool Overdue, int? CarriedFromId,
    IReadOnlyList<MilestoneRow> Milestones, IReadOnlyList<UpdateRow> Updates, IReadOnlyList<ChangeMade> History,
    bool CanEditDetails, bool CanUpdateProgress, EditChoices Choices);

public sealed record MilestoneRow(int Id, string Title, DateOnly DueDate, bool IsDone, DateOnly? DoneOn, bool Missed);

public sealed record UpdateRow(int Id, DateOnly Date, ActionStatus Status, int PercentComplete, string? Commentary, string Author);

/// <summary>An editor's submission of an action's details, with the version they started from (0 for a new action).</summary>
public sealed record ActionDetailsEdit(
    int PriorityId, string Title, string? Description, int OwnerId, int LeadUnitId, DateOnly? StartDate, DateOnly? DueDate, int Version);

/// <summary>An owner's progress report: status, percent and commentary, against the version they started from.</summary>
public sealed record ProgressEdit(ActionStatus Status, int? PercentComplete, string? Commentary, int Version);
