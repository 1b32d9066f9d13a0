using Portal.Domain.Thread;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread.Coverage;

/// <summary>
/// How far the thread reaches: the explorer that opens it level by level, and the coverage
/// report (broken threads, orphans, each directorate's share) on the page and as CSV. Staff
/// objectives the reader may not read are counted, never named (<see cref="ThreadSnapshot"/> masks them).
/// </summary>
public sealed class ThreadCoverageService(ICurrentUser currentUser, ThreadCache cache)
{
    /// <summary>The explorer's first level: the community strategy's ambitions, each with what lies beneath it.</summary>
    public async Task<IReadOnlyList<ExplorerNode>> GetExplorerRootAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await cache.SnapshotAsync(viewer, ct);
        return snapshot.Views.Where(v => v.Level == ThreadLevel.CommunityStrategy).OrderBy(v => v.Node.Id).Select(v => Explore(snapshot, v)).ToList();
    }

    /// <summary>
    /// Opens one node of the explorer: the items on the level below that contribute to it. Under a
    /// team's item that is the staff objectives the reader may read (their own, and those of the
    /// people they manage); the others are only counted, in the item's <see cref="ExplorerNode.StaffObjectivesBelow"/>.
    /// </summary>
    public async Task<IReadOnlyList<ExplorerNode>> ExpandAsync(ThreadNode node, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await cache.SnapshotAsync(viewer, ct);
        return snapshot.Graph.ChildrenOf(node)
            .Select(snapshot.View)
            .Where(c => !c.IsPrivate)
            .Select(c => Explore(snapshot, c))
            .OrderBy(e => e.View.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    private static ExplorerNode Explore(ThreadSnapshot snapshot, ThreadNodeView view)
    {
        var below = snapshot.Graph.CountBelow(view.Node);
        var children = snapshot.Graph.ChildrenOf(view.Node);
        return new ExplorerNode(
            view, children.Count, below.Where(b => b.Key != ThreadLevel.Appraisal).Sum(b => b.Value), below.GetValueOrDefault(ThreadLevel.Appraisal),
            ThreadRating.RollUp(children.Select(c => snapshot.View(c)).Where(c => !c.IsPrivate).Select(c => c.Rag)));
    }

    /// <summary>
    /// Broken threads (corporate and directorate priorities with nothing beneath them), orphans
    /// (items with nothing above them) and, per directorate, the share of staff with at least one
    /// objective linked into the thread this year. Staff only; staff objectives are counted, and
    /// named only for those who may read them.
    /// </summary>
    public async Task<ThreadCoverage> GetCoverageAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.Staff);
        var snapshot = await cache.SnapshotAsync(viewer, ct);
        var model = snapshot.Model;
        var corporate = model.Nodes.Where(n => n.Value.Kind == ThreadItemKind.CorporatePriority).Select(n => n.Key).ToHashSet();
        var broken = corporate
            .Concat(model.Nodes.Keys.Where(n => n.Level == ThreadLevel.DirectoratePlan))
            .Where(n => !snapshot.Graph.HasChildren(n))
            .OrderBy(n => n.Level).ThenBy(n => n.Id)
            .Select(snapshot.View)
            .ToList();
        var orphans = snapshot.Views
            .Where(v => v.Level != ThreadLevel.CommunityStrategy && !snapshot.Graph.HasParent(v.Node))
            .Where(v => v.Level != ThreadLevel.CorporateStrategy || corporate.Contains(v.Node))
            .OrderBy(v => v.Level).ThenBy(v => v.IsPrivate).ThenBy(v => v.Title, StringComparer.CurrentCulture)
            .ToList();

        var linkedPeople = model.Nodes
            .Where(n => n.Value.SubjectPersonId is not null && snapshot.Graph.HasParent(n.Key))
            .Select(n => n.Value.SubjectPersonId!.Value)
            .ToHashSet();
        var directorates = model.People.Where(p => !p.Value.IsCouncillor)
            .GroupBy(p => model.DirectorateOf(p.Value.UnitId))
            .Where(g => g.Key is not null)
            .Select(g => new DirectorateCoverage(g.Key!.Value, model.Units[g.Key.Value].Name, g.Count(), g.Count(p => linkedPeople.Contains(p.Key))))
            .OrderBy(d => d.Name, StringComparer.CurrentCulture)
            .ToList();
        return new ThreadCoverage(snapshot.Calendar.YearLabel(snapshot.Year), broken, orphans, directorates);
    }

    /// <summary>
    /// The coverage report as CSV: broken threads, orphans and each directorate's share. A staff
    /// objective the reader may not read appears as "(private)", exactly as on the page.
    /// </summary>
    public async Task<CsvFile> ExportCoverageAsync(CancellationToken ct)
    {
        var coverage = await GetCoverageAsync(ct);
        string Title(ThreadNodeView v) => v.IsPrivate ? "(private)" : v.Title ?? string.Empty;
        var rows = coverage.BrokenThreads.Select(v => new object?[] { "Broken thread", v.Level.ToString(), Title(v), v.Context, v.Owner, v.Rag.ToString(), null, null, null })
            .Concat(coverage.Orphans.Select(v => new object?[] { "Orphan", v.Level.ToString(), Title(v), v.Context, v.Owner, v.Rag.ToString(), null, null, null }))
            .Concat(coverage.Directorates.Select(d => new object?[] { "Directorate share", null, d.Name, null, null, null, d.Staff, d.StaffWithLinkedObjective, d.Percent }));
        string[] columns = ["Section", "Level", "Item", "Context", "Owner", "Rag", "Staff", "StaffWithLinkedObjective", "SharePercent"];
        return new CsvFile($"thread-coverage-{coverage.YearLabel.Replace('/', '-')}.csv", CsvExport.Write(columns, rows));
    }

    /// <summary>The same report as a workbook: broken threads, orphans and the directorates' shares each on a sheet of its own.</summary>
    public async Task<ExportWorkbook> CoverageWorkbookAsync(CancellationToken ct)
    {
        var coverage = await GetCoverageAsync(ct);
        string Title(ThreadNodeView v) => v.IsPrivate ? "(private)" : v.Title ?? string.Empty;
        var itemColumns = ExportColumn.Many(("Level", CellKind.Text), ("Item", CellKind.Text), ("Context", CellKind.Text), ("Owner", CellKind.Text), ("Rag", CellKind.Text));
        object?[] Item(ThreadNodeView v) => [v.Level.ToString(), Title(v), v.Context, v.Owner, v.Rag.ToString()];
        var shareColumns = ExportColumn.Many(("Directorate", CellKind.Text), ("Staff", CellKind.Number), ("StaffWithLinkedObjective", CellKind.Number), ("SharePercent", CellKind.Number));
        return new ExportWorkbook($"thread-coverage-{coverage.YearLabel.Replace('/', '-')}",
        [
            new("Broken threads", itemColumns, [.. coverage.BrokenThreads.Select(Item)]),
            new("Orphans", itemColumns, [.. coverage.Orphans.Select(Item)]),
            new("Directorate shares", shareColumns, [.. coverage.Directorates.Select(d => new object?[] { d.Name, d.Staff, d.StaffWithLinkedObjective, d.Percent })]),
        ]);
    }
}
