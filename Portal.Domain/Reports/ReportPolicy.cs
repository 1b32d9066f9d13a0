namespace Portal.Domain.Reports;

/// <summary>What the app knows about the person looking at a report, in relation to it and its body.</summary>
public sealed record ReportViewer(
    int? PersonId,
    bool IsSignedIn,
    bool IsAdministrator,
    bool IsDirector,
    bool IsStaff,
    bool MaySeeBody,
    bool SitsOnBody,
    bool KeepsBodyRecord,
    bool IsProperOfficer = false);

/// <summary>What a viewer may do with one report.</summary>
public sealed record ReportRights(
    bool CanRead,
    bool SeesExempt,
    bool CanEdit,
    bool CanClear,
    bool CanPublish,
    bool CanDecide,
    bool CanAnswer,
    bool CanTakeNotes,
    bool CanRelease = false)
{
    public static ReportRights None { get; } = new(false, false, false, false, false, false, false, false);
}

/// <summary>
/// Who may do what with a report. A draft is read by its author, its chief officer, the body's
/// secretary and administrators; a published report by anyone who may see its body (a report to
/// no body by staff). Exempt content is for the body's members, the author, the chief officer,
/// the body's secretary, directors and administrators: everyone else gets the title and the
/// paragraph. The proper officer (the Monitoring Officer, or an administrator) reads it too, and
/// alone releases a published exempt report or keeps it exempt with a new review date. The
/// services ask here; nothing relies on a button being hidden.
/// </summary>
public static class ReportPolicy
{
    public static ReportRights For(Report report, ReportViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(viewer);
        var author = viewer.PersonId is int me && me == report.AuthorId;
        var chief = viewer.PersonId is int me2 && me2 == report.ChiefOfficerId;
        var officerForIt = author || chief || viewer.IsAdministrator || viewer.KeepsBodyRecord;
        var canRead = report.IsPublished
            ? (report.BodyId is null ? viewer.IsStaff || officerForIt : viewer.MaySeeBody || officerForIt)
            : officerForIt;
        if (!canRead)
        {
            return ReportRights.None;
        }

        var properOfficer = viewer.IsSignedIn && (viewer.IsProperOfficer || viewer.IsAdministrator);
        var seesExempt = officerForIt || viewer.IsDirector || viewer.SitsOnBody || properOfficer;
        var draft = report.Status == ReportStatus.Draft;
        return new ReportRights(
            CanRead: true,
            SeesExempt: seesExempt,
            CanEdit: draft && (author || viewer.IsAdministrator),
            CanClear: report.Status == ReportStatus.Submitted && (chief || viewer.IsAdministrator),
            CanPublish: report.Status == ReportStatus.Cleared && (viewer.KeepsBodyRecord || viewer.IsAdministrator),
            CanDecide: report.IsPublished && (viewer.KeepsBodyRecord || viewer.IsAdministrator),
            CanAnswer: author || chief || viewer.IsAdministrator,
            CanTakeNotes: viewer.IsSignedIn && viewer.PersonId is not null && report.IsReadableBy(new ReportReader(seesExempt)),
            CanRelease: properOfficer && report.IsPublished && report.IsExempt && viewer.PersonId is not null);
    }
}
