using Portal.Domain.Plans;
using Portal.Domain.Thread;

namespace Portal.Features.Thread;

/// <summary>Published after a link or an item on the thread changes, so open traces and lists reload.</summary>
public sealed record ThreadChanged(ThreadNode Node);

/// <summary>
/// One item as the reader may see it. A staff objective the reader may not read has no title,
/// owner or rating: only that it exists (<see cref="IsPrivate"/>).
/// </summary>
public sealed record ThreadNodeView(ThreadNode Node, string? Title, string? Context, string? Owner, Rag Rag, bool IsPrivate)
{
    public ThreadLevel Level => Node.Level;

    public string Href => $"/thread/items/{Node}";
}

public sealed record ThreadTrace(
    ThreadNodeView Item, IReadOnlyList<IReadOnlyList<ThreadNodeView>> Paths, IReadOnlyList<ThreadNodeView> Children,
    IReadOnlyDictionary<ThreadLevel, int> CountBelow, Rag RollUp);

public sealed record MyObjectives(int? PersonId, string? PersonName, string YearLabel, bool AppraisalClosed, IReadOnlyList<ObjectiveTrace> Objectives);

public sealed record ObjectiveTrace(int Id, string Text, string? Measure, DateOnly? DueDate, Rag Rag, IReadOnlyList<IReadOnlyList<ThreadNodeView>> Paths);

public sealed record ThreadCoverage(
    string YearLabel, IReadOnlyList<ThreadNodeView> BrokenThreads, IReadOnlyList<ThreadNodeView> Orphans, IReadOnlyList<DirectorateCoverage> Directorates);

public sealed record DirectorateCoverage(int UnitId, string Name, int Staff, int StaffWithLinkedObjective)
{
    public int Percent => Staff == 0 ? 0 : (int)Math.Round(StaffWithLinkedObjective * 100.0 / Staff);
}

/// <summary>The top two levels: the community strategy's ambitions; the corporate strategy's priorities, values and strategic challenges.</summary>
/// <summary>The top of the thread. <see cref="Priorities"/> holds every corporate priority, those that answer a challenge included.</summary>
public sealed record ThreadStrategy(
    IReadOnlyList<ThreadNodeView> Ambitions, IReadOnlyList<StrategyChallenge> Challenges,
    IReadOnlyList<ThreadNodeView> Priorities, IReadOnlyList<ThreadNodeView> Values);

/// <summary>A strategic challenge at the top of the corporate strategy, with the corporate priorities that answer it.</summary>
public sealed record StrategyChallenge(ThreadNodeView Challenge, IReadOnlyList<ThreadNodeView> Priorities);

/// <summary>One row of the explorer: the item, how many items and staff objectives contribute to it, and their roll-up.</summary>
public sealed record ExplorerNode(ThreadNodeView View, int DirectChildren, int ItemsBelow, int StaffObjectivesBelow, Rag RollUp)
{
    /// <summary>The explorer opens down to staff objectives: those the reader may read are listed, the others counted.</summary>
    public bool CanExpand => DirectChildren > 0 && View.Level < ThreadLevel.Appraisal;
}

/// <summary>What the reader may change about an item on the thread: its status (where it has one) and what it contributes to.</summary>
public sealed record ThreadEditing(bool CanEdit, bool HasStatus, ThreadStatus Status, IReadOnlyList<(ThreadNodeView Parent, bool IsPrimary)> Parents);

/// <summary>One person's appraisal for the year, for the person, their managers and HR only.</summary>
public sealed record AppraisalView(
    int PersonId, string PersonName, string YearLabel, bool IsClosed, IReadOnlyList<ObjectiveRow> Objectives,
    IReadOnlyList<ReviewRow> Reviews, bool CanComment, bool CanRate);

public sealed record ObjectiveRow(int Id, string Text, string? Measure, DateOnly? DueDate, ThreadStatus Status);

public sealed record ReviewRow(ReviewStage Stage, ReviewRating? Rating, string? PersonComment, string? ManagerComment, DateOnly Date);

/// <summary>The people who report to the caller directly, whose appraisals they can open.</summary>
public sealed record DirectReport(int PersonId, string Name);
