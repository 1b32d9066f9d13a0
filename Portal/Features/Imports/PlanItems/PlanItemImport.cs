using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Organisation;
using Portal.Domain.Thread;
using Portal.Features.Imports.Files;
using Portal.Features.Thread; // the thread's change (ThreadChanged), told to its open pages as when an item is added beneath another by hand
using Portal.Infrastructure.Export;

namespace Portal.Features.Imports.PlanItems;

/// <summary>
/// Reads the plans beneath a directorate plan: service plan objectives and team workplan items for the plan's open
/// year, each in a service or team of the plan's directorate and each contributing to an item on the level
/// directly above (ContributesTo: a priority of this plan by its number, a row of the file by its Ref, or an item
/// already on the thread by its title). The link is checked by the thread's own rule (<see cref="ThreadLink.EnsureCanLink"/>):
/// a team item linked to a priority skips the service plan, one linked to another team item does not go up.
/// </summary>
public sealed class PlanItemImport : IImporter
{
    public ImportKind Kind => ImportKind.PlanItems;

    public IReadOnlyList<ExportColumn> Columns { get; } = ExportColumn.Many(
        ("Ref", CellKind.Text), ("Level", CellKind.Text), ("Unit", CellKind.Text), ("Title", CellKind.Text), ("Description", CellKind.Text),
        ("Owner", CellKind.Text), ("ContributesTo", CellKind.Text));

    private sealed record Item(ThreadItem Entity, string? Ref, ContributesTo Parent);

    /// <summary>What an item contributes to: an item there already, or a row of the file (saved first, so its id is known when the link is made).</summary>
    private sealed record ContributesTo(ThreadNode? Existing, string? Ref);

    public async Task<ImportBatch> ReadAsync(PortalDbContext db, ImportScope scope, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rows);
        var plan = scope.RequirePlan();
        var people = await ImportLookups.PeopleAsync(db, ct);
        var units = await ImportLookups.UnitsAsync(db, ct);
        var structure = await db.OrganisationUnits.AsNoTracking().Select(u => new { u.Id, u.Kind, u.ParentId }).ToDictionaryAsync(u => u.Id, ct);
        // Only this directorate's items, and the council-wide strategies (which the level rule then refuses
        // with its own words), can be linked to: an import may not hang work beneath another directorate's plan.
        var onThread = (await db.ThreadItems.AsNoTracking().Where(i => i.Year == null || i.Year == plan.OpenYear).Select(i => new { i.Id, i.Kind, i.Title, i.UnitId }).ToListAsync(ct))
            .Where(i => i.UnitId is not int home || UnitKindRules.DirectorateOf(home, id => structure.TryGetValue(id, out var s) ? (s.Kind, s.ParentId) : null) == plan.DirectorateId)
            .GroupBy(i => i.Title.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? new ThreadNode(ThreadItem.LevelOf(g.First().Kind), g.First().Id) : (ThreadNode?)null, StringComparer.OrdinalIgnoreCase);
        var levelOfRef = rows.Where(r => r["Ref"] is not null).GroupBy(r => r["Ref"]!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => ImportValues.Choice<ThreadLevel>(g.First(), "Level", []), StringComparer.OrdinalIgnoreCase);
        var refs = new UniqueKeys([]);
        var items = new List<Item>();
        var preview = new List<PreviewRow>(rows.Count);
        foreach (var row in rows)
        {
            var problems = new List<DomainRuleException>();
            refs.Claim(row["Ref"], row.Line, "Ref", problems);
            var level = ImportValues.Choice<ThreadLevel>(row, "Level", problems);
            if (level is not (null or ThreadLevel.ServicePlan or ThreadLevel.TeamWorkplan))
            {
                problems.Add(new DomainRuleException("Import.NotAPlanLevel", "Level must be ServicePlan or TeamWorkplan.", "Level"));
                level = null;
            }

            var unit = ImportLookups.Find(units, row["Unit"], "Unit", "Import.UnknownUnit", problems);
            (int Id, string Name)? owner = row["Owner"] is null ? null : ImportLookups.Find(people, row["Owner"], "Owner", "Import.UnknownPerson", problems);
            if (unit is { } u && level is { } l)
            {
                CheckUnit(l, structure[u.Id].Kind, UnitKindRules.DirectorateOf(u.Id, id => structure.TryGetValue(id, out var s) ? (s.Kind, s.ParentId) : null) == plan.DirectorateId, u.Name, problems);
            }

            var (parent, parentLevel, parentName) = Resolve(row["ContributesTo"], plan, levelOfRef, onThread, problems);
            if (level is { } childLevel && parentLevel is { } above)
            {
                // The thread's own rule: exactly one level up, never sideways or down.
                ImportValues.Try(problems, () => { ThreadLink.EnsureCanLink(childLevel, new ThreadNode(above, 0)); return string.Empty; });
            }

            if (problems.Count == 0 && level is { } made && unit is not null && parent is not null)
            {
                var kind = made == ThreadLevel.ServicePlan ? ThreadItemKind.ServiceObjective : ThreadItemKind.TeamItem;
                if (ImportValues.Try(problems, () => ThreadItem.ForUnit(kind, unit.Value.Id, plan.OpenYear, row["Title"] ?? string.Empty, row["Description"], owner?.Id)) is { } item)
                {
                    items.Add(new Item(item, row["Ref"], parent));
                }
            }

            preview.Add(new PreviewRow(row.Line, [row["Ref"], row["Level"], unit?.Name ?? row["Unit"], row["Title"], row["Description"], owner?.Name ?? row["Owner"], parentName ?? row["ContributesTo"]], problems));
        }

