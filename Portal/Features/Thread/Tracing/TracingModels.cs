using Portal.Domain.Plans;
using Portal.Domain.Thread;

namespace Portal.Features.Thread.Tracing;

public sealed record ThreadTrace(
    ThreadNodeView Item, IReadOnlyList<IReadOnlyList<ThreadNodeView>> Paths, IReadOnlyList<ThreadNodeView> Children,
    IReadOnlyDictionary<ThreadLevel, int> CountBelow, Rag RollUp);

public sealed record MyObjectives(int? PersonId, string? PersonName, string YearLabel, bool AppraisalClosed, IReadOnlyList<ObjectiveTrace> Objectives);

public sealed record ObjectiveTrace(int Id, string Text, string? Measure, DateOnly? DueDate, Rag Rag, IReadOnlyList<IReadOnlyList<ThreadNodeView>> Paths);

/// <summary>The top two levels: the community strategy's ambitions; the corporate strategy's priorities, values and strategic challenges.</summary>
/// <summary>The top of the thread. <see cref="Priorities"/> holds every corporate priority, those that answer a challenge included.</summary>
public sealed record ThreadStrategy(
    IReadOnlyList<ThreadNodeView> Ambitions, IReadOnlyList<StrategyChallenge> Challenges,
    IReadOnlyList<ThreadNodeView> Priorities, IReadOnlyList<ThreadNodeView> Values);

/// <summary>A strategic challenge at the top of the corporate strategy, with the corporate priorities that answer it.</summary>
public sealed record StrategyChallenge(ThreadNodeView Challenge, IReadOnlyList<ThreadNodeView> Priorities);
