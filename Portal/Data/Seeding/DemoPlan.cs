using Portal.Domain.Plans;

namespace Portal.Data.Seeding;

/// <summary>
/// A demo directorate plan described as data. Dates are given in days from the day the demo is
/// seeded, so the dashboard always has something overdue, something due soon and something on
/// track, whatever day someone tries it.
/// </summary>
/// <param name="YearsBefore">How many closed years precede the open one (the plan's span is this plus the open year plus <paramref name="YearsAfter"/>).</param>
public sealed record DemoPlan(
    string DirectorateKey,
    string Title,
    string Summary,
    PlanCalendar Calendar,
    int YearsBefore,
    int YearsAfter,
    string ApproverKey,
    IReadOnlyList<DemoPriority> Priorities,
    IReadOnlyList<DemoAction> Actions,
    IReadOnlyList<DemoIndicator> Indicators,
    IReadOnlyList<DemoRisk> Risks);

public sealed record DemoPriority(string Key, string Title, string Description);

/// <param name="YearOffset">0 for the open year, -1 for the year before, and so on. Actions in closed years run across that year.</param>
/// <param name="StartDays">Start, in days from today (open year only).</param>
/// <param name="DueDays">Due date, in days from today (open year only).</param>
public sealed record DemoAction(
    string PriorityKey, int YearOffset, string Title, string? Description, string OwnerKey, string UnitKey,
    int StartDays, int DueDays, ActionStatus Status, int Percent, string? Commentary, IReadOnlyList<DemoMilestone>? Milestones = null);

public sealed record DemoMilestone(string Title, int DueDays, bool Done);

/// <summary>An indicator with quarterly figures drawn in a line from <paramref name="FirstActual"/> to <paramref name="LatestActual"/> over the plan's years so far.</summary>
public sealed record DemoIndicator(
    string PriorityKey, string Code, string Title, string Definition, MeasureUnit Unit, Polarity Polarity,
    decimal Baseline, decimal Tolerance, string OwnerKey,
    decimal FirstTarget, decimal LastTarget, decimal FirstActual, decimal LatestActual, bool LatestApproved = true);

/// <param name="YearOffset">The year the risk was first recorded; open risks are carried forward each year.</param>
public sealed record DemoRisk(
    string? PriorityKey, string Title, string Cause, string Consequence, string Controls, string OwnerKey,
    RiskScores Scores, int ReviewDays, int YearOffset = 0, bool Closed = false);
