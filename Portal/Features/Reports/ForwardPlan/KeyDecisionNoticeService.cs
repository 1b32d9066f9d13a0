using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // who may see the body that takes the decision decides who sees its notice
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Reports.ForwardPlan;

/// <summary>A general exception (reg. 10) or special urgency (reg. 11) notice, as published beside the Forward Plan.</summary>
public sealed record KeyDecisionNoticeRow(
    int Id, KeyDecisionNoticeKind Kind, string Title, string BodyName, DateOnly DecisionDue, DateOnly PublishedOn, int ClearDays, string Reasons,
    string ScrutinyChair, DateOnly ScrutinyChairOn, string? ForwardPlanTitle);

/// <summary>
/// Notices of key decisions taken without the Forward Plan's 28 clear days (SI 2012/2089 regs. 10 and 11):
/// read by anyone who may see the deciding body, published by officers, each checked by
/// <see cref="KeyDecisionNotice"/> (five clear days for the general exception, the scrutiny chair told or agreeing first).
/// </summary>
public sealed class KeyDecisionNoticeService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock)
{
    public async Task<IReadOnlyList<KeyDecisionNoticeRow>> NoticesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = (await MeetingAccess.VisibleBodiesAsync(db, caller, ct)).ToDictionary(b => b.Id);
        var ids = bodies.Keys.ToList();
        var notices = await db.KeyDecisionNotices.AsNoTracking().Where(n => ids.Contains(n.BodyId)).OrderByDescending(n => n.DecisionDue).ToListAsync(ct);
        var entries = await db.ForwardPlan.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        return notices.Select(n => new KeyDecisionNoticeRow(
            n.Id, n.Kind, n.Title, bodies[n.BodyId].Name, n.DecisionDue, n.PublishedOn, Domain.Meetings.ClearDays.CalendarBetween(n.PublishedOn, n.DecisionDue), n.Reasons,
            n.ScrutinyChair, n.ScrutinyChairOn, n.ForwardPlanEntryId is int e ? entries.GetValueOrDefault(e) : null)).ToList();
    }

    /// <summary>Publishes a notice today; officers only, as they give notice on the Forward Plan.</summary>
    public async Task<int> PublishAsync(KeyDecisionNoticeText text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        if (!caller.IsStaff)
        {
            throw new AccessDeniedException("WriteForwardPlan");
        }

        if (!await db.Bodies.AnyAsync(b => b.Id == text.BodyId, ct))
        {
            throw new DomainRuleException("ForwardPlan.BodyRequired", "Choose who will take the decision.", nameof(KeyDecisionNotice.BodyId));
        }

        var entry = text.ForwardPlanEntryId is int id
            ? await db.ForwardPlan.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct)
                ?? throw new DomainRuleException("KeyDecisionNotice.NoSuchEntry", "Choose the Forward Plan entry from the list.", nameof(KeyDecisionNotice.ForwardPlanEntryId))
            : null;
        var notice = KeyDecisionNotice.Publish(text, clock.Today(), entry);
        db.KeyDecisionNotices.Add(notice);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ForwardPlanChanged(notice.ForwardPlanEntryId ?? 0));
        return notice.Id;
    }
}
