using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Bodies;

/// <summary>One person's attendance at a body's meetings, from the attendance recorded at each.</summary>
public sealed record MemberAttendance(int PersonId, string Name, int Present, int Apologies, int Absent)
{
    public int Recorded => Present + Apologies + Absent;
}

/// <summary>
/// How often each person attended a body's meetings (present, apologies, absent), counted from
/// the attendance recorded at its meetings, for the bar on the body's page. Whoever may see the
/// body may see it, as councils publish their members' attendance.
/// </summary>
public sealed class AttendanceService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access)
{
    /// <summary>Each person with any attendance recorded, most meetings first; null when the body is not there for the caller.</summary>
    public async Task<IReadOnlyList<MemberAttendance>?> ForBodyAsync(int bodyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null || !caller.CanSee(body))
        {
            return null;
        }

        var counts = await db.Attendance.AsNoTracking()
            .Join(db.Meetings.Where(m => m.BodyId == bodyId), a => a.MeetingId, m => m.Id, (a, m) => a)
            .GroupBy(a => new { a.PersonId, a.Kind })
            .Select(g => new { g.Key.PersonId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        var names = await db.PeopleNamesAsync(ct);
        return counts.GroupBy(c => c.PersonId)
            .Select(g => new MemberAttendance(
                g.Key, names.GetValueOrDefault(g.Key, "?"),
                g.Where(c => c.Kind == AttendanceKind.Present).Sum(c => c.Count),
                g.Where(c => c.Kind == AttendanceKind.Apologies).Sum(c => c.Count),
                g.Where(c => c.Kind == AttendanceKind.Absent).Sum(c => c.Count)))
            .OrderByDescending(m => m.Recorded).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