        return new ImportBatch(preview, items.Count, (save, token) => SaveAsync(save, items, token), feed =>
        {
            foreach (var item in items)
            {
                feed.Publish(new ThreadChanged(new ThreadNode(item.Entity.Level, item.Entity.Id)));
            }
        });
    }

    public Task<List<object?[]>> RowsOfAsync(PortalDbContext db, ImportScope scope, CancellationToken ct) => Task.FromResult(new List<object?[]>());

    private static void CheckUnit(ThreadLevel level, UnitKind kind, bool inDirectorate, string name, List<DomainRuleException> problems)
    {
        if (level == ThreadLevel.ServicePlan && kind != UnitKind.Service)
        {
            problems.Add(new DomainRuleException("Thread.ChooseService", "Choose the service whose plan this objective is in.", "Unit"));
        }
        else if (level == ThreadLevel.TeamWorkplan && kind != UnitKind.Team)
        {
            problems.Add(new DomainRuleException("Thread.ChooseTeam", "Choose the team whose workplan this item is in.", "Unit"));
        }
        else if (!inDirectorate)
        {
            problems.Add(new DomainRuleException("Import.UnitOutsidePlan", $"{name} is not in this plan's directorate.", "Unit", name));
        }
    }

    /// <summary>A priority of this plan by its number, a row of the file by its Ref, or an item already on the thread by its title; with its level, for the level check.</summary>
    private static (ContributesTo? Parent, ThreadLevel? Level, string? Name) Resolve(
        string? text, Domain.Plans.DirectoratePlan plan, Dictionary<string, ThreadLevel?> levelOfRef, Dictionary<string, ThreadNode?> onThread, List<DomainRuleException> problems)
    {
        if (text is null)
        {
            problems.Add(new DomainRuleException("Import.Required", "ContributesTo is empty.", "ContributesTo", "ContributesTo"));
            return (null, null, null);
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && plan.Priorities.FirstOrDefault(p => p.Number == number) is { } priority)
        {
            return (new ContributesTo(new ThreadNode(ThreadLevel.DirectoratePlan, priority.Id), null), ThreadLevel.DirectoratePlan, $"{priority.Number}. {priority.Title}");
        }

        if (levelOfRef.TryGetValue(text, out var fileLevel))
        {
            return (new ContributesTo(null, text), fileLevel, text);
        }

        if (onThread.TryGetValue(text, out var node) && node is { } found)
        {
            return (new ContributesTo(found, null), found.Level, text);
        }

        problems.Add(node is null && onThread.ContainsKey(text)
            ? new DomainRuleException("Import.AmbiguousLink", $"More than one item on the thread is called “{text}”: give the Ref of a row instead, or rename one.", "ContributesTo", text)
            : new DomainRuleException("Import.UnknownLink", $"There is no priority, row or item on the thread called “{text}”.", "ContributesTo", text));
        return (null, null, null);
    }

    /// <summary>Adds the items, then (once they have ids) links each to what it contributes to.</summary>
    private static async Task SaveAsync(PortalDbContext db, List<Item> items, CancellationToken ct)
    {
        db.ThreadItems.AddRange(items.Select(i => i.Entity));
        await db.SaveChangesAsync(ct);
        var byRef = items.Where(i => i.Ref is not null).ToDictionary(i => i.Ref!, i => new ThreadNode(i.Entity.Level, i.Entity.Id), StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var parent = item.Parent.Existing ?? byRef[item.Parent.Ref!];
            db.ThreadLinks.Add(ThreadLink.Create(new ThreadNode(item.Entity.Level, item.Entity.Id), parent, []));
        }

        await db.SaveChangesAsync(ct);
    }
}
