using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Reports;
using Portal.Domain.Thread;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Features.Plans; // a decision links to the plan actions it creates or changes, shown as the plan allows

namespace Portal.Features.Reports.Decisions;

/// <summary>
/// The plan actions and golden-thread items decisions are linked to, as one reader may see them.
/// A decision is public, but what it links to is not: a plan action is read by those the plan
/// rules let read its plan (<see cref="PlanAccess"/>), a thread item by anyone signed in (as the
/// thread's own pages). Everyone else is told only how many links a decision has. The decision
/// register, the report page, the agenda pack and the choices offered for linking all read links
/// here, so none of them shows a title the reader could not open.
/// </summary>
internal sealed class DecisionLinks
{
    private readonly Dictionary<(DecisionTarget, int), DecisionLinkView> _readable;

    private DecisionLinks(Dictionary<(DecisionTarget, int), DecisionLinkView> readable) => _readable = readable;

    /// <summary>The caller as the plan rules see them, or null for a visitor (who reads no plan and no thread item).</summary>
    public static async Task<PlanCaller?> ReaderAsync(PlanAccess plans, MeetingCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsSignedIn ? await plans.CallerAsync(ct) : null;
    }

    /// <summary>Reads the targets <paramref name="links"/> name, keeping only those <paramref name="reader"/> may read.</summary>
    public static async Task<DecisionLinks> ReadAsync(PortalDbContext db, PlanCaller? reader, IEnumerable<(DecisionTarget Target, int TargetId)> links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(links);
        var readable = new Dictionary<(DecisionTarget, int), DecisionLinkView>();
        if (reader is null)
        {
            return new DecisionLinks(readable);
        }

        var all = links.ToList();
        var actionIds = all.Where(l => l.Target == DecisionTarget.KeyAction).Select(l => l.TargetId).Distinct().ToList();
        var threadIds = all.Where(l => l.Target == DecisionTarget.ThreadItem).Select(l => l.TargetId).Distinct().ToList();
        var actions = await db.Actions.AsNoTracking().Where(a => actionIds.Contains(a.Id)).Select(a => new { a.Id, a.Title, a.PlanId }).ToListAsync(ct);
        var planIds = actions.Select(a => a.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.DirectorateId }).ToListAsync(ct);
        var readablePlans = new HashSet<int>();
        foreach (var plan in plans)
        {
            if (await PlanAccess.CanReadAsync(db, reader, new PlanKey(plan.Id, plan.DirectorateId), ct))
            {
                readablePlans.Add(plan.Id);
            }
        }

        foreach (var action in actions.Where(a => readablePlans.Contains(a.PlanId)))
        {
            readable[(DecisionTarget.KeyAction, action.Id)] = new DecisionLinkView(DecisionTarget.KeyAction, action.Id, action.Title, $"/plans/actions/{action.Id}");
        }

        var items = await db.ThreadItems.AsNoTracking().Where(i => threadIds.Contains(i.Id)).Select(i => new { i.Id, i.Title, i.Kind }).ToListAsync(ct);
        foreach (var item in items)
        {
            readable[(DecisionTarget.ThreadItem, item.Id)] = new DecisionLinkView(
                DecisionTarget.ThreadItem, item.Id, item.Title, $"/thread/items/{new ThreadNode(ThreadItem.LevelOf(item.Kind), item.Id)}");
        }

        return new DecisionLinks(readable);
    }

    /// <summary>Whether the reader may read the target of one link (so may see it offered, or make it).</summary>
    public bool MayRead(DecisionTarget target, int targetId) => _readable.ContainsKey((target, targetId));

    /// <summary>
    /// The links of <paramref name="decision"/> the reader may read, with their titles; none when the
    /// decision itself is <paramref name="withheld"/> from them (one on an exempt report), since
    /// which actions it changed would tell what it decided.
    /// </summary>
    public IReadOnlyList<DecisionLinkView> Shown(Decision decision, bool withheld)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return withheld ? [] : decision.Links.Select(l => _readable.GetValueOrDefault((l.Target, l.TargetId))).OfType<DecisionLinkView>().ToList();
    }

    /// <summary>How many links of <paramref name="decision"/> the reader may not read (all of them when the decision is withheld): a number, never the titles.</summary>
    public int Hidden(Decision decision, bool withheld)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return withheld ? decision.Links.Count : decision.Links.Count(l => !_readable.ContainsKey((l.Target, l.TargetId)));
    }
}
