using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Features.Plans; // a decision links to the plan actions it creates or changes, shown as the plan allows
using Portal.Features.Reports.Decisions;
using Portal.Infrastructure.Time;

namespace Portal.Features.Reports.Reading;

/// <summary>
/// Reports as each reader may see them: the list, one report, and a meeting's agenda pack. Every
/// read goes through <see cref="ReportPolicy"/>, so exempt content is left out of what is returned
/// to anyone who may not see it.
/// </summary>
public sealed class ReportReadingService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, PlanAccess plans, TimeProvider clock)
{
    public const int ListLimit = 200;

    public async Task<ReportList> ListAsync(ReportQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = await ReportAccess.BodiesAsync(db, ct);
        var names = await db.PeopleNamesAsync(ct);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => query.Status == null || r.Status == query.Status)
            .Where(r => !query.Mine || r.AuthorId == caller.PersonId || r.ChiefOfficerId == caller.PersonId)
            .ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => reports.Select(r => r.MeetingId).Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.Date, ct);
        var visible = reports
            .Where(r => ReportAccess.Rights(r, caller, ReportAccess.Body(bodies, r.BodyId)).CanRead)
            .Select(r => new ReportRow(
                r.Id, r.Reference, r.Title, r.Status, names.GetValueOrDefault(r.AuthorId, "?"),
                r.MeetingId is int m && meetings.TryGetValue(m, out var date) ? date : null, r.MeetingId, ReportAccess.Body(bodies, r.BodyId)?.Name,
                r.IsExempt, r.ExemptParagraph, r.IsLate, r.AuthorId == caller.PersonId))
            .OrderByDescending(r => r.MeetingDate ?? DateOnly.MaxValue).ThenBy(r => r.Reference)
            .ToList();
        return new ReportList(visible.Take(ListLimit).ToList(), visible.Count, caller.IsStaff, caller.IsProperOfficer);
    }

    /// <summary>One report as the caller may see it, or null when it does not exist for them.</summary>
    public async Task<ReportView?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var report = await ReportAccess.Full(db.Reports.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var views = await ViewsAsync(db, caller, [report], ct);
        return views.SingleOrDefault();
    }

    /// <summary>A meeting's agenda pack: its items in order, each with its published report as the caller may see it.</summary>
    public async Task<AgendaPack?> PackAsync(int meetingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        Meeting meeting;
        Body body;
        try
        {
            (meeting, body) = await db.MeetingAsync(meetingId, caller, tracked: false, ct);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }

        var reports = await ReportAccess.Full(db.Reports.AsNoTracking())
            .Where(r => r.MeetingId == meetingId && r.Status == ReportStatus.Published)
            .ToListAsync(ct);
        var views = (await ViewsAsync(db, caller, reports, ct)).ToDictionary(v => v.Id);
        var byItem = reports.Where(r => r.AgendaItemId is not null).ToDictionary(r => r.AgendaItemId!.Value, r => views[r.Id]);
        var items = meeting.Items.OrderBy(i => i.Number)
            .Select(i => new PackItem(i.Number, i.Title, i.IsPrivate, byItem.GetValueOrDefault(i.Id)))
            .ToList();
        var number = items.Count;
        items.AddRange(reports.Where(r => r.AgendaItemId is null).Select(r => new PackItem(++number, r.Title, r.IsExempt, views[r.Id])));
        return new AgendaPack(new MeetingRef(meeting.Id, meeting.Date, body.Name, body.Slug), meeting.Venue, meeting.StartTime, body.IsPublic, items, caller.IsSignedIn);
    }
    /// <summary>Builds what each report shows to <paramref name="caller"/>, leaving out what they may not see.</summary>
    private async Task<List<ReportView>> ViewsAsync(PortalDbContext db, MeetingCaller caller, IReadOnlyList<Report> reports, CancellationToken ct)
    {
        var bodies = await ReportAccess.BodiesAsync(db, ct);
        var readable = reports.Select(r => (Report: r, Rights: ReportAccess.Rights(r, caller, ReportAccess.Body(bodies, r.BodyId)))).Where(x => x.Rights.CanRead).ToList();
        if (readable.Count == 0)
        {
            return [];
        }

        var ids = readable.Select(x => x.Report.Id).ToList();
        var names = await db.PeopleNamesAsync(ct);
        var meetingIds = readable.Select(x => x.Report.MeetingId).OfType<int>().Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var settings = await db.SettingsAsync(ct);
        var annexes = (await db.Annexes.AsNoTracking().Where(a => ids.Contains(a.ReportId)).OrderBy(a => a.Number).ToListAsync(ct)).ToLookup(a => a.ReportId);
        var decisions = (await db.Decisions.AsNoTracking().Include(d => d.Links).Include(d => d.Dispensations).Include(d => d.Requests).AsSplitQuery()
            .Where(d => ids.Contains(d.ReportId)).ToListAsync(ct)).ToDictionary(d => d.RecommendationId);
        var callIns = await MeetingCallIn.MeetingCallInAccess.ViewsAsync(db, caller, decisions.Values, clock.Today(), ct);
        var links = await DecisionLinks.ReadAsync(db, await DecisionLinks.ReaderAsync(plans, caller, ct), decisions.Values.SelectMany(d => d.Links).Select(l => (l.Target, l.TargetId)), ct);
        var votes = await DecisionVotes.ReadAsync(db, decisions.Values, ct);
        var entryIds = readable.Select(x => x.Report.ForwardPlanEntryId).OfType<int>().ToList();
        var entries = await db.ForwardPlan.AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var me = caller.PersonId;
        var readings = me is int person
            ? await db.ReadingNotes.AsNoTracking().Where(n => n.PersonId == person && ids.Contains(n.ReportId)).ToDictionaryAsync(n => n.ReportId, ct)
            : [];
        var questions = (await db.ReportQuestions.AsNoTracking().Where(q => ids.Contains(q.ReportId)).OrderBy(q => q.AskedAt).ToListAsync(ct)).ToLookup(q => q.ReportId);

        return readable.Select(x =>
        {
            var (r, rights) = x;
            var withheld = !r.IsReadableBy(new ReportReader(rights.SeesExempt));
            var meeting = r.MeetingId is int m && meetings.TryGetValue(m, out var found) ? found : null;
            var body = ReportAccess.Body(bodies, r.BodyId);
            DecisionView? Decided(Recommendation recommendation) => decisions.TryGetValue(recommendation.Id, out var d)
                ? new DecisionView(
                    d.Id, d.Version, d.Outcome, d.DecidedOn,
                    withheld ? null : d.Wording, withheld ? null : d.Reasons, withheld ? null : d.AlternativesRejected, withheld ? null : d.InterestsDeclared,
                    links.Shown(d, withheld), links.Hidden(d, withheld),
                    withheld ? [] : d.Dispensations.OrderBy(x => x.GrantedOn).ThenBy(x => x.Id).Select(DispensationView.Of).ToList(),
                    DecisionVotes.Of(votes, d, withheld), callIns(d, rights, withheld))
                : null;
            var mayAnswer = rights.CanAnswer;
            return new ReportView(
                r.Id, r.Version, r.Reference, r.Title, r.Status, r.AuthorId, names.GetValueOrDefault(r.AuthorId, "?"),
                r.ChiefOfficerId, r.ChiefOfficerId is int c ? names.GetValueOrDefault(c) : null,
                meeting is null || body is null ? null : new MeetingRef(meeting.Id, meeting.Date, body.Name, body.Slug),
                r.AgendaItemId, r.SubmittedOn, r.ClearedOn, r.PublishedOn, r.IsLate, r.LateReason,
                meeting is null || body is null ? null : MeetingQueries.AgendaDeadline(body, meeting, settings),
                r.AllWards, r.Wards, r.IsKeyDecision,
                r.ForwardPlanEntryId is int e && entries.TryGetValue(e, out var entry) ? new ForwardPlanRef(entry.Id, entry.Title, entry.DecisionDue) : null,
                r.IsExempt, r.ExemptParagraph, withheld ? null : r.PublicInterestReason, r.ReleaseOn, withheld,
                withheld ? null : r.ContactDetails, withheld ? null : r.BackgroundPapers,
                withheld ? [] : r.Sections.OrderBy(s => s.Kind).Select(s => new SectionView(s.Kind, s.Text)).ToList(),
                r.Recommendations.OrderBy(c => c.Number)
                    .Select(c => new RecommendationView(c.Id, c.Number, withheld ? null : c.Text, withheld ? null : c.Reason, Decided(c))).ToList(),
                withheld
                    ? []
                    : annexes[r.Id].Select(a => new AnnexView(a.Id, a.Letter, a.Title, a.FileName, a.Size, a.IsExempt, a.ExemptParagraph, a.IsExempt && !rights.SeesExempt)).ToList(),
                rights.CanEdit || r.Status == ReportStatus.Submitted && rights.CanClear ? r.Check() : [],
                rights,
                rights.CanTakeNotes && readings.TryGetValue(r.Id, out var n) ? new ReadingView(n.ReadAt is not null, n.ReadAt, n.Note, n.Version)
                    : rights.CanTakeNotes ? new ReadingView(false, null, null, 0) : null,
                withheld
                    ? []
                    : questions[r.Id].Where(q => mayAnswer || q.AskedById == me)
                        .Select(q => new QuestionView(
                            q.Id, q.Version, names.GetValueOrDefault(q.AskedById, "?"), q.AskedById == me, q.AskedAt, q.Text, q.Answer,
                            q.AnsweredById is int a ? names.GetValueOrDefault(a) : null, q.AnsweredAt)).ToList())
            {
                ReleasedOn = r.ReleasedOn,
                ReviewedOn = withheld ? null : r.ReviewedOn,
                ReviewReason = withheld ? null : r.ReviewReason,
            };
        }).ToList();
    }
}
