using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Plans;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// A generated golden thread at the scale the thread benchmark asks for: 10,000 staff in 20
/// directorates (5 services, 4 teams each), 50,000 staff objectives (5 each) linked to their
/// team's workplan, and one service objective with 500 team items beneath it. Structure and
/// people go through EF Core; the thread's 100,000-odd rows are bulk-inserted in one transaction.
/// </summary>
public static class LargeThread
{
    public const int Directorates = 20;
    public const int PeoplePerTeam = 25;
    public const int ObjectivesPerPerson = 5;

    public sealed record Generated(int ObjectiveId, int BigServiceObjectiveId, int Staff, int Objectives);

    public static async Task<Generated> GenerateAsync(IDbContextFactory<PortalDbContext> factory, int year, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var council = OrganisationUnit.CreateCouncil("Large Borough Council", "LBC");
        db.OrganisationUnits.Add(council);
        var teams = new List<(OrganisationUnit Team, OrganisationUnit Service, OrganisationUnit Directorate)>();
        for (var d = 1; d <= Directorates; d++)
        {
            var directorate = OrganisationUnit.CreateUnder(council, UnitKind.Directorate, $"Directorate {d:00}", null);
            db.OrganisationUnits.Add(directorate);
            for (var s = 1; s <= 5; s++)
            {
                var service = OrganisationUnit.CreateUnder(directorate, UnitKind.Service, $"Service {d:00}.{s}", null);
                db.OrganisationUnits.Add(service);
                for (var t = 1; t <= 4; t++)
                {
                    var team = OrganisationUnit.CreateUnder(service, UnitKind.Team, $"Team {d:00}.{s}.{t}", null);
                    db.OrganisationUnits.Add(team);
                    teams.Add((team, service, directorate));
                }
            }
        }

        await db.SaveChangesAsync(ct);
        var people = teams.SelectMany(t => Enumerable.Range(1, PeoplePerTeam).Select(p => Person.Create($"Staff {t.Team.Name} {p:00}", null, null, t.Team))).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync(ct);

        var plans = new Dictionary<int, List<Priority>>();
        foreach (var directorate in teams.Select(t => t.Directorate).Distinct())
        {
            var plan = DirectoratePlan.Create(directorate.Id, $"{directorate.Name} Plan", null, year, year + 2, PlanCalendar.FinancialYear);
            for (var p = 1; p <= 5; p++)
            {
                plan.AddPriority($"Priority {p} of {directorate.Name}", null);
            }

            db.Plans.Add(plan);
            await db.SaveChangesAsync(ct);
            plans[directorate.Id] = [.. plan.Priorities.OrderBy(p => p.Number)];
        }

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var random = new Random(10_000);
        string[] statuses = ["NotStarted", "OnTrack", "OnTrack", "AtRisk", "OffTrack", "Achieved"];

        // Team leads manage their team; each directorate's first lead manages the other leads.
        var byTeam = people.Chunk(PeoplePerTeam).ToList();
        await using (var manager = Command(connection, transaction, "UPDATE People SET LineManagerId = $m WHERE Id = $id", "$m", "$id"))
        {
            foreach (var (members, index) in byTeam.Select((m, i) => (m, i)))
            {
                var head = byTeam[index / 20 * 20][0].Id;
                foreach (var person in members.Skip(1))
                {
                    await Run(manager, ct, members[0].Id, person.Id);
                }

                if (members[0].Id != head)
                {
                    await Run(manager, ct, head, members[0].Id);
                }
            }
        }

        await using var item = Command(connection, transaction,
            "INSERT INTO ThreadItems (Kind, Theme, Title, UnitId, Year, OwnerId, Status, Version) VALUES ($k, $th, $t, $u, $y, $o, $s, 1); SELECT last_insert_rowid();",
            "$k", "$th", "$t", "$u", "$y", "$o", "$s");
        await using var link = Command(connection, transaction,
            "INSERT INTO ThreadLinks (ChildLevel, ChildId, ParentLevel, ParentId, IsPrimary, Version) VALUES ($cl, $c, $pl, $p, $pr, 1)",
            "$cl", "$c", "$pl", "$p", "$pr");
        await using var appraisal = Command(connection, transaction,
            "INSERT INTO Appraisals (PersonId, Year, IsClosed, Version) VALUES ($p, $y, 0, 1); SELECT last_insert_rowid();", "$p", "$y");
        await using var objective = Command(connection, transaction,
            "INSERT INTO AppraisalObjectives (AppraisalId, Text, Measure, DueDate, Status, Version) VALUES ($a, $t, $m, $d, $s, 1); SELECT last_insert_rowid();",
            "$a", "$t", "$m", "$d", "$s");

        var ambitions = new List<long>();
        for (var a = 1; a <= 6; a++)
        {
            ambitions.Add(await Scalar(item, ct, "CommunityAmbition", $"Theme {a}", $"Ambition {a}", null, null, null, "NotStarted"));
        }

        var corporate = new List<long>();
        for (var c = 1; c <= 12; c++)
        {
            var id = await Scalar(item, ct, "CorporatePriority", null, $"Corporate priority {c}", null, null, null, "NotStarted");
            corporate.Add(id);
            await Run(link, ct, "CorporateStrategy", id, "CommunityStrategy", ambitions[c % ambitions.Count], 1);
        }

        foreach (var (priority, index) in plans.Values.SelectMany(p => p).Select((p, i) => (p, i)))
        {
            await Run(link, ct, "DirectoratePlan", priority.Id, "CorporateStrategy", corporate[index % corporate.Count], 1);
        }

        var teamItems = new Dictionary<int, List<long>>();
        long big = 0;
        foreach (var service in teams.Select(t => (t.Service, t.Directorate)).Distinct())
        {
            var objectives = new List<long>();
            for (var o = 1; o <= 5; o++)
            {
                var id = await Scalar(item, ct, "ServiceObjective", null, $"Objective {o} of {service.Service.Name}", service.Service.Id, year, null, statuses[random.Next(statuses.Length)]);
                objectives.Add(id);
                await Run(link, ct, "ServicePlan", id, "DirectoratePlan", plans[service.Directorate.Id][o - 1].Id, 1);
            }

            foreach (var team in teams.Where(t => t.Service.Id == service.Service.Id))
            {
                var list = new List<long>();
                for (var i = 1; i <= 10; i++)
                {
                    var id = await Scalar(item, ct, "TeamItem", null, $"Item {i} of {team.Team.Name}", team.Team.Id, year, null, statuses[random.Next(statuses.Length)]);
                    list.Add(id);
                    await Run(link, ct, "TeamWorkplan", id, "ServicePlan", objectives[i % 5], 1);
                }

                teamItems[team.Team.Id] = list;
            }

            if (big == 0)
            {
                big = objectives[0];
                for (var i = 1; i <= 500; i++)
                {
                    var id = await Scalar(item, ct, "TeamItem", null, $"Extra item {i}", teams[0].Team.Id, year, null, statuses[random.Next(statuses.Length)]);
                    await Run(link, ct, "TeamWorkplan", id, "ServicePlan", big, 1);
                }
            }
        }

        long firstObjective = 0;
        foreach (var person in people)
        {
            var appraisalId = await Scalar(appraisal, ct, person.Id, year);
            var items = teamItems[person.UnitId];
            for (var o = 0; o < ObjectivesPerPerson; o++)
            {
                var id = await Scalar(objective, ct, appraisalId, $"Objective {o + 1} of {person.DisplayName}", "A measure", $"{year + 1}-03-01", statuses[random.Next(statuses.Length)]);
                firstObjective = firstObjective == 0 ? id : firstObjective;
                await Run(link, ct, "Appraisal", id, "TeamWorkplan", items[(o + person.Id) % items.Count], 1);
                if (o == 0)
                {
                    await Run(link, ct, "Appraisal", id, "TeamWorkplan", items[(o + person.Id + 1) % items.Count], 0);
                }
            }
        }

        await transaction.CommitAsync(ct);
        return new Generated((int)firstObjective, (int)big, people.Count, people.Count * ObjectivesPerPerson);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static async Task Run(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> Scalar(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
