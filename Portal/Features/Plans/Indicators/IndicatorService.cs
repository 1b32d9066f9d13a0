using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Domain.Plans;
using Portal.Features.Notifications.Outbox; // a figure waiting for approval is told to the approvers
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Plans.Indicators;

/// <summary>
/// Performance indicators: every period's target, actual, rating and trend; entering figures
/// (the plan's editors and the indicator's owner; targets are the editors' alone); and approval
/// by an editor who did not enter the figure, who is told when one waits. Closed years are read-only.
/// </summary>
public sealed class IndicatorService(
    IDbContextFactory<PortalDbContext> dbFactory, PlanAccess access, NotificationWriter notifications, ChangeFeed changes, TimeProvider clock)
{
    public async Task<IndicatorDetails?> GetIndicatorAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Values).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Priorities).SingleAsync(p => p.Id == indicator.PlanId, ct);
        var key = PlanKey.Of(plan);
        await PlanAccess.DemandReadAsync(db, caller, key, ct);
        var people = await db.PeopleNamesAsync(ct);
        var priority = plan.Priorities.Single(p => p.Id == indicator.PriorityId);
        var calendar = plan.Calendar;
        var periods = plan.Years.SelectMany(y => PlanCalendar.PeriodsOf(y, indicator.Frequency)).Select(period =>
        {
            var value = indicator.ValueFor(period);
            var (previous, lastYear) = indicator.TrendFor(period);
            return new PeriodRow(
                period.Year, period.Number, PlanQueries.PeriodLabel(calendar, period, indicator.Frequency), calendar.PeriodEnd(period, indicator.Frequency),
                value?.Target, value?.Actual, value?.Commentary, value?.State ?? DataState.NoData, value?.EnteredByName, value?.ApprovedByName,
                indicator.RagFor(period), previous, lastYear, plan.IsOpen(period.Year),
                value?.EnteredById is int by && by == caller.PersonId, value?.Version ?? 0);
        }).ToList();
        var history = await db.HistoryAsync(
            nameof(IndicatorValue),
            indicator.Values.ToDictionary(v => v.Id, v => (string?)PlanQueries.PeriodLabel(calendar, v.ReportingPeriod, indicator.Frequency)),
            includeCreated: false,
            ct);
        history.AddRange(await db.HistoryAsync(nameof(PerformanceIndicator), [indicator.Id], ct));
        return new IndicatorDetails(
            indicator.Id, PlanQueries.Header(plan, plan.OpenYear), new NamedItem(priority.Id, $"{priority.Number}. {priority.Title}"),
            indicator.Code, indicator.Title, indicator.Definition, indicator.Unit, indicator.Polarity, indicator.Frequency,
            indicator.Baseline, indicator.Tolerance, new NamedItem(indicator.OwnerId, people.GetValueOrDefault(indicator.OwnerId, "?")), plan.OpenYear,
            periods, history.OrderByDescending(h => h.OccurredUtc).ToList(),
            caller.CanUpdate(key, indicator.OwnerId), caller.CanEdit(key));
    }

    /// <summary>Adds an indicator to a priority of the plan. The plan's editors.</summary>
    public async Task<int> CreateIndicatorAsync(int planId, NewIndicator edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.PlanAsync(planId, ct);
        caller.DemandEdit(PlanKey.Of(plan));
        var priority = plan.Priorities.SingleOrDefault(p => p.Id == edit.PriorityId)
            ?? throw new DomainRuleException("Indicator.PriorityRequired", "Choose the priority the indicator measures.", nameof(PerformanceIndicator.PriorityId));
        if (!await db.People.AnyAsync(p => p.Id == edit.OwnerId, ct))
        {
            throw new DomainRuleException("Indicator.OwnerRequired", "Choose who owns the indicator.", nameof(PerformanceIndicator.OwnerId));
        }

        if (await db.Indicators.AnyAsync(i => i.PlanId == planId && i.Code == edit.Code.Trim(), ct))
        {
            throw new DomainRuleException("Indicator.CodeTaken", "This plan already has an indicator with that code.", nameof(PerformanceIndicator.Code));
        }

        var culture = CultureInfo.CurrentCulture;
        var baseline = PerformanceIndicator.ParseNumber(edit.Baseline, culture, nameof(PerformanceIndicator.Baseline));
        var tolerance = PerformanceIndicator.ParseNumber(edit.Tolerance, culture, nameof(PerformanceIndicator.Tolerance)) ?? 0m;
        var indicator = PerformanceIndicator.Create(plan, priority, edit.Code, edit.Title, edit.Definition, edit.Unit, edit.Polarity, edit.Frequency, baseline, tolerance, edit.OwnerId);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(planId, PlanItemKind.Indicator, indicator.Id));
        return indicator.Id;
    }

    /// <summary>
    /// Saves one period's target and actual as typed. A new or changed actual goes back to draft;
    /// changing a target needs an editor of the plan. Nothing is saved if either number is bad.
    /// </summary>
    public async Task<int> SavePeriodAsync(int id, PeriodEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (indicator, plan, caller) = await LoadAsync(db, id, ct);
        var key = PlanKey.Of(plan);
        caller.DemandUpdate(key, indicator.OwnerId);
        var period = new ReportingPeriod(edit.Year, edit.Number);
        plan.EnsureOpen(period.Year);
        var existing = indicator.ValueFor(period);
        if (existing is not null)
        {
            await db.ExpectVersionAsync(existing, edit.Version, ct);
        }

        var culture = CultureInfo.CurrentCulture;
        var target = PerformanceIndicator.ParseNumber(edit.Target, culture, nameof(IndicatorValue.Target));
        var actual = PerformanceIndicator.ParseNumber(edit.Actual, culture, nameof(IndicatorValue.Actual));
        if (target != existing?.Target)
        {
            caller.DemandEdit(key);
            indicator.SetTarget(period, target);
        }

        var commentary = string.IsNullOrWhiteSpace(edit.Commentary) ? null : edit.Commentary.Trim();
        if (actual is decimal figure && (figure != existing?.Actual || commentary != existing?.Commentary))
        {
            indicator.RecordActual(period, figure, commentary, caller.RequirePerson(), caller.Name, clock.GetUtcNow().UtcDateTime);
            await notifications.AddAsync(
                db, NotificationKind.IndicatorAwaitingApproval, await access.ApproversAsync(db, key, ct),
                new NotificationAbout($"{indicator.Code}: {indicator.Title}", null, $"plans/indicators/{indicator.Id}"), ct);
        }
        else if (actual is null && existing?.Actual is not null)
        {
            throw new DomainRuleException("Indicator.ActualRequired", "Enter the actual. A figure once entered can be corrected but not removed.", nameof(IndicatorValue.Actual));
        }

        return await SaveAsync(db, indicator, period, ct);
    }

    /// <summary>Approves a period's figure. An editor of the plan who did not enter it.</summary>
    public async Task<int> ApproveAsync(int id, int year, int number, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (indicator, plan, caller) = await LoadAsync(db, id, ct);
        caller.DemandEdit(PlanKey.Of(plan));
        var period = new ReportingPeriod(year, number);
        plan.EnsureOpen(period.Year);
        if (indicator.ValueFor(period) is { } value)
        {
            await db.ExpectVersionAsync(value, version, ct);
        }

        indicator.Approve(period, caller.RequirePerson(), caller.Name, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, indicator, period, ct);
    }

    private async Task<(PerformanceIndicator Indicator, DirectoratePlan Plan, PlanCaller Caller)> LoadAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var caller = await access.CallerAsync(ct);
        var indicator = await db.Indicators.Include(i => i.Values).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new KeyNotFoundException($"No indicator {id}.");
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == indicator.PlanId, ct);
        return (indicator, plan, caller);
    }

    private async Task<int> SaveAsync(PortalDbContext db, PerformanceIndicator indicator, ReportingPeriod period, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(indicator.PlanId, PlanItemKind.Indicator, indicator.Id));
        return indicator.ValueFor(period)?.Version ?? 0;
    }
}
