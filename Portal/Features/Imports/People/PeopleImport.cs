using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Organisation;
using Portal.Features.Imports.Files;
using Portal.Features.Organisation; // the unit's change (UnitChanged), told to its open pages as when a person is changed by hand
using Portal.Infrastructure.Export;

namespace Portal.Features.Imports.People;

/// <summary>
/// Reads staff with their unit and line manager. A person is known by their email address: a row whose address
/// someone here already has changes that person (name, job title, unit, manager); any other row adds someone.
/// A line manager is named by email address or by a name only they have, in the file or here already. The checks
/// are the domain's (<see cref="Person.Create"/>, <see cref="Person.AssignLineManager"/>), plus an unknown unit or
/// manager, an address twice in the file or belonging to a councillor, and line management that would go round
/// in a loop, among the file's rows or through people already here.
/// </summary>
public sealed class PeopleImport : IImporter
{
    public ImportKind Kind => ImportKind.People;

    public IReadOnlyList<ExportColumn> Columns { get; } = ExportColumn.Many(
        ("Name", CellKind.Text), ("Email", CellKind.Text), ("JobTitle", CellKind.Text), ("Unit", CellKind.Text), ("LineManager", CellKind.Text));

    private sealed record Row(ImportRow Source, int Node, int? ExistingId, (int Id, string Name)? Unit, int? Manager, List<DomainRuleException> Problems);

    private sealed record Known(int Id, string Name, string? Email, int? ManagerId, bool IsCouncillor);

