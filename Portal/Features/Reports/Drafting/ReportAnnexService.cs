using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Reports.Drafting;

/// <summary>
/// A report's annexes: attaching one to a draft, removing it, and serving its file to a reader who may
/// see it (an exempt annex only to those who may read exempt content).
/// </summary>
public sealed class ReportAnnexService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ReportWrites writes, ChangeFeed changes)
{
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
        var saved = await writes.ChangeAsync(db, caller, id, version, r => r.CanEdit, r =>
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
        return await writes.ChangeAsync(db, caller, id, version, r => r.CanEdit, r =>
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

        var bodies = await ReportAccess.BodiesAsync(db, ct);
        var rights = ReportAccess.Rights(report, caller, ReportAccess.Body(bodies, report.BodyId));
        if (!rights.CanRead || ((report.IsExempt || annex.IsExempt) && !rights.SeesExempt))
        {
            return null;
        }

        var bytes = await db.AnnexContents.AsNoTracking().Where(c => c.AnnexId == annexId).Select(c => c.Bytes).SingleAsync(ct);
        return new AnnexFile(annex.FileName, annex.ContentType, bytes);
    }
}
