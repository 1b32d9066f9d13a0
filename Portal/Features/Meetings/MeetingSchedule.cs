using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings;

/// <summary>
/// Keeps each body's calendar filled from its cadence some months ahead. A generated meeting is
/// found again by its series date, so running this twice adds nothing, and a meeting someone
/// cancelled, moved or gave an agenda stays exactly as they left it.
/// </summary>
internal static class MeetingSchedule
{
    public const string CadenceChangedReason = "The body's regular meeting pattern changed.";

    public static async Task<MeetingSettings> SettingsAsync(this PortalDbContext db, CancellationToken ct) =>
        await db.MeetingSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? MeetingSettings.CreateDefault(Country.England);

    /// <summary>Adds the meetings the cadence gives from <paramref name="today"/> to the horizon that are not there yet; returns how many.</summary>
    public static async Task<int> ExtendAsync(PortalDbContext db, Cadence cadence, MeetingSettings settings, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddMonths(settings.MonthsAhead);
        var slots = cadence.Slots(today, horizon, settings.Holidays).ToList();
        if (slots.Count == 0)
        {
            return 0;
        }

        var first = slots[0].SeriesDate;
        var known = (await db.Meetings.Where(m => m.BodyId == cadence.BodyId && m.SeriesDate >= first)
            .Select(m => m.SeriesDate).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var slot in slots.Where(s => !known.Contains(s.SeriesDate)))
        {
            db.Meetings.Add(Meeting.Schedule(cadence.BodyId, slot.Date, cadence.StartTime, cadence.EndTime, cadence.Venue, slot.SeriesDate));
            added++;
        }

        return added;
    }

    /// <summary>
    /// After a cadence changes: untouched future meetings it still gives follow its new time and
    /// venue; those it no longer gives are cancelled (so subscribed calendars hear of it), then
    /// the new pattern is filled in.
    /// </summary>
    public static async Task RealignAsync(PortalDbContext db, Cadence cadence, MeetingSettings settings, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddMonths(settings.MonthsAhead);
        var wanted = cadence.Slots(today, horizon, settings.Holidays).ToDictionary(s => s.SeriesDate);
        var future = await db.Meetings.Include(m => m.Items)
            .Where(m => m.BodyId == cadence.BodyId && m.SeriesDate != null && m.Date >= today && m.Status == MeetingStatus.Scheduled)
            .ToListAsync(ct);
        foreach (var meeting in future.Where(m => m.Items.Count == 0 && m.AgendaPublishedOn is null))
        {
            if (wanted.TryGetValue(meeting.SeriesDate!.Value, out var slot) && slot.Date == meeting.Date)
            {
                meeting.FollowCadence(cadence.StartTime, cadence.EndTime, cadence.Venue);
            }
            else
            {
                meeting.Cancel(CadenceChangedReason);
            }
        }

        await ExtendAsync(db, cadence, settings, today, ct);
    }
}
