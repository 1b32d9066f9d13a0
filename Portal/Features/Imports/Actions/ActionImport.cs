using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Imports.Files;
using Portal.Features.Plans; // the plan's unit names (UnitNamesAsync), as its own export writes them, and its change (PlanChanged)
using Portal.Infrastructure.Export;

namespace Portal.Features.Imports.Actions;

/// <summary>
/// Reads key actions (with their milestones) for a plan's open year from template rows. Rows that share a
/// Ref are one action: its first row says what the action is, and every row may add one milestone. The
/// checks are the domain's own (<see cref="KeyAction.Create"/>, <see cref="KeyAction.AddMilestone"/>), plus what
/// only a file can get wrong: a priority, person or unit that does not exist, a date that is not one, an
/// action already in the plan or twice in the file.
/// </summary>
public sealed class ActionImport : IImporter
{
    public ImportKind Kind => ImportKind.Actions;

    public IReadOnlyList<ExportColumn> Columns { get; } = ExportColumn.Many(
        ("Ref", CellKind.Text), ("Priority", CellKind.Number), ("Title", CellKind.Text), ("Description", CellKind.Text), ("Owner", CellKind.Text),
        ("LeadUnit", CellKind.Text), ("Start", CellKind.Date), ("Due", CellKind.Date), ("Milestone", CellKind.Text), ("MilestoneDue", CellKind.Date));

    public async Task<ImportBatch> ReadAsync(PortalDbContext db, ImportScope scope, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var plan = scope.RequirePlan();
        var (preview, actions) = await ReadAsync(db, plan, rows, ct);
        return new ImportBatch(
            preview,
            actions.Count,
            async (save, token) =>
            {
                save.Actions.AddRange(actions);
                await save.SaveChangesAsync(token);
            },
            feed => feed.Publish(new PlanChanged(plan.Id, PlanItemKind.Action, actions.Count > 0 ? actions[0].Id : 0)));
    }

    public Task<List<object?[]>> RowsOfAsync(PortalDbContext db, ImportScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return RowsOfAsync(db, scope.RequirePlan(), ct);
    }

    private static async Task<(List<PreviewRow> Rows, List<KeyAction> Actions)> ReadAsync(PortalDbContext db, DirectoratePlan plan, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var year = plan.OpenYear;
        var people = await ImportLookups.PeopleAsync(db, ct);
        var units = await ImportLookups.UnitsAsync(db, ct);
        var existing = (await db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id && a.Year == year).Select(a => a.Title).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var preview = new List<PreviewRow>(rows.Count);
        var actions = new List<KeyAction>();
        var byRef = new Dictionary<string, (KeyAction? Action, ImportRow First)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var problems = new List<DomainRuleException>();
            var reference = row["Ref"];
            KeyAction? action;
            Priority? priority = null;
            (int Id, string Name)? owner = null;
            (int Id, string Name)? unit = null;
            if (reference is not null && byRef.TryGetValue(reference, out var earlier))
            {
                // A later row of the same action: it may only add a milestone.
                action = earlier.Action;
                if (row["Title"] is { } title && !string.Equals(title, earlier.First["Title"], StringComparison.Ordinal))
                {
                    problems.Add(new DomainRuleException("Import.DuplicateRef", $"Ref {reference} is already used on row {earlier.First.Line} for another action.", "Ref", reference, earlier.First.Line));
                }
            }
            else
            {
                priority = ImportLookups.PriorityOf(plan, row, problems, required: true);
                owner = ImportLookups.Find(people, row["Owner"], "Owner", "Import.UnknownPerson", problems);
                unit = ImportLookups.Find(units, row["LeadUnit"], "LeadUnit", "Import.UnknownUnit", problems);
                var start = ImportValues.Date(row, "Start", problems);
                var due = ImportValues.Date(row, "Due", problems);
                action = null;
                if (problems.Count == 0 && priority is not null && owner is not null && unit is not null && start is not null && due is not null)
                {
                    action = ImportValues.Try(problems, () => KeyAction.Create(plan, priority, year, row["Title"] ?? string.Empty, row["Description"], owner.Value.Id, unit.Value.Id, start.Value, due.Value));
                }

                if (row["Title"] is { } title)
                {
                    if (existing.Contains(title))
                    {
                        problems.Add(new DomainRuleException("Import.DuplicateAction", $"The plan already has an action called “{title}” this year.", "Title", title));
                    }
                    else if (seen.TryGetValue(title, out var line))
                    {
                        problems.Add(new DomainRuleException("Import.DuplicateInFile", $"Row {line} has an action with the same title.", "Title", line));
                    }
                    else
                    {
                        seen[title] = row.Line;
                    }
                }

                if (reference is not null)
                {
                    byRef[reference] = (action, row);
                }

                if (action is not null)
                {
                    actions.Add(action);
                }
            }

            if (row["Milestone"] is { } milestone)
            {
                if (ImportValues.Date(row, "MilestoneDue", problems) is DateOnly milestoneDue && action is not null)
                {
                    ImportValues.Try(problems, () => action.AddMilestone(milestone, milestoneDue));
                }
            }
            else if (row["MilestoneDue"] is not null)
            {
                problems.Add(new DomainRuleException("Import.MilestoneTitle", "Enter the milestone, or leave its due date empty.", "Milestone"));
            }

            preview.Add(new PreviewRow(row.Line,
            [
                reference, priority is null ? row["Priority"] : $"{priority.Number}. {priority.Title}", row["Title"], row["Description"],
                owner?.Name ?? row["Owner"], unit?.Name ?? row["LeadUnit"], ImportValues.Shown(row, "Start"), ImportValues.Shown(row, "Due"),
                row["Milestone"], ImportValues.Shown(row, "MilestoneDue"),
            ], problems));
        }

        return (preview, actions);
    }

    /// <summary>The plan's actions this year in the template's shape, so a plan can be carried to another (export, then import).</summary>
    private static async Task<List<object?[]>> RowsOfAsync(PortalDbContext db, DirectoratePlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email ?? p.DisplayName, ct);
        var units = await db.UnitNamesAsync(ct);
        var numbers = plan.Priorities.ToDictionary(p => p.Id, p => p.Number);
        var actions = await db.Actions.AsNoTracking().Include(a => a.Milestones).Where(a => a.PlanId == plan.Id && a.Year == plan.OpenYear)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var rows = new List<object?[]>();
        foreach (var (action, index) in actions.Select((a, i) => (a, i + 1)))
        {
            var reference = "A" + index.ToString(CultureInfo.InvariantCulture);
            var milestones = action.Milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Id).ToList();
            rows.Add([reference, numbers[action.PriorityId], action.Title, action.Description, people.GetValueOrDefault(action.OwnerId), units.GetValueOrDefault(action.LeadUnitId),
                action.StartDate, action.DueDate, milestones.FirstOrDefault()?.Title, milestones.FirstOrDefault()?.DueDate]);
            rows.AddRange(milestones.Skip(1).Select(m => new object?[] { reference, null, null, null, null, null, null, null, m.Title, m.DueDate }));
        }

        return rows;
    }
}
