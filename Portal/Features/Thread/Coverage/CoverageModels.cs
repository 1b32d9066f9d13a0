using Portal.Domain.Plans;
using Portal.Domain.Thread;

namespace Portal.Features.Thread.Coverage;

public sealed record ThreadCoverage(
    string YearLabel, IReadOnlyList<ThreadNodeView> BrokenThreads, IReadOnlyList<ThreadNodeView> Orphans, IReadOnlyList<DirectorateCoverage> Directorates);

public sealed record DirectorateCoverage(int UnitId, string Name, int Staff, int StaffWithLinkedObjective)
{
    public int Percent => Staff == 0 ? 0 : (int)Math.Round(StaffWithLinkedObjective * 100.0 / Staff);
}

/// <summary>One row of the explorer: the item, how many items and staff objectives contribute to it, and their roll-up.</summary>
public sealed record ExplorerNode(ThreadNodeView View, int DirectChildren, int ItemsBelow, int StaffObjectivesBelow, Rag RollUp)
{
    /// <summary>The explorer opens down to staff objectives: those the reader may read are listed, the others counted.</summary>
    public bool CanExpand => DirectChildren > 0 && View.Level < ThreadLevel.Appraisal;
}