    public async Task<ImportBatch> ReadAsync(PortalDbContext db, ImportScope scope, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var units = await ImportLookups.UnitsAsync(db, ct);
        var people = await ImportLookups.PeopleAsync(db, ct);
        var known = await db.People.AsNoTracking().Select(p => new Known(p.Id, p.DisplayName, p.Email, p.LineManagerId, p.IsCouncillor)).ToListAsync(ct);
        var byEmail = known.Where(p => p.Email is not null).GroupBy(p => p.Email!.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var emails = new UniqueKeys([]);

        // Each row is a node: the person it changes, or (for someone new) minus its line in the file.
        var nodes = new List<(ImportRow Row, int Node, int? ExistingId)>();
        foreach (var row in rows)
        {
            var existing = row["Email"] is { } email && byEmail.TryGetValue(email, out var p) && !p.IsCouncillor ? p.Id : (int?)null;
            nodes.Add((row, existing ?? -row.Line, existing));
        }

        var inFile = new ImportLookups.Lookup();
        foreach (var (row, node, _) in nodes)
        {
            inFile.Add(row["Email"], node, row["Name"] ?? row["Email"] ?? string.Empty);
            inFile.Add(row["Name"], node, row["Name"] ?? string.Empty);
        }

        var read = new List<Row>(rows.Count);
        var managers = known.ToDictionary(k => k.Id, k => k.ManagerId);
        foreach (var (row, node, existingId) in nodes)
        {
            var problems = new List<DomainRuleException>();
            if (emails.Claim(row["Email"], row.Line, "Email", problems) && row["Email"] is { } email && byEmail.TryGetValue(email, out var same) && same.IsCouncillor)
            {
                problems.Add(new DomainRuleException("Import.CodeTaken", $"Email “{email}” is already used here.", "Email", "Email", email));
            }

            var unit = ImportLookups.Find(units, row["Unit"], "Unit", "Import.UnknownUnit", problems);
            // A blank cell keeps an existing person's line manager: a file of names and units only changes nothing else.
            int? manager = existingId is int was ? managers.GetValueOrDefault(was) : null;
            if (row["LineManager"] is { } named)
            {
                manager = inFile.TryFind(named, out var fromFile) && fromFile is not null
                    ? fromFile.Value.Id
                    : ImportLookups.Find(people, named, "LineManager", "Import.UnknownPerson", problems)?.Id;
            }

            if (manager == node)
            {
                problems.Add(new DomainRuleException("Person.ManagesSelf", "A person cannot be their own line manager.", "LineManager"));
            }

            if (unit is not null)
            {
                // The domain's checks of a name, job title and address; the stand-in unit is never saved.
                ImportValues.Try(problems, () => Person.Create(row["Name"] ?? string.Empty, row["JobTitle"], row["Email"], OrganisationUnit.CreateCouncil("check")));
            }

            read.Add(new Row(row, node, existingId, unit, manager, problems));
        }

        FindLoops(read, known);
        var names = known.ToDictionary(p => p.Id, p => p.Name);
        var preview = read.Select(r => new PreviewRow(r.Source.Line,
        [
            r.Source["Name"], r.Source["Email"], r.Source["JobTitle"], r.Unit?.Name ?? r.Source["Unit"],
            r.Manager is int m ? m < 0 ? read.First(x => x.Node == m).Source["Name"] : names.GetValueOrDefault(m) : r.Source["LineManager"],
        ], r.Problems)).ToList();
        return new ImportBatch(preview, read.Count, (save, token) => SaveAsync(save, read, token), feed => Publish(feed, read));
    }

    public async Task<List<object?[]>> RowsOfAsync(PortalDbContext db, ImportScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = await db.People.AsNoTracking().Where(p => !p.IsCouncillor).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.DisplayName, p.Email, p.JobTitle, Unit = p.Unit!.Name, p.LineManagerId }).ToListAsync(ct);
        var keys = people.ToDictionary(p => p.Id, p => p.Email ?? p.DisplayName);
        return [.. people.Select(p => new object?[] { p.DisplayName, p.Email, p.JobTitle, p.Unit, p.LineManagerId is int m ? keys.GetValueOrDefault(m) : null })];
    }

    /// <summary>Line management after the file, walked up from each row's manager: a row met again is a loop, named person by person.</summary>
    private static void FindLoops(List<Row> rows, List<Known> known)
    {
        var managerOf = known.ToDictionary(p => p.Id, p => p.ManagerId);
        var names = known.ToDictionary(p => p.Id, p => p.Name);
        foreach (var row in rows)
        {
            managerOf[row.Node] = row.Manager;
            names[row.Node] = row.Source["Name"] ?? row.Source["Email"] ?? row.Node.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var row in rows.Where(r => r.Manager is int m && m != r.Node))
        {
            var chain = ReportingLine.ManagersOf(row.Node, id => managerOf.GetValueOrDefault(id));
            var loops = managerOf.GetValueOrDefault(chain.Count == 0 ? row.Node : chain[^1]) == row.Node;
            if (loops)
            {
                var path = string.Join(" → ", [names[row.Node], .. chain.Select(id => names.GetValueOrDefault(id) ?? "?"), names[row.Node]]);
                row.Problems.Add(new DomainRuleException("Import.ManagerLoop", $"Line management would go round in a loop: {path}.", "LineManager", path));
            }
        }
    }

    /// <summary>Adds and changes the people, then (once the new have ids) sets every row's line manager.</summary>
    private static async Task SaveAsync(PortalDbContext db, List<Row> rows, CancellationToken ct)
    {
        var unitIds = rows.Select(r => r.Unit!.Value.Id).Distinct().ToList();
        var units = await db.OrganisationUnits.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var existingIds = rows.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var tracked = await db.People.Where(p => existingIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var byNode = new Dictionary<int, Person>();
        foreach (var row in rows)
        {
            var unit = units[row.Unit!.Value.Id];
            if (row.ExistingId is int id)
            {
                var person = tracked[id];
                person.ChangeDetails(row.Source["Name"] ?? string.Empty, row.Source["JobTitle"] ?? person.JobTitle, row.Source["Email"]);
                if (person.UnitId != unit.Id)
                {
                    person.MoveTo(unit);
                }

                byNode[row.Node] = person;
            }
            else
            {
                var person = Person.Create(row.Source["Name"] ?? string.Empty, row.Source["JobTitle"], row.Source["Email"], unit);
                db.People.Add(person);
                byNode[row.Node] = person;
            }
        }

        await db.SaveChangesAsync(ct);
        var managerIds = rows.Where(r => r.Manager is > 0).Select(r => r.Manager!.Value).Where(m => !byNode.ContainsKey(m)).Distinct().ToList();
        foreach (var manager in await db.People.Where(p => managerIds.Contains(p.Id)).ToListAsync(ct))
        {
            byNode[manager.Id] = manager;
        }

        var managerOf = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.LineManagerId, ct);
        foreach (var row in rows)
        {
            managerOf[byNode[row.Node].Id] = row.Manager is int m ? byNode[m].Id : null;
        }

        foreach (var row in rows)
        {
            byNode[row.Node].AssignLineManager(row.Manager is int m ? byNode[m] : null, id => managerOf.GetValueOrDefault(id));
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Publish(Infrastructure.LiveUpdates.ChangeFeed feed, List<Row> rows)
    {
        foreach (var unit in rows.Select(r => r.Unit!.Value.Id).Distinct())
        {
            feed.Publish(new UnitChanged(unit));
        }
    }
}
