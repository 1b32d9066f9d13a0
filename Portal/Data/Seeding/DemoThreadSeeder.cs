using Portal.Domain.Organisation;
using Portal.Domain.Plans;
using Portal.Domain.Thread;

namespace Portal.Data.Seeding;

/// <summary>Writes a <see cref="DemoThread"/>: strategy items, the open year's service and team items, appraisals, and the links between them.</summary>
internal static class DemoThreadSeeder
{
    public static async Task SeedAsync(
        PortalDbContext db, DemoThread demo, PlanCalendar calendar, IReadOnlyDictionary<string, Priority> priorities,
        IReadOnlyDictionary<string, OrganisationUnit> units, IReadOnlyDictionary<string, Person> people, DateOnly today, CancellationToken ct)
    {
        var year = calendar.YearOf(today);
        var items = new Dictionary<string, ThreadItem>(StringComparer.Ordinal);
        foreach (var item in demo.Strategy)
        {
            items[item.Key] = ThreadItem.Strategy(item.Kind, item.Theme, item.Title, item.Description);
        }

        foreach (var item in demo.UnitItems)
        {
            var created = ThreadItem.ForUnit(item.Kind, units[item.UnitKey].Id, year, item.Title, null, people[item.OwnerKey].Id);
            created.SetStatus(item.Status);
            items[item.Key] = created;
        }

        db.ThreadItems.AddRange(items.Values);
        var appraisals = new List<(Appraisal Appraisal, DemoAppraisal Demo)>();
        foreach (var demoAppraisal in demo.Appraisals)
        {
            var appraisal = Appraisal.Open(people[demoAppraisal.PersonKey].Id, year);
            foreach (var objective in demoAppraisal.Objectives)
            {
                appraisal.AddObjective(objective.Text, objective.Measure, today.AddDays(objective.DueDays)).SetStatus(objective.Status);
            }

            foreach (var review in demoAppraisal.Reviews)
            {
                appraisal.Review(review.Stage, review.Rating, review.PersonComment, review.ManagerComment, today.AddDays(-review.DaysAgo));
            }

            appraisals.Add((appraisal, demoAppraisal));
            db.Appraisals.Add(appraisal);
        }

        await db.SaveChangesAsync(ct);
        foreach (var item in demo.Strategy.Where(i => i.Answers is not null))
        {
            items[item.Key].Answer(items[item.Answers!]);
        }

        ThreadNode Node(string key) => key.StartsWith("pri:", StringComparison.Ordinal)
            ? new ThreadNode(ThreadLevel.DirectoratePlan, priorities[key[4..]].Id)
            : new ThreadNode(items[key].Level, items[key].Id);

        var links = new List<ThreadLink>();
        void Link(ThreadNode child, IEnumerable<string> parents)
        {
            var existing = new List<ThreadNode>();
            foreach (var parent in parents.Select(Node))
            {
                links.Add(ThreadLink.Create(child, parent, existing));
                existing.Add(parent);
            }
        }

        foreach (var item in demo.Strategy)
        {
            Link(Node(item.Key), item.Parents);
        }

        foreach (var (priorityKey, parents) in demo.PriorityLinks)
        {
            Link(new ThreadNode(ThreadLevel.DirectoratePlan, priorities[priorityKey].Id), parents);
        }

        foreach (var item in demo.UnitItems)
        {
            Link(Node(item.Key), item.Parents);
        }

        foreach (var (appraisal, demoAppraisal) in appraisals)
        {
            foreach (var (objective, demoObjective) in appraisal.Objectives.Zip(demoAppraisal.Objectives))
            {
                Link(new ThreadNode(ThreadLevel.Appraisal, objective.Id), demoObjective.Parents);
            }
        }

        db.ThreadLinks.AddRange(links);
        await db.SaveChangesAsync(ct);
    }
}
