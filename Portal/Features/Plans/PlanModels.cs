using Portal.Components.Shared;
using Portal.Domain.Plans;
using Portal.Infrastructure.Concurrency;

namespace Portal.Features.Plans;

/// <summary>Published after any change to a plan or one of its items, so every open view of that plan reloads.</summary>
public sealed record PlanChanged(int PlanId, PlanItemKind Kind, int ItemId);

public enum PlanItemKind
{
    Plan = 0,
    Action = 1,
    Indicator = 2,
    Risk = 3,
    Settings = 4,
}

public sealed record PlanSummary(int Id, string Title, string Directorate, string Years, string OpenYear, int Actions, int Indicators, int Risks);

public sealed record PlanYear(int Year, string Label, bool IsOpen);

/// <summary>A plan as read for one year: its priorities with their actions, indicators and risks.</summary>
public sealed record PlanView(
    int Id, string Title, string? Summary, NamedItem Directorate, int Version,
    IReadOnlyList<PlanYear> Years, PlanYear Year, bool CanEdit, bool CanRollForward,
    IReadOnlyList<PriorityView> Priorities, IReadOnlyList<RiskRow> Risks, int RiskAppetite);

/// <summary>A new plan as an editor submits it; the years are the calendar years each plan year starts in.</summary>
public sealed record NewPlan(int DirectorateId, string Title, string? Summary, int? FirstYear, int? LastYear);

/// <summary>A new indicator as an editor submits it; numbers stay text so a bad one is reported beside its field.</summary>
public sealed record NewIndicator(
    int PriorityId, string Code, string Title, string? Definition, MeasureUnit Unit, Polarity Polarity, Frequency Frequency,
    string? Baseline, string? Tolerance, int OwnerId);

public sealed record PriorityView(int Id, int Number, string Title, string? Description, int Version, IReadOnlyList<ActionRow> Actions, IReadOnlyList<IndicatorRow> Indicators);

public sealed record ActionRow(int Id, string Title, string Owner, int OwnerId, string LeadUnit, DateOnly DueDate, ActionStatus Status, int PercentComplete, Rag Rag, bool Overdue);

public sealed record IndicatorRow(
    int Id, string Code, string Title, MeasureUnit Unit, Polarity Polarity, string Owner,
    string? PeriodLabel, decimal? Target, decimal? Actual, DataState State, Rag Rag, Trend SincePrevious, Trend SinceLastYear);

public sealed record RiskRow(
    int Id, string Title, string Owner, int? PriorityNumber, RiskScore Inherent, RiskScore Residual, RiskScore Target,
    DateOnly ReviewDate, bool IsClosed, bool ExceedsAppetite);

public sealed record ActionDetails(
    int Id, int Version, PlanHeader Plan, int Year, bool YearIsOpen, NamedItem Priority,
    string Title, string? Description, NamedItem Owner, NamedItem LeadUnit, DateOnly StartDate, DateOnly DueDate,
    ActionStatus Status, int PercentComplete, Rag Rag, bool Overdue, int? CarriedFromId,
    IReadOnlyList<MilestoneRow> Milestones, IReadOnlyList<UpdateRow> Updates, IReadOnlyList<ChangeMade> History,
    bool CanEditDetails, bool CanUpdateProgress, EditChoices Choices);

public sealed record PlanHeader(int Id, string Title, string YearLabel);

public sealed record MilestoneRow(int Id, string Title, DateOnly DueDate, bool IsDone, DateOnly? DoneOn, bool Missed);

public sealed record UpdateRow(int Id, DateOnly Date, ActionStatus Status, int PercentComplete, string? Commentary, string Author);

/// <summary>The lists an editor picks from: people and units of the council, the plan's priorities.</summary>
public sealed record EditChoices(IReadOnlyList<NamedItem> People, IReadOnlyList<NamedItem> Units, IReadOnlyList<NamedItem> Priorities);

