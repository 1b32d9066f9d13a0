using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Reports.ForwardPlan;

/// <summary>
/// The Forward Plan of key decisions: what each reader may see of it, with its 28-clear-day warning,
/// and an officer giving notice of a key decision.
/// </summary>
public sealed class ForwardPlanService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock)
{
    public async Task<ForwardPlanView> ForwardPlanAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = (await MeetingAccess.VisibleBodiesAsync(db, caller, ct)).ToDictionary(b => b.Id);
        var names = await db.PeopleNamesAsync(ct);
        var ids = bodies.Keys.ToList();
        var entries = await db.ForwardPlan.AsNoTracking().Where(e => ids.Contains(e.BodyId)).OrderBy(e => e.DecisionDue).ToListAsync(ct);
        var entryIds = entries.Select(e => e.Id).ToList();
        var reports = (await db.Reports.AsNoTracking().Where(r => r.ForwardPlanEntryId != null && entryIds.Contains(r.ForwardPlanEntryId.Value))
            .Select(r => new { r.Id, r.Reference, r.ForwardPlanEntryId, r.Status }).ToListAsync(ct))
            .Where(r => r.Status == ReportStatus.Published || caller.IsStaff)
            .ToLookup(r => r.ForwardPlanEntryId!.Value);
        var rows = entries.Select(e => new ForwardPlanRow(
            e.Id, e.Version, e.Title, bodies[e.BodyId].Name, e.BodyId, e.DecisionDue, e.NoticeGivenOn, e.NoticeClearDays(), e.IsShortNotice(),
            e.Summary, e.PrivateParagraph, e.LeadOfficerId is int lead ? names.GetValueOrDefault(lead) : null,
            reports[e.Id].Select(r => (r.Id, r.Reference)).ToList())
        {
            Documents = e.Documents,
            DocumentsFrom = e.DocumentsFrom,
            BodyMembers = bodies[e.BodyId].Members.Where(m => m.Role is Domain.Meetings.MemberRole.Chair or Domain.Meetings.MemberRole.Member)
                .Select(m => m.PersonId is int p ? names.GetValueOrDefault(p) : m.Post).OfType<string>().ToList(),
        }).ToList();
        return new ForwardPlanView(
            rows, caller.IsStaff,
            caller.IsStaff ? bodies.Values.OrderBy(b => b.Name).Select(b => new NamedItem(b.Id, b.Name)).ToList() : [],
            caller.IsStaff ? names.OrderBy(n => n.Value).Select(n => new NamedItem(n.Key, n.Value)).ToList() : [],
            ForwardPlanEntry.RequiredClearDays);
    }

    /// <summary>Puts a key decision on the Forward Plan, with notice given today; officers only.</summary>
    public async Task<int> GiveNoticeAsync(ForwardPlanEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        if (!caller.IsStaff)
        {
            throw new AccessDeniedException("WriteForwardPlan");
        }

        if (edit.BodyId is not int bodyId || !await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            throw new DomainRuleException("ForwardPlan.BodyRequired", "Choose who will take the decision.", nameof(ForwardPlanEntry.BodyId));
        }

        var entry = ForwardPlanEntry.Give(edit.Title, bodyId, edit.DecisionDue, clock.Today(), edit.Summary, edit.PrivateParagraph, edit.LeadOfficerId);
        entry.ListDocuments(edit.Documents, edit.DocumentsFrom);
        db.ForwardPlan.Add(entry);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ForwardPlanChanged(entry.Id));
        return entry.Id;
    }
}
