using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings;

/// <summary>Reads the meeting services share.</summary>
internal static class MeetingQueries
{
    public static MeetingRow Row(Meeting meeting, Body body, MeetingCaller caller) =>
        new(meeting.Id, body.Id, body.Name, body.Slug, meeting.Date, meeting.StartTime, meeting.EndTime, meeting.Venue, meeting.Status, caller.SitsOn(body));

    /// <summary>The meeting with its body, or <see cref="KeyNotFoundException"/> when either is missing or the caller may not see it.</summary>
    public static async Task<(Meeting Meeting, Body Body)> MeetingAsync(this PortalDbContext db, int id, MeetingCaller caller, bool tracked, CancellationToken ct)
    {
        IQueryable<Meeting> meetings = db.Meetings.Include(m => m.Items).ThenInclude(i => i.Declarations).Include(m => m.Attendance).AsSplitQuery();
        if (!tracked)
        {
            meetings = meetings.AsNoTracking();
        }

        var meeting = await meetings.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new KeyNotFoundException($"No meeting {id}.");
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleAsync(b => b.Id == meeting.BodyId, ct);
        caller.DemandSee(body);
        return (meeting, body);
    }

    /// <summary>The publication deadline for an English statutory meeting; null for other regimes.</summary>
    public static DateOnly? AgendaDeadline(Body body, Meeting meeting, MeetingSettings settings) =>
        body.Regime == Regime.England ? ClearDays.PublicationDeadline(meeting.Date, settings.AgendaClearDays, settings.Holidays) : null;
}
