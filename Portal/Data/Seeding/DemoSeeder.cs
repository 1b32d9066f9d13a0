using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;

namespace Portal.Data.Seeding;

/// <summary>Writes a <see cref="DemoCouncil"/> into an empty database: structure, people, sign-ins, its directorate plan and its golden thread.</summary>
public sealed class DemoSeeder(IDbContextFactory<PortalDbContext> dbFactory, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task SeedAsync(DemoCouncil demo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demo);
        await using var db = dbFactory.CreateDbContext();

        var council = OrganisationUnit.CreateCouncil(demo.CouncilName, demo.CouncilShortName);
        var units = new Dictionary<string, OrganisationUnit>(StringComparer.Ordinal);
        foreach (var unit in demo.Units)
        {
            var parent = unit.ParentKey is null ? council : units[unit.ParentKey];
            units[unit.Key] = OrganisationUnit.CreateUnder(parent, unit.Kind, unit.Name, unit.ShortName, unit.Description);
        }

        db.OrganisationUnits.Add(council);
        db.OrganisationUnits.AddRange(units.Values);
        db.Installations.Add(Installation.Create(demo.Kind, demo.CouncilName, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);

        var people = demo.People.ToDictionary(
            p => p.Key,
            p => Person.Create(p.Name, p.JobTitle, p.Email, units[p.UnitKey], p.IsCouncillor),
            StringComparer.Ordinal);
        db.People.AddRange(people.Values);
        await db.SaveChangesAsync(ct);

        var managers = demo.People.ToDictionary(p => people[p.Key].Id, p => p.ManagerKey is null ? (int?)null : people[p.ManagerKey].Id);
        foreach (var person in demo.People.Where(p => p.ManagerKey is not null))
        {
            people[person.Key].AssignLineManager(people[person.ManagerKey!], id => managers.GetValueOrDefault(id));
        }

        await db.SaveChangesAsync(ct);

        foreach (var person in demo.SignIns)
        {
            var user = new PortalUser
            {
                UserName = person.Email,
                Email = person.Email,
                EmailConfirmed = true,
                DisplayName = person.Name,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, DemoCouncil.Password));
            Check(await users.AddToRoleAsync(user, person.Role!));
            people[person.Key].LinkSignIn(user.Id);
        }

        await db.SaveChangesAsync(ct);

        // Today on the council's clock, the day every page reckons from.
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var priorities = await DemoPlanSeeder.SeedAsync(db, demo.Plan, units, people, today, now.UtcDateTime, ct);
        await DemoThreadSeeder.SeedAsync(db, demo.Thread, demo.Plan.Calendar, priorities, units, people, today, ct);
        var posts = demo.Kind == InstallationKind.EnglishDemo
            ? await DemoEstablishmentSeeder.SeedAsync(db, units, people, today, ct)
            : await DemoEstablishmentSeeder.SeedSwedishAsync(db, units, people, ct);
        await DemoMeetingSeeder.SeedAsync(db, demo.Kind, people, posts, today, ct);
        if (demo.Kind == InstallationKind.EnglishDemo)
        {
            await DemoReportSeeder.SeedAsync(db, people, today, ct);
        }
        else
        {
            await DemoReportSeeder.SeedSwedishAsync(db, people, today, ct);
        }

        await DemoMembersSeeder.SeedAsync(db, demo.Kind, people, today, ct);
        await DemoDecisionMakingSeeder.SeedAsync(db, demo.Kind, people, today, ct);
        await DemoNotificationSeeder.SeedAsync(db, demo.Kind, today, now.UtcDateTime, ct);
        await DemoDistributionSeeder.SeedAsync(db, demo.Kind, now.UtcDateTime, ct);
        await Portal.Features.Search.SearchIndex.RebuildAsync(db, ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding a demo sign-in failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
