using Portal.Components.Shared;

namespace Portal.Features.Plans.Plans;

public sealed record PlanSummary(int Id, string Title, string Directorate, string Years, string OpenYear, int Actions, int Indicators, int Risks);

public sealed record PlanYear(int Year, string Label, bool IsOpen);

/// <summary>A plan as read for one year: its priorities with their actions, indicators and risks.</summary>
public sealed record PlanView(
    int Id, string Title, string? Summary, NamedItem Directorate, int Version,
    IReadOnlyList<PlanYear> Years, PlanYear Year, bool CanEdit, bool CanRollForward,
    IReadOnlyList<PriorityView> Priorities, IReadOnlyList<RiskRow> Risks, int RiskAppetite);

/// <summary>A new plan as an editor submits it; the years are the calendar years each plan year starts in.</summary>
public sealed record NewPlan(int DirectorateId, string Title, string? Summary, int? FirstYear, int? LastYear);

public sealed record PriorityView(int Id, int Number, string Title, string? Description, int Version, IReadOnlyList<ActionRow> Actions, IReadOnlyList<IndicatorRow> Indicators);
