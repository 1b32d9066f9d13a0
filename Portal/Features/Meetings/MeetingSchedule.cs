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

    // A series date before today can be moved by the holiday rule to today or later (Christmas
    // and the Swedish eves move a meeting by up to five days): slots are read from this far back
    // and kept by the day they fall on.
    private const int LongestHolidayMove = 14;

    public static async Task<MeetingSettings> SettingsAsync(this PortalDbContext db, CancellationToken ct) =>
        await db.MeetingSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? MeetingSettings.CreateDefault(Country.England);

    /// <summary>Adds the meetings the cadence gives from <paramref name="today"/> to the horizon that are not there yet; returns how many.</summary>
    public static async Task<int> ExtendAsync(PortalDbContext db, Cadence cadence, MeetingSettings settings, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddMonths(settings.MonthsAhead);
        var slots = Coming(cadence, settings, today, horizon).ToList();
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
        var wanted = Coming(cadence, settings, today, horizon).ToDictionary(s => s.SeriesDate);
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

    /// <summary>The cadence's meetings that fall on or after <paramref name="today"/>, up to the horizon, wherever their series date lies.</summary>
    private static IEnumerable<CadenceSlot> Coming(Cadence cadence, MeetingSettings settings, DateOnly today, DateOnly horizon) =>
        cadence.Slots(today.AddDays(-LongestHolidayMove), horizon, settings.Holidays).Where(s => s.Date >= today);
}
