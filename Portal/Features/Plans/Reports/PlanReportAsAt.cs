using Portal.Domain.Plans;

namespace Portal.Features.Plans.Reports;

/// <summary>
/// A plan's actions and indicators as they stood on a past day, for a report made up to a period's
/// end: an action's status and percent complete from its last progress update dated on or before
/// that day (before its first update, as it started: not started, or as it was carried forward),
/// its milestones done by then, its rating on that day; an indicator's figures for the latest of
/// its periods that had ended by then, with that period's commentary and trend.
/// </summary>
internal static class PlanReportAsAt
{
    /// <summary>The action's row and latest update as at <paramref name="asAt"/>; <paramref name="start"/> is its state before any update.</summary>
    public static (ActionRow Row, (DateOnly Date, string? Text)? Update) Action(ActionRow row, KeyAction action, (ActionStatus Status, int Percent) start, DateOnly asAt)
    {
        var last = action.Updates.Where(u => u.Date <= asAt).OrderBy(u => u.Date).ThenBy(u => u.RecordedUtc).LastOrDefault();
        var (status, percent) = last is null ? start : (last.Status, last.PercentComplete);
        var milestones = action.Milestones.Select(m => (m.DueDate, m.IsDone && m.DoneOn is DateOnly done && done <= asAt));
        var rag = ActionRating.For(status, action.StartDate, action.DueDate, percent, milestones, asAt);
        var update = action.Updates.Where(u => u.Date <= asAt && u.Commentary is not null).OrderBy(u => u.Date).ThenBy(u => u.RecordedUtc).LastOrDefault();
        return (
            row with { Status = status, PercentComplete = percent, Rag = rag, Overdue = ActionRating.IsOverdue(status, action.DueDate, asAt) },
            update is null ? null : (update.Date, update.Commentary));
    }

    /// <summary>The indicator's row for the latest of its periods ended on or before <paramref name="asAt"/>, and that period's commentary.</summary>
    public static (IndicatorRow Row, string? Commentary) Indicator(IndicatorRow row, PerformanceIndicator indicator, PlanCalendar calendar, DateOnly asAt)
    {
        var period = calendar.LastCompletePeriod(asAt.AddDays(1), indicator.Frequency);
        var value = indicator.ValueFor(period);
        var (previous, lastYear) = indicator.TrendFor(period);
        return (
            row with
            {
                PeriodLabel = PlanQueries.PeriodLabel(calendar, period, indicator.Frequency),
                Target = value?.Target,
                Actual = value?.Actual,
                State = value?.State ?? DataState.NoData,
                Rag = indicator.RagFor(period),
                SincePrevious = previous,
                SinceLastYear = lastYear,
            },
            value?.Commentary);
    }
}
