using Portal.Components.Shared;
using Portal.Domain.Plans;

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

public sealed record ActionRow(int Id, string Title, string Owner, int OwnerId, string LeadUnit, DateOnly DueDate, ActionStatus Status, int PercentComplete, Rag Rag, bool Overdue);

public sealed record IndicatorRow(
    int Id, string Code, string Title, MeasureUnit Unit, Polarity Polarity, string Owner,
    string? PeriodLabel, decimal? Target, decimal? Actual, DataState State, Rag Rag, Trend SincePrevious, Trend SinceLastYear);

public sealed record RiskRow(
    int Id, string Title, string Owner, int? PriorityNumber, RiskScore Inherent, RiskScore Residual, RiskScore Target,
    DateOnly ReviewDate, bool IsClosed, bool ExceedsAppetite);

public sealed record PlanHeader(int Id, string Title, string YearLabel);

/// <summary>The lists an editor picks from: people and units of the council, the plan's priorities.</summary>
public sealed record EditChoices(IReadOnlyList<NamedItem> People, IReadOnlyList<NamedItem> Units, IReadOnlyList<NamedItem> Priorities);
