using Portal.Domain.Plans;

namespace Portal.Features.Plans.Dashboard;

public sealed record DashboardFilter(int? PriorityId = null, int? OwnerId = null, int? UnitId = null);

public sealed record Dashboard(
    int PlanId, string Title, string YearLabel, DateOnly Today, int RiskAppetite,
    IReadOnlyList<PriorityRagCount> Priorities, IReadOnlyList<ActionRow> OverdueActions,
    IReadOnlyList<IndicatorRow> IndicatorsOffTarget, IReadOnlyList<RiskRow> RisksAboveAppetite,
    IReadOnlyList<DueItem> DueSoon, EditChoices Filters, DashboardPictures Pictures);

/// <summary>
/// What the dashboard's pictures draw beyond the counts: every open risk (the heat map), each
/// off-target indicator's recent figures (its trend line) and the year's burn-up of actions.
/// </summary>
public sealed record DashboardPictures(IReadOnlyList<RiskRow> OpenRisks, IReadOnlyDictionary<int, Portal.Features.Plans.Indicators.IndicatorTrend> Trends, BurnUp BurnUp);

/// <summary>Actions planned to be done (due) and done (completed) by the end of each month of the plan year, counted from the year's start.</summary>
public sealed record BurnUp(IReadOnlyList<BurnUpMonth> Months, int Total);

/// <summary>One month's end: how many actions were due by then, and how many were completed (none for a month not yet begun).</summary>
public sealed record BurnUpMonth(DateOnly End, int Planned, int? Completed);

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
