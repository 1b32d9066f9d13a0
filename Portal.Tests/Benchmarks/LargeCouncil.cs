using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Plans;
using Portal.Infrastructure.Security;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// A generated council at the scale the plans benchmark asks for: 20 directorates, each with a
/// plan of 100 key actions (3 milestones each), 25 monthly indicators with 36 periods of
/// figures, and 20 risks. Written through the domain and the real context, audit trail included.
/// </summary>
public static class LargeCouncil
{
    public const int Directorates = 20;
    public const int ActionsPerPlan = 100;
    public const int IndicatorsPerPlan = 25;
    public const int RisksPerPlan = 20;
    public const string DirectorEmail = "bench.director@example.test";
    public const string AdministratorEmail = "bench.admin@example.test";
    public const string Password = "Benchmark-Password-2026";

    /// <summary>Writes the council; returns the id of the first directorate's plan and of one of its overdue actions.</summary>
    public static async Task<(int PlanId, int OverdueActionId)> GenerateAsync(IServiceProvider services, DateOnly today)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("benchmark data");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var random = new Random(2026);
        var calendar = PlanCalendar.FinancialYear;
        var openYear = calendar.YearOf(today);

        var council = OrganisationUnit.CreateCouncil("Benchmark City Council", "BCC");
        db.OrganisationUnits.Add(council);
        var directorates = new List<(OrganisationUnit Unit, List<OrganisationUnit> Units, List<Person> People)>();
        for (var d = 1; d <= Directorates; d++)
        {
            var directorate = OrganisationUnit.CreateUnder(council, UnitKind.Directorate, $"Directorate {d:00}", $"D{d:00}");
            var units = new List<OrganisationUnit> { directorate };
            for (var s = 1; s <= 3; s++)
            {
                var service = OrganisationUnit.CreateUnder(directorate, UnitKind.Service, $"Service {d:00}.{s}", null);
                units.Add(service);
                units.AddRange(Enumerable.Range(1, 2).Select(t => OrganisationUnit.CreateUnder(service, UnitKind.Team, $"Team {d:00}.{s}.{t}", null)));
            }

            db.OrganisationUnits.AddRange(units);
            var people = Enumerable.Range(1, 20).Select(p => Person.Create($"Person {d:00}-{p:00}", p == 1 ? "Director" : "Officer", $"p{d:00}{p:00}@example.test", units[p % units.Count])).ToList();
            db.People.AddRange(people);
            directorates.Add((directorate, units, people));
        }

        await db.SaveChangesAsync();
        await AddSignInAsync(scope.ServiceProvider, db, DirectorEmail, Roles.Director, directorates[0].People[0]);
        await AddSignInAsync(scope.ServiceProvider, db, AdministratorEmail, Roles.Administrator, directorates[0].People[1]);

        var firstPlan = 0;
        var overdue = 0;
        foreach (var (directorate, units, people) in directorates)
        {
            var plan = DirectoratePlan.Create(directorate.Id, $"{directorate.Name} Plan", null, openYear - 2, openYear, calendar);
            var priorities = Enumerable.Range(1, 5).Select(p => plan.AddPriority($"Priority {p} of {directorate.Name}", "Generated for the benchmark.")).ToList();
            plan.RollForward();
            plan.RollForward();
            db.Plans.Add(plan);
            await db.SaveChangesAsync();

            for (var a = 0; a < ActionsPerPlan; a++)
            {
                var start = today.AddDays(-random.Next(30, 300));
                var due = today.AddDays(random.Next(-40, 200));
                if (due < start)
                {
                    due = start;
                }

                var action = KeyAction.Create(plan, priorities[a % 5], openYear, $"Action {a + 1} of {directorate.Name}", "Generated.", people[a % people.Count].Id, units[a % units.Count].Id, start, due);
                for (var m = 1; m <= 3; m++)
                {
                    action.AddMilestone($"Milestone {m}", start.AddDays((due.DayNumber - start.DayNumber) * m / 3));
                }

                var status = (ActionStatus)(a % 6);
                if (status != ActionStatus.NotStarted)
                {
                    action.RecordProgress(status, Math.Min(100, random.Next(0, 101)), "Generated update.", people[0].DisplayName, today.AddDays(-1), DateTime.UtcNow);
                }

                db.Actions.Add(action);
            }

            foreach (var i in Enumerable.Range(1, IndicatorsPerPlan))
            {
                var polarity = (Polarity)((i % 3) + 1);
                var indicator = PerformanceIndicator.Create(plan, priorities[i % 5], $"{directorate.ShortName}-{i:00}", $"Indicator {i} of {directorate.Name}", null,
                    MeasureUnit.Percent, polarity, Frequency.Monthly, 60m, 5m, people[i % people.Count].Id);
                var latest = calendar.LastCompletePeriod(today, Frequency.Monthly);
                foreach (var period in plan.Years.SelectMany(y => PlanCalendar.PeriodsOf(y, Frequency.Monthly)))
                {
                    indicator.SetTarget(period, 70m);
                    if (period <= latest)
                    {
                        indicator.RecordActual(period, random.Next(50, 90), null, people[i % people.Count].Id, "Generator", DateTime.UtcNow);
                    }
                }

                db.Indicators.Add(indicator);
            }

            foreach (var r in Enumerable.Range(1, RisksPerPlan))
            {
                var (l, im) = (random.Next(1, 6), random.Next(1, 6));
                var scores = new RiskScores(l, im, random.Next(1, l + 1), random.Next(1, im + 1), 1, 1);
                db.Risks.Add(Risk.Create(plan, openYear, new RiskDescription($"Risk {r} of {directorate.Name}", "Cause", "Consequence", "Controls", people[r % people.Count].Id, priorities[r % 5].Id), scores, today.AddDays(random.Next(-10, 90))));
            }

            await db.SaveChangesAsync();
            if (firstPlan == 0)
            {
                firstPlan = plan.Id;
                var openActions = await db.Actions.Where(a => a.PlanId == plan.Id).ToListAsync();
                overdue = openActions.First(a => ActionRating.IsOverdue(a.Status, a.DueDate, today) && a.Status != ActionStatus.NotStarted).Id;
            }

            db.ChangeTracker.Clear();
        }

        return (firstPlan, overdue);
    }

    private static async Task AddSignInAsync(IServiceProvider services, PortalDbContext db, string email, string role, Person person)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = person.DisplayName, LockoutEnabled = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        var tracked = await db.People.SingleAsync(p => p.Id == person.Id);
        tracked.LinkSignIn(user.Id);
        await db.SaveChangesAsync();
    }
}