/// <summary>An editor's submission of an action's details, with the version they started from (0 for a new action).</summary>
public sealed record ActionDetailsEdit(
    int PriorityId, string Title, string? Description, int OwnerId, int LeadUnitId, DateOnly? StartDate, DateOnly? DueDate, int Version);

/// <summary>An owner's progress report: status, percent and commentary, against the version they started from.</summary>
public sealed record ProgressEdit(ActionStatus Status, int? PercentComplete, string? Commentary, int Version);

public sealed record IndicatorDetails(
    int Id, PlanHeader Plan, NamedItem Priority, string Code, string Title, string? Definition, MeasureUnit Unit,
    Polarity Polarity, Frequency Frequency, decimal? Baseline, decimal Tolerance, NamedItem Owner, int OpenYear,
    IReadOnlyList<PeriodRow> Periods, IReadOnlyList<ChangeMade> History, bool CanEnter, bool CanApprove);

public sealed record PeriodRow(
    int Year, int Number, string Label, DateOnly End, decimal? Target, decimal? Actual, string? Commentary,
    DataState State, string? EnteredBy, string? ApprovedBy, Rag Rag, Trend SincePrevious, Trend SinceLastYear,
    bool IsOpen, bool IsEnteredByCaller, int Version);

/// <summary>A figure for one period as typed, in the reader's language; parsed by the service so a bad number is reported beside its field.</summary>
public sealed record PeriodEdit(int Year, int Number, string? Target, string? Actual, string? Commentary, int Version);

public sealed record RiskDetails(
    int Id, int Version, PlanHeader Plan, int Year, bool YearIsOpen, string Title, string? Cause, string? Consequence, string? Controls,
    NamedItem Owner, NamedItem? Priority, RiskScore Inherent, RiskScore Residual, RiskScore Target, DateOnly ReviewDate,
    bool IsClosed, bool ExceedsAppetite, int RiskAppetite, IReadOnlyList<ChangeMade> History, bool CanEdit, EditChoices Choices);

public sealed record RiskEdit(
    string Title, string? Cause, string? Consequence, string? Controls, int OwnerId, int? PriorityId,
    int InherentLikelihood, int InherentImpact, int ResidualLikelihood, int ResidualImpact, int TargetLikelihood, int TargetImpact,
    DateOnly? ReviewDate, bool IsClosed, int Version);

public sealed record DashboardFilter(int? PriorityId = null, int? OwnerId = null, int? UnitId = null);

public sealed record Dashboard(
    int PlanId, string Title, string YearLabel, DateOnly Today, int RiskAppetite,
    IReadOnlyList<PriorityRagCount> Priorities, IReadOnlyList<ActionRow> OverdueActions,
    IReadOnlyList<IndicatorRow> IndicatorsOffTarget, IReadOnlyList<RiskRow> RisksAboveAppetite,
    IReadOnlyList<DueItem> DueSoon, EditChoices Filters);

public sealed record PriorityRagCount(int Id, int Number, string Title, RagCounts Actions, RagCounts Indicators);

public sealed record RagCounts(int Red, int Amber, int Green, int Completed, int NotRated)
{
    public static RagCounts Of(IEnumerable<Rag> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        int red = 0, amber = 0, green = 0, completed = 0, none = 0;
        foreach (var rag in ratings)
        {
            switch (rag)
            {
                case Rag.Red: red++; break;
                case Rag.Amber: amber++; break;
                case Rag.Green: green++; break;
                case Rag.Completed: completed++; break;
                default: none++; break;
            }
        }

        return new(red, amber, green, completed, none);
    }
}

public enum DueKind
{
    ActionDue = 1,
    MilestoneDue = 2,
    RiskReview = 3,
    FiguresDue = 4,
}

/// <summary>Something due on a date: what it is, on which item, and where to go to update it.</summary>
public sealed record DueItem(DateOnly Date, DueKind Kind, string Title, string Detail, string Href, bool Overdue);
