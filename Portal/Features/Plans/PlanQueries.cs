using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Concurrency;

namespace Portal.Features.Plans;

/// <summary>Reads the plan services share: names, choices, the council's settings and an item's history.</summary>
internal static class PlanQueries
{
    public static async Task<int> RiskAppetiteAsync(this PortalDbContext db, CancellationToken ct) =>
        await db.PlanSettings.AsNoTracking().Select(s => (int?)s.RiskAppetite).SingleOrDefaultAsync(ct) ?? PlanSettings.DefaultRiskAppetite;

    /// <summary>The council's plan year: the month the first plan made starts its years in, or April when there is no plan yet.</summary>
    public static async Task<PlanCalendar> CalendarAsync(this PortalDbContext db, CancellationToken ct) =>
        await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => (int?)p.YearStartMonth).FirstOrDefaultAsync(ct) is int month
            ? new PlanCalendar(month)
            : PlanCalendar.FinancialYear;

    public static async Task<DirectoratePlan> PlanAsync(this PortalDbContext db, int planId, CancellationToken ct) =>
        await db.Plans.Include(p => p.Priorities).SingleOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new KeyNotFoundException($"No plan {planId}.");

    public static async Task<EditChoices> ChoicesAsync(this PortalDbContext db, int planId, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => !p.IsCouncillor).OrderBy(p => p.DisplayName)
            .Select(p => new NamedItem(p.Id, p.DisplayName)).ToListAsync(ct);
        var units = await db.OrganisationUnits.AsNoTracking().Where(u => u.ParentId != null).OrderBy(u => u.Name)
            .Select(u => new NamedItem(u.Id, u.Name)).ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Number)
            .Select(p => new NamedItem(p.Id, p.Number + ". " + p.Title)).ToListAsync(ct);
        return new EditChoices(people, units, priorities);
    }

    public static PlanHeader Header(DirectoratePlan plan, int year) => new(plan.Id, plan.Title, plan.Calendar.YearLabel(year));

    public static RiskRow ToRow(Risk risk, string owner, int? priorityNumber, int appetite) =>
        new(risk.Id, risk.Title, owner, priorityNumber, risk.Inherent, risk.Residual, risk.Target, risk.ReviewDate, risk.IsClosed, risk.ExceedsAppetite(appetite));

    public static ActionRow ToRow(KeyAction action, string owner, string unit, DateOnly today) =>
        new(action.Id, action.Title, owner, action.OwnerId, unit, action.DueDate, action.Status, action.PercentComplete,
            action.RagOn(today), ActionRating.IsOverdue(action.Status, action.DueDate, today));

    /// <summary>An indicator's row at the period whose figures are due: the last one complete on <paramref name="today"/>.</summary>
    public static IndicatorRow ToRow(PerformanceIndicator indicator, PlanCalendar calendar, string owner, DateOnly today, int? year = null)
    {
        var period = calendar.LastCompletePeriod(today, indicator.Frequency);
        if (year is int y && period.Year != y)
        {
            // Looking at another year: its last period, or the latest one with a figure.
            period = indicator.Values.Where(v => v.Year == y && v.Actual is not null).Select(v => v.ReportingPeriod).DefaultIfEmpty(new ReportingPeriod(y, PlanCalendar.PeriodsPerYear(indicator.Frequency))).Max();
        }

        var value = indicator.ValueFor(period);
        var (previous, lastYear) = indicator.TrendFor(period);
        return new IndicatorRow(
            indicator.Id, indicator.Code, indicator.Title, indicator.Unit, indicator.Polarity, owner,
            PeriodLabel(calendar, period, indicator.Frequency), value?.Target, value?.Actual, value?.State ?? DataState.NoData,
            indicator.RagFor(period), previous, lastYear);
    }

    /// <summary>"Q2 2026/27", "Nov 2026" or "2026/27": the period in words for tables and charts.</summary>
    public static string PeriodLabel(PlanCalendar calendar, ReportingPeriod period, Frequency frequency) => frequency switch
    {
        Frequency.Quarterly => $"{(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? "K" : "Q")}{period.Number} {calendar.YearLabel(period.Year)}",
        Frequency.Monthly => calendar.PeriodStart(period, frequency).ToString("MMM yyyy", CultureInfo.CurrentCulture),
        _ => calendar.YearLabel(period.Year),
    };
}
