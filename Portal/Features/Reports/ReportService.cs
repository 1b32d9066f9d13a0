using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Time;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings;
using Portal.Features.Plans; // a decision links to the plan actions it creates or changes, shown as the plan allows
using Portal.Features.Search;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Reports;

/// <summary>
/// Reports: drafting in the template, the check, clearing and publishing, annexes, and what a
/// member does with a report before the meeting (read marks, private notes, questions). Every
/// read goes through <see cref="ReportPolicy"/>, so exempt content is left out of what is
/// returned to anyone who may not see it, and every write checks rights and the version.
/// </summary>
public sealed class ReportService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, PlanAccess plans, ChangeFeed changes, TimeProvider clock)
{
    public const int ListLimit = 200;

    public async Task<ReportList> ListAsync(ReportQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = await BodiesAsync(db, ct);
        var names = await db.PeopleNamesAsync(ct);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => query.Status == null || r.Status == query.Status)
            .Where(r => !query.Mine || r.AuthorId == caller.PersonId || r.ChiefOfficerId == caller.PersonId)
            .ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => reports.Select(r => r.MeetingId).Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.Date, ct);
        var visible = reports
            .Where(r => Rights(r, caller, Body(bodies, r.BodyId)).CanRead)
            .Select(r => new ReportRow(
                r.Id, r.Reference, r.Title, r.Status, names.GetValueOrDefault(r.AuthorId, "?"),
                r.MeetingId is int m && meetings.TryGetValue(m, out var date) ? date : null, r.MeetingId, Body(bodies, r.BodyId)?.Name,
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
        var report = await Full(db.Reports.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, ct);
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

        var reports = await Full(db.Reports.AsNoTracking())
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
        var report = await FindForChangeAsync(db, caller, id, r => r.CanEdit, ct);
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

        return await SaveChangeAsync(db, report, edit.Version, r =>
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
        ChangeAsync(id, version, r => r.CanEdit, r => r.WriteSection(kind, text), ct);

    /// <summary>Saves several sections at once, as the draft form sends them.</summary>
    public Task<int> WriteSectionsAsync(int id, int version, IReadOnlyDictionary<SectionKind, string?> sections, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return ChangeAsync(id, version, r => r.CanEdit, r =>
        {
            foreach (var (kind, text) in sections)
            {
                r.WriteSection(kind, text);
            }
        }, ct);
    }

    public Task<int> RecommendAsync(int id, int version, string? text, string? reason, CancellationToken ct) =>
        ChangeAsync(id, version, r => r.CanEdit, r => r.Recommend(text, reason), ct);

    public Task<int> ReviseRecommendationAsync(int id, int version, int number, string? text, string? reason, CancellationToken ct) =>
        ChangeAsync(id, version, r => r.CanEdit, r => r.ReviseRecommendation(number, text, reason), ct);

    public Task<int> WithdrawRecommendationAsync(int id, int version, int number, CancellationToken ct) =>
        ChangeAsync(id, version, r => r.CanEdit, r => r.WithdrawRecommendation(number), ct);

    public Task<int> SubmitAsync(int id, int version, CancellationToken ct) =>
        ChangeAsync(id, version, r => r.CanEdit, r => r.Submit(clock.Today()), ct);

    public Task<int> ReturnToDraftAsync(int id, int version, CancellationToken ct) =>
        ChangeAsync(id, version, r => r.CanClear, r => r.ReturnToDraft(), ct);

    public async Task<int> ClearAsync(int id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        return await ChangeAsync(db, caller, id, version, r => r.CanClear, r => r.Clear(caller.PersonId ?? r.ChiefOfficerId!.Value, clock.Today()), ct);
    }

    /// <summary>
    /// Publishes a cleared report with its meeting's agenda, putting it on the agenda (in private
    /// if it is exempt) when it has no item yet, and files it for search: all in one transaction.
    /// An exempt report published on an existing item takes that item in private (audited as a
    /// change to the item), so its notes, declarations and actions are withheld like the report,
    /// and the meeting's minutes are filed for search again without them.
    /// </summary>
    public async Task<int> PublishAsync(int id, int version, string? lateReason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var settings = await db.SettingsAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var report = await Full(db.Reports).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException($"No report {id}.");
        var bodies = await BodiesAsync(db, ct);
        Demand(Rights(report, caller, Body(bodies, report.BodyId)), r => r.CanPublish, "PublishReport");
        await db.ExpectVersionAsync(report, version, ct);
        if (report.MeetingId is not int meetingId)
        {
            throw new DomainRuleException("Report.MeetingRequired", "Choose the meeting before its agenda item.", nameof(Report.MeetingId));
        }

        var meeting = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.Id == meetingId, ct);
        var body = bodies[meeting.BodyId];
        report.Publish(clock.Today(), MeetingQueries.AgendaDeadline(body, meeting, settings), lateReason);
        AgendaItem? item = null;
        if (report.AgendaItemId is null)
        {
            var names = await db.PeopleNamesAsync(ct);
            item = meeting.AddItem(report.Title, names.GetValueOrDefault(report.AuthorId), null, report.IsExempt);
        }
        else if (report.IsExempt && meeting.Items.SingleOrDefault(i => i.Id == report.AgendaItemId) is { IsPrivate: false } open)
        {
            open.TakeInPrivate();
        }

        await db.SaveChangesAsync(ct);
        if (item is not null)
        {
            report.TakeAgendaItem(item.Id);
            await db.SaveChangesAsync(ct);
        }

        await SearchIndex.ReportAsync(db, report, ct);
        await SearchIndex.MeetingAsync(db, meeting, body, ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
        return report.Version;
    }

    /// <summary>Attaches an annex to a draft after checking its size, its type against its bytes, and its name.</summary>
    public async Task<int> AttachAnnexAsync(int id, int version, string? title, string? fileName, long length, Stream content, int? exemptParagraph, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        AnnexFiles.CheckSize(length);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        AnnexFiles.CheckSize(buffer.Length);
        var bytes = buffer.ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var next = await db.Annexes.Where(a => a.ReportId == id).Select(a => (int?)a.Number).MaxAsync(ct) ?? 0;
        Annex? annex = null;
        var saved = await ChangeAsync(db, caller, id, version, r => r.CanEdit, r =>
        {
            annex = Annex.Attach(r, next + 1, title, fileName, bytes, exemptParagraph);
            db.Annexes.Add(annex);
        }, ct, publish: false);
        db.AnnexContents.Add(AnnexContent.For(annex!, bytes));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ReportChanged(id, null));
        return saved;
    }

    public async Task<int> RemoveAnnexAsync(int id, int version, int annexId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        return await ChangeAsync(db, caller, id, version, r => r.CanEdit, r =>
        {
            var annex = db.Annexes.SingleOrDefault(a => a.Id == annexId && a.ReportId == id)
                ?? throw new DomainRuleException("Annex.Gone", "That annex is no longer attached.", "File");
            db.Annexes.Remove(annex);
        }, ct);
    }

    /// <summary>An annex's file for the caller, or null when it does not exist for them or is exempt and they may not see it.</summary>
    public async Task<AnnexFile?> AnnexFileAsync(int reportId, int annexId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
        var annex = await db.Annexes.AsNoTracking().SingleOrDefaultAsync(a => a.Id == annexId && a.ReportId == reportId, ct);
        if (report is null || annex is null)
        {
            return null;
        }

        var bodies = await BodiesAsync(db, ct);
        var rights = Rights(report, caller, Body(bodies, report.BodyId));
        if (!rights.CanRead || ((report.IsExempt || annex.IsExempt) && !rights.SeesExempt))
        {
            return null;
        }

        var bytes = await db.AnnexContents.AsNoTracking().Where(c => c.AnnexId == annexId).Select(c => c.Bytes).SingleAsync(ct);
        return new AnnexFile(annex.FileName, annex.ContentType, bytes);
    }

    public Task MarkReadAsync(int id, bool read, CancellationToken ct) =>
        ReadingAsync(id, null, n => n.MarkRead(read, clock.GetUtcNow().UtcDateTime), ct);

    /// <summary>Saves the caller's private note on a report; only they ever get it back.</summary>
    public Task<int> SaveNoteAsync(int id, int? version, string? note, CancellationToken ct) =>
        ReadingAsync(id, version, n => n.Write(note), ct);

    public async Task<int> AskAsync(int id, string? question, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var (report, rights) = await ReadableAsync(db, caller, id, ct);
        Demand(rights, r => r.CanTakeNotes, "AskAboutReport");
        var asked = ReportQuestion.Ask(report.Id, caller.PersonId!.Value, question, clock.GetUtcNow().UtcDateTime);
        db.ReportQuestions.Add(asked);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        return asked.Id;
    }

    public async Task<int> AnswerAsync(int id, int questionId, int version, string? answer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var (report, rights) = await ReadableAsync(db, caller, id, ct);
        Demand(rights, r => r.CanAnswer, "AnswerReportQuestion");
        var question = await db.ReportQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.ReportId == id, ct)
            ?? throw new KeyNotFoundException($"No question {questionId}.");
        await db.ExpectVersionAsync(question, version, ct);
        question.AnswerWith(caller.PersonId!.Value, answer, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        return question.Version;
    }

    private async Task<int> ReadingAsync(int id, int? version, Action<ReadingNote> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var (report, rights) = await ReadableAsync(db, caller, id, ct);
        Demand(rights, r => r.CanTakeNotes, "TakeReportNotes");
        var me = caller.PersonId!.Value;
        var note = await db.ReadingNotes.SingleOrDefaultAsync(n => n.ReportId == report.Id && n.PersonId == me, ct);
        if (note is null)
        {
            note = ReadingNote.For(report.Id, me);
            db.ReadingNotes.Add(note);
        }
        else if (version is int expected)
        {
            await db.ExpectVersionAsync(note, expected, ct);
        }

        change(note);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ReadingChanged(report.Id, me));
        return note.Version;
    }

    private async Task<(Report Report, ReportRights Rights)> ReadableAsync(PortalDbContext db, MeetingCaller caller, int id, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException($"No report {id}.");
        var rights = Rights(report, caller, Body(await BodiesAsync(db, ct), report.BodyId));
        if (!rights.CanRead)
        {
            throw new KeyNotFoundException($"No report {id}.");
        }

        return (report, rights);
    }

    private async Task<int> ChangeAsync(int id, int version, Func<ReportRights, bool> allowed, Action<Report> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        return await ChangeAsync(db, caller, id, version, allowed, change, ct);
    }

    /// <summary>
    /// The one path every draft or submitted report's write takes: find, check rights, check the version,
    /// change, save, tell. None of them publishes, so none touches the search index (PublishAsync does).
    /// </summary>
    private async Task<int> ChangeAsync(
        PortalDbContext db, MeetingCaller caller, int id, int version, Func<ReportRights, bool> allowed, Action<Report> change, CancellationToken ct, bool publish = true) =>
        await SaveChangeAsync(db, await FindForChangeAsync(db, caller, id, allowed, ct), version, change, ct, publish);

    /// <summary>The first half of <see cref="ChangeAsync(PortalDbContext, MeetingCaller, int, int, Func{ReportRights, bool}, Action{Report}, CancellationToken, bool)"/>: the report, tracked, once the caller is known to be allowed.</summary>
    private static async Task<Report> FindForChangeAsync(PortalDbContext db, MeetingCaller caller, int id, Func<ReportRights, bool> allowed, CancellationToken ct)
    {
        var report = await Full(db.Reports).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException($"No report {id}.");
        Demand(Rights(report, caller, Body(await BodiesAsync(db, ct), report.BodyId)), allowed, "ChangeReport");
        return report;
    }

    /// <summary>The second half: the version checked, the change made, saved and told.</summary>
    private async Task<int> SaveChangeAsync(PortalDbContext db, Report report, int version, Action<Report> change, CancellationToken ct, bool publish = true)
    {
        await db.ExpectVersionAsync(report, version, ct);
        change(report);

        // A change to a section, recommendation or annex is a change to the report: its version rises, so a stale editor is refused.
        db.Entry(report).Property(r => r.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        if (publish)
        {
            changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        }

        return report.Version;
    }

    private static void Demand(ReportRights rights, Func<ReportRights, bool> allowed, string what)
    {
        if (!rights.CanRead)
        {
            throw new KeyNotFoundException("No such report.");
        }

        if (!allowed(rights))
        {
            throw new AccessDeniedException(what);
        }
    }

    internal static IQueryable<Report> Full(IQueryable<Report> reports) =>
        reports.Include(r => r.Sections).Include(r => r.Recommendations).AsSplitQuery();

    internal static async Task<Dictionary<int, Body>> BodiesAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Bodies.AsNoTracking().Include(b => b.Members).ToDictionaryAsync(b => b.Id, ct);

    internal static Body? Body(Dictionary<int, Body> bodies, int? id) => id is int b ? bodies.GetValueOrDefault(b) : null;

    internal static ReportRights Rights(Report report, MeetingCaller caller, Body? body) =>
        ReportPolicy.For(report, new ReportViewer(
            caller.PersonId, caller.IsSignedIn, caller.IsAdministrator, caller.IsDirector, caller.IsStaff,
            body is not null && caller.CanSee(body), body is not null && caller.SitsOn(body), body is not null && caller.CanKeepRecord(body), caller.IsProperOfficer));

    /// <summary>Builds what each report shows to <paramref name="caller"/>, leaving out what they may not see.</summary>
    private async Task<List<ReportView>> ViewsAsync(PortalDbContext db, MeetingCaller caller, IReadOnlyList<Report> reports, CancellationToken ct)
    {
        var bodies = await BodiesAsync(db, ct);
        var readable = reports.Select(r => (Report: r, Rights: Rights(r, caller, Body(bodies, r.BodyId)))).Where(x => x.Rights.CanRead).ToList();
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
        var decisions = (await db.Decisions.AsNoTracking().Include(d => d.Links).Include(d => d.Dispensations).AsSplitQuery()
            .Where(d => ids.Contains(d.ReportId)).ToListAsync(ct)).ToDictionary(d => d.RecommendationId);
        var links = await DecisionLinks.ReadAsync(db, await DecisionLinks.ReaderAsync(plans, caller, ct), decisions.Values.SelectMany(d => d.Links).Select(l => (l.Target, l.TargetId)), ct);
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
            var body = Body(bodies, r.BodyId);
            DecisionView? Decided(Recommendation recommendation) => decisions.TryGetValue(recommendation.Id, out var d)
                ? new DecisionView(
                    d.Id, d.Version, d.Outcome, d.DecidedOn,
                    withheld ? null : d.Wording, withheld ? null : d.Reasons, withheld ? null : d.AlternativesRejected, withheld ? null : d.InterestsDeclared,
                    links.Shown(d, withheld), links.Hidden(d, withheld),
                    withheld ? [] : d.Dispensations.OrderBy(x => x.GrantedOn).ThenBy(x => x.Id).Select(DispensationView.Of).ToList())
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

/// <summary>Told only to the reader's own pages: their read mark or note changed.</summary>
public sealed record ReadingChanged(int ReportId, int PersonId);
