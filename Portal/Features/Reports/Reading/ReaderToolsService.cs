using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Features.Notifications.Outbox; // the member who asked hears that their question was answered
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Reports.Reading;

/// <summary>
/// What a member does with a report before the meeting: marks it read, keeps a private note, asks
/// a question, and (for those who may) answers one, telling the member who asked (that it was
/// answered and where, never the answer). Each checks that the caller may read the report.
/// </summary>
public sealed class ReaderToolsService(
    IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, NotificationWriter notifications, ChangeFeed changes, TimeProvider clock)
{
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
        ReportAccess.Demand(rights, r => r.CanTakeNotes, "AskAboutReport");
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
        ReportAccess.Demand(rights, r => r.CanAnswer, "AnswerReportQuestion");
        var question = await db.ReportQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.ReportId == id, ct)
            ?? throw new KeyNotFoundException($"No question {questionId}.");
        await db.ExpectVersionAsync(question, version, ct);
        question.AnswerWith(caller.PersonId!.Value, answer, clock.GetUtcNow().UtcDateTime);
        await notifications.AddAsync(db, NotificationKind.QuestionAnswered, [question.AskedById], NotificationAbout.Report(report), ct);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        return question.Version;
    }

    private async Task<int> ReadingAsync(int id, int? version, Action<ReadingNote> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var (report, rights) = await ReadableAsync(db, caller, id, ct);
        ReportAccess.Demand(rights, r => r.CanTakeNotes, "TakeReportNotes");
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
        var rights = ReportAccess.Rights(report, caller, ReportAccess.Body(await ReportAccess.BodiesAsync(db, ct), report.BodyId));
        if (!rights.CanRead)
        {
            throw new KeyNotFoundException($"No report {id}.");
        }

        return (report, rights);
    }
}
