using Portal.Domain.Meetings;

namespace Portal.Domain.Members;

/// <summary>A seat a councillor held on a body, and when (null ends: from the start, or still held).</summary>
public sealed record SeatHeld(int BodyId, DateOnly? From, DateOnly? To)
{
    public bool Covers(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);
}

/// <summary>A meeting that took place (not cancelled, not still to come).</summary>
public sealed record MeetingHeld(int MeetingId, int BodyId, DateOnly Date);

/// <summary>What the record says of one councillor at one meeting.</summary>
public sealed record AttendanceMark(int MeetingId, AttendanceKind Kind);

/// <summary>One councillor's attendance at one body's meetings in one year.</summary>
/// <param name="BodyId">The body.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="Expected">Meetings held while they held a seat on the body.</param>
/// <param name="Present">Expected meetings they attended.</param>
/// <param name="Apologies">Expected meetings they sent apologies for.</param>
/// <param name="Absent">Expected meetings they missed without apologies.</param>
/// <param name="Substitute">Meetings they attended in another member's place (not expected of them).</param>
/// <param name="NotRecorded">Expected meetings whose record says nothing of them.</param>
public sealed record AttendanceTally(int BodyId, int Year, int Expected, int Present, int Apologies, int Absent, int Substitute, int NotRecorded)
{
    /// <summary>Present as a whole percentage of expected; null when nothing was expected.</summary>
    public int? PercentPresent => Expected == 0 ? null : (int)Math.Round(Present * 100m / Expected, MidpointRounding.AwayFromZero);

    public static AttendanceTally operator +(AttendanceTally a, AttendanceTally b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a with
        {
            Expected = a.Expected + b.Expected,
            Present = a.Present + b.Present,
            Apologies = a.Apologies + b.Apologies,
            Absent = a.Absent + b.Absent,
            Substitute = a.Substitute + b.Substitute,
            NotRecorded = a.NotRecorded + b.NotRecorded,
        };
    }
}

/// <summary>
/// A councillor's attendance, computed from the meetings' own attendance records: each meeting
/// held while they held a seat on its body is expected of them, and counts as present, apologies,
/// absent or not recorded as the record says; a meeting they attended without a seat on the body
/// counts as attended as a substitute. Counted per body and calendar year.
/// </summary>
public static class AttendanceRecord
{
    public static IReadOnlyList<AttendanceTally> Tally(IEnumerable<SeatHeld> seats, IEnumerable<MeetingHeld> meetings, IEnumerable<AttendanceMark> marks)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(marks);
        var seatsByBody = seats.ToLookup(s => s.BodyId);
        var byMeeting = new Dictionary<int, AttendanceKind>();
        foreach (var mark in marks)
        {
            byMeeting[mark.MeetingId] = mark.Kind;
        }

        var tallies = new Dictionary<(int Body, int Year), AttendanceTally>();
        foreach (var meeting in meetings)
        {
            var seated = seatsByBody[meeting.BodyId].Any(s => s.Covers(meeting.Date));
            AttendanceKind? kind = byMeeting.TryGetValue(meeting.MeetingId, out var k) ? k : null;
            var counted = Count(seated, kind);
            if (counted is null)
            {
                continue;
            }

            var key = (meeting.BodyId, meeting.Date.Year);
            var one = counted with { BodyId = meeting.BodyId, Year = meeting.Date.Year };
            tallies[key] = tallies.TryGetValue(key, out var sum) ? sum + one : one;
        }

        return tallies.Values.OrderBy(t => t.Year).ThenBy(t => t.BodyId).ToList();
    }

    /// <summary>Every body's tally for a year, or every year's for a body, summed into one.</summary>
    public static AttendanceTally Total(IEnumerable<AttendanceTally> tallies, int bodyId = 0, int year = 0)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return tallies.Aggregate(new AttendanceTally(bodyId, year, 0, 0, 0, 0, 0, 0), (sum, t) => sum + t with { BodyId = bodyId, Year = year });
    }

    private static AttendanceTally? Count(bool seated, AttendanceKind? kind)
    {
        if (!seated)
        {
            return kind is AttendanceKind.Present or AttendanceKind.Substitute ? One(substitute: 1) : null;
        }

        return kind switch
        {
            AttendanceKind.Present or AttendanceKind.Substitute => One(expected: 1, present: 1),
            AttendanceKind.Apologies => One(expected: 1, apologies: 1),
            AttendanceKind.Absent => One(expected: 1, absent: 1),
            _ => One(expected: 1, notRecorded: 1),
        };
    }

    private static AttendanceTally One(int expected = 0, int present = 0, int apologies = 0, int absent = 0, int substitute = 0, int notRecorded = 0) =>
        new(0, 0, expected, present, apologies, absent, substitute, notRecorded);
}
