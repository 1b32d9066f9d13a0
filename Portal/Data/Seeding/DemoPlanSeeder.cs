using Portal.Domain.Organisation;
using Portal.Domain.Plans;

namespace Portal.Data.Seeding;

/// <summary>
/// Writes a <see cref="DemoPlan"/> the way people would have built it: year by year, rolling the
/// plan forward at each year end with the same <see cref="PlanRollover"/> the portal uses, so
/// closed years, carried actions and their history are real.
/// </summary>
internal static class DemoPlanSeeder
{
    /// <returns>The plan's priorities by their demo key, for the golden thread to link to.</returns>
    public static async Task<IReadOnlyDictionary<string, Priority>> SeedAsync(
        PortalDbContext db, DemoPlan demo, IReadOnlyDictionary<string, OrganisationUnit> units,
        IReadOnlyDictionary<string, Person> people, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var calendar = demo.Calendar;
        var openYear = calendar.YearOf(today);
        var plan = DirectoratePlan.Create(units[demo.DirectorateKey].Id, demo.Title, demo.Summary, openYear - demo.YearsBefore, openYear + demo.YearsAfter, calendar);
        foreach (var priority in demo.Priorities)
        {
            plan.AddPriority(priority.Title, priority.Description);
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        var priorities = demo.Priorities.Zip(plan.Priorities.OrderBy(p => p.Number)).ToDictionary(x => x.First.Key, x => x.Second, StringComparer.Ordinal);

        var actions = new List<KeyAction>();
        var risks = new List<Risk>();
        for (var year = plan.FirstYear; year <= openYear; year++)
        {
            var offset = year - openYear;
            foreach (var item in demo.Actions.Where(a => a.YearOffset == offset))
            {
                var (start, due) = item.StartDays == 0 && item.DueDays == 0
                    ? (calendar.YearStart(year).AddDays(20), calendar.YearEnd(year).AddDays(-30))
                    : (today.AddDays(item.StartDays), today.AddDays(item.DueDays));
                var owner = people[item.OwnerKey];
                var action = actions.SingleOrDefault(a => a.Year == year && a.Title == item.Title);
                if (action is null)
                {
                    action = KeyAction.Create(plan, priorities[item.PriorityKey], year, item.Title, item.Description, owner.Id, units[item.UnitKey].Id, start, due);
                    actions.Add(action);
                    db.Actions.Add(action);
                }

                foreach (var milestone in item.Milestones ?? [])
                {
                    var added = action.AddMilestone(milestone.Title, today.AddDays(milestone.DueDays));
                    if (milestone.Done)
                    {
                        await db.SaveChangesAsync(ct);
                        action.MarkMilestone(added.Id, true, today.AddDays(milestone.DueDays));
                    }
                }

                if (item.Status != ActionStatus.NotStarted)
                {
                    var said = Min(today, due.AddDays(-5), calendar.YearEnd(year));
                    action.RecordProgress(item.Status, item.Percent, item.Commentary, owner.DisplayName, said, nowUtc);
                }
            }

            foreach (var item in demo.Risks.Where(r => r.YearOffset == offset))
            {
                var description = new RiskDescription(item.Title, item.Cause, item.Consequence, item.Controls, people[item.OwnerKey].Id, item.PriorityKey is null ? null : priorities[item.PriorityKey].Id);
                var risk = Risk.Create(plan, year, description, item.Scores, today.AddDays(item.ReviewDays));
                if (item.Closed)
                {
                    risk.Close();
                }

                risks.Add(risk);
                db.Risks.Add(risk);
            }

            await db.SaveChangesAsync(ct);
            if (year < openYear)
            {
                var rolled = PlanRollover.Roll(plan, actions.Where(a => a.Year == year), risks.Where(r => r.Year == year));
                actions.AddRange(rolled.Actions);
                risks.AddRange(rolled.Risks);
                db.Actions.AddRange(rolled.Actions);
                db.Risks.AddRange(rolled.Risks);
                await db.SaveChangesAsync(ct);
            }
        }

        await SeedIndicatorsAsync(db, demo, plan, priorities, people, today, nowUtc, ct);
        return priorities;
    }

    private static async Task SeedIndicatorsAsync(
        PortalDbContext db, DemoPlan demo, DirectoratePlan plan, Dictionary<string, Priority> priorities,
        IReadOnlyDictionary<string, Person> people, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var approver = people[demo.ApproverKey];
        foreach (var item in demo.Indicators)
        {
            var owner = people[item.OwnerKey];
            var indicator = PerformanceIndicator.Create(plan, priorities[item.PriorityKey], item.Code, item.Title, item.Definition, item.Unit, item.Polarity, Frequency.Quarterly, item.Baseline, item.Tolerance, owner.Id);
            var periods = plan.Years.SelectMany(y => PlanCalendar.PeriodsOf(y, Frequency.Quarterly)).ToList();
            var latest = plan.Calendar.LastCompletePeriod(today, Frequency.Quarterly);
            var reported = periods.Where(p => p <= latest).ToList();
            for (var i = 0; i < periods.Count; i++)
            {
                indicator.SetTarget(periods[i], Line(item.FirstTarget, item.LastTarget, periods[i].Year - plan.FirstYear, plan.LastYear - plan.FirstYear, item.Unit));
            }

            for (var i = 0; i < reported.Count; i++)
            {
                var actual = Wobble(Line(item.FirstActual, item.LatestActual, i, reported.Count - 1, item.Unit), i, reported.Count - 1, item);
                indicator.RecordActual(reported[i], actual, i == reported.Count - 1 ? "Latest quarter." : null, owner.Id, owner.DisplayName, nowUtc);
                if (i < reported.Count - 1 || item.LatestApproved)
                {
                    var by = owner.Id != approver.Id ? approver : people.Values.First(p => p.Id != owner.Id);
                    indicator.Approve(reported[i], by.Id, by.DisplayName, nowUtc);
                }
            }

            db.Indicators.Add(indicator);
        }

        await db.SaveChangesAsync(ct);
    }

    private static decimal Line(decimal from, decimal to, int step, int steps, MeasureUnit unit)
    {
        var value = steps <= 0 ? to : from + ((to - from) * step / steps);
        return Math.Round(value, unit == MeasureUnit.Number ? 0 : 1);
    }

    /// <summary>A small, repeatable seasonal wiggle so the charts look like real figures; the latest quarter lands exactly.</summary>
    private static decimal Wobble(decimal value, int i, int last, DemoIndicator item)
    {
        if (i == last)
        {
            return value;
        }

        decimal[] season = [0.3m, -0.3m, 0.15m, -0.15m];
        var wobbled = Math.Round(value + (item.Tolerance * season[i % 4]), item.Unit == MeasureUnit.Number ? 0 : 1);
        return item.Unit == MeasureUnit.Percent ? Math.Clamp(wobbled, 0m, 100m) : Math.Max(0m, wobbled);
    }

    private static DateOnly Min(params DateOnly[] dates) => dates.Min();
}
