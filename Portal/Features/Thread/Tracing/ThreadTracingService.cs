using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Thread;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread.Tracing;

/// <summary>
/// Reading the golden thread: a person's own objectives traced to the top, any item traced up
/// with what contributes to it below, and the top of the thread to start from. Appraisal content
/// is masked in <see cref="ThreadSnapshot"/> for anyone but the person, their line-management
/// chain and administrators, so no page built on this service can show it.
/// </summary>
public sealed class ThreadTracingService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ThreadCache cache)
{
    /// <summary>The caller's own objectives this year, each traced to the top (every path).</summary>
    public async Task<MyObjectives> GetMyObjectivesAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await cache.SnapshotAsync(viewer, ct);
        var label = snapshot.Calendar.YearLabel(snapshot.Year);
        if (ThreadViewer.PersonId(viewer) is not int me)
        {
            return new MyObjectives(null, null, label, false, []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appraisal = await db.Appraisals.AsNoTracking().Include(a => a.Objectives).SingleOrDefaultAsync(a => a.PersonId == me && a.Year == snapshot.Year, ct);
        var name = await db.People.AsNoTracking().Where(p => p.Id == me).Select(p => p.DisplayName).SingleAsync(ct);
        var objectives = (appraisal?.Objectives ?? []).OrderBy(o => o.Id).Select(o =>
        {
            var node = new ThreadNode(ThreadLevel.Appraisal, o.Id);
            return new ObjectiveTrace(o.Id, o.Text, o.Measure, o.DueDate, ThreadRating.For(o.Status), snapshot.TraceUp(node));
        }).ToList();
        return new MyObjectives(me, name, label, appraisal?.IsClosed ?? false, objectives);
    }

    /// <summary>An item traced to the top (every path), with what contributes to it directly and how much lies beneath it.</summary>
    public async Task<ThreadTrace?> TraceAsync(ThreadNode node, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await cache.SnapshotAsync(viewer, ct);
        var item = snapshot.View(node);
        if (item.Title is null && !item.IsPrivate)
        {
            return null;
        }

        var children = snapshot.Graph.ChildrenOf(node).Select(snapshot.View)
            .OrderBy(c => c.IsPrivate).ThenBy(c => c.Title, StringComparer.CurrentCulture).ToList();
        return new ThreadTrace(
            item, snapshot.TraceUp(node), children, snapshot.Graph.CountBelow(node),
            ThreadRating.RollUp(children.Where(c => !c.IsPrivate).Select(c => c.Rag)));
    }

    /// <summary>
    /// The top of the thread: the community strategy's ambitions and the corporate strategy, as
    /// places to start. The corporate strategy opens with its strategic challenges, each with the
    /// priorities that answer it.
    /// </summary>
    public async Task<ThreadStrategy> GetStrategyAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await cache.SnapshotAsync(viewer, ct);
        IEnumerable<KeyValuePair<ThreadNode, NodeFacts>> Of(ThreadItemKind kind) => snapshot.Model.Nodes.Where(n => n.Value.Kind == kind).OrderBy(n => n.Key.Id);
        IReadOnlyList<ThreadNodeView> Views(IEnumerable<KeyValuePair<ThreadNode, NodeFacts>> nodes) => nodes.Select(n => snapshot.View(n.Key)).ToList();
        var priorities = Of(ThreadItemKind.CorporatePriority).ToList();
        var challenges = Of(ThreadItemKind.StrategicChallenge)
            .Select(c => new StrategyChallenge(snapshot.View(c.Key), Views(priorities.Where(p => p.Value.ChallengeId == c.Key.Id))))
            .ToList();
        return new ThreadStrategy(Views(Of(ThreadItemKind.CommunityAmbition)), challenges, Views(priorities), Views(Of(ThreadItemKind.CorporateValue)));
    }
}
