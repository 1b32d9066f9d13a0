using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Reports.Drafting;

/// <summary>
/// Drafting a report in the template: the form's choices, starting a draft, its particulars, sections
/// and recommendations. Every write checks rights and the version (<see cref="ReportWrites"/>).
/// </summary>
public sealed class ReportDraftingService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ReportWrites writes, ChangeFeed changes, TimeProvider clock)
{
    public async Task<ReportChoices> ChoicesAsync(int? meetingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        if (!caller.IsStaff)
        {
            throw new AccessDeniedException("WriteReport");
        }

        var today = clock.Today();
        var people = await db.People.AsNoTracking().OrderBy(p => p.DisplayName).Select(p => new NamedItem(p.Id, p.DisplayName)).ToListAsync(ct);
        var bodies = (await MeetingAccess.VisibleBodiesAsync(db, caller, ct)).ToDictionary(b => b.Id);
        var ids = bodies.Keys.ToList();
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Items)
            .Where(m => ids.Contains(m.BodyId) && m.Status != MeetingStatus.Cancelled && (m.Date >= today || m.Id == meetingId))
            .OrderBy(m => m.Date).Take(60).ToListAsync(ct);
        var entries = await db.ForwardPlan.AsNoTracking().OrderBy(e => e.DecisionDue)
            .Select(e => new NamedItem(e.Id, e.Title)).ToListAsync(ct);
        return new ReportChoices(
            people,
            meetings.Select(m => new MeetingChoice(
                m.Id, $"{bodies[m.BodyId].Name}, {m.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)}",
                m.Items.OrderBy(i => i.Number).Select(i => new NamedItem(i.Id, $"{i.Number}. {i.Title}")).ToList())).ToList(),
            entries);
    }

    /// <summary>Starts a draft; any officer may write one and is its author.</summary>
    public async Task<int> CreateAsync(NewReport draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        if (!caller.IsStaff || caller.PersonId is not int author)
        {
            throw new AccessDeniedException("WriteReport");
        }

        var report = Report.Draft(draft.Reference, draft.Title, author);
        if (draft.MeetingId is int meetingId)
        {
            var (meeting, body) = await db.MeetingAsync(meetingId, caller, tracked: false, ct);
            report.PlaceBefore(meeting.Id, body.Id, null);
        }

        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        return report.Id;
    }

    /// <summary>Saves the draft's particulars, meeting, exemption and Forward Plan entry in one go.</summary>
    public async Task<int> DescribeAsync(int id, ReportEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);

        // Rights first: someone who may not edit the report learns nothing from how their input is checked.
        var report = await ReportWrites.FindForChangeAsync(db, caller, id, r => r.CanEdit, ct);
        int? bodyId = null;
        if (edit.MeetingId is int meetingId)
        {
            var (meeting, body) = await db.MeetingAsync(meetingId, caller, tracked: false, ct);
            if (edit.AgendaItemId is int itemId && meeting.Items.All(i => i.Id != itemId))
            {
                throw new DomainRuleException("Report.ItemNotOnAgenda", "That item is not on the chosen meeting's agenda.", nameof(Report.AgendaItemId));
            }

            bodyId = body.Id;
        }

        if (edit.ChiefOfficerId is int chief && !await db.People.AnyAsync(p => p.Id == chief, ct))
        {
            throw new DomainRuleException("Report.ChiefOfficerUnknown", "Choose the chief officer from the list.", nameof(Report.ChiefOfficerId));
        }

        if (edit.ForwardPlanEntryId is int entry && !await db.ForwardPlan.AnyAsync(e => e.Id == entry, ct))
        {
            throw new DomainRuleException("Report.ForwardPlanUnknown", "Choose the Forward Plan entry from the list.", nameof(Report.ForwardPlanEntryId));
        }

        return await writes.SaveChangeAsync(db, report, edit.Version, r =>
        {
            r.Describe(new ReportParticulars(edit.Reference, edit.Title, edit.ChiefOfficerId, edit.ContactDetails, edit.AllWards, edit.Wards, edit.IsKeyDecision, edit.BackgroundPapers));
            r.PlaceBefore(edit.MeetingId, bodyId, edit.MeetingId is null ? null : edit.AgendaItemId);
            r.LinkForwardPlan(edit.IsKeyDecision ? edit.ForwardPlanEntryId : null);
            if (edit.IsExempt)
            {
                r.MarkExempt(edit.ExemptParagraph, edit.PublicInterestReason, edit.ReleaseOn);
            }
            else
            {
                r.MarkOpen();
            }
        }, ct);
    }

    public Task<int> WriteSectionAsync(int id, int version, SectionKind kind, string? text, CancellationToken ct) =>
        writes.ChangeAsync(id, version, r => r.CanEdit, r => r.WriteSection(kind, text), ct);

    /// <summary>Saves several sections at once, as the draft form sends them.</summary>
    public Task<int> WriteSectionsAsync(int id, int version, IReadOnlyDictionary<SectionKind, string?> sections, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return writes.ChangeAsync(id, version, r => r.CanEdit, r =>
        {
            foreach (var (kind, text) in sections)
            {
                r.WriteSection(kind, text);
            }
        }, ct);
    }

    public Task<int> RecommendAsync(int id, int version, string? text, string? reason, CancellationToken ct) =>
        writes.ChangeAsync(id, version, r => r.CanEdit, r => r.Recommend(text, reason), ct);

    public Task<int> ReviseRecommendationAsync(int id, int version, int number, string? text, string? reason, CancellationToken ct) =>
        writes.ChangeAsync(id, version, r => r.CanEdit, r => r.ReviseRecommendation(number, text, reason), ct);

    public Task<int> WithdrawRecommendationAsync(int id, int version, int number, CancellationToken ct) =>
        writes.ChangeAsync(id, version, r => r.CanEdit, r => r.WithdrawRecommendation(number), ct);
}
