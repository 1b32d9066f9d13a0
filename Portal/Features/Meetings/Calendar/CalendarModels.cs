using Portal.Components.Shared;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Calendar;

public sealed record MonthQuery(int Year, int Month, string? Body, bool Mine);

/// <param name="NextAfter">For a month with no meeting going ahead (none, or all cancelled), the first one after it, so the page still says when the next one is; otherwise null.</param>
/// <param name="Colours">Each body's colour, as its administrator chose or by default; a body not in it has its default.</param>
public sealed record MonthView(
    int Year, int Month, IReadOnlyList<MeetingRow> Meetings, IReadOnlyList<BodyChoice> Bodies, bool SignedIn, IReadOnlyDictionary<DateOnly, string> Holidays,
    MeetingRow? NextAfter, IReadOnlyDictionary<int, BodyColour>? Colours = null)
{
    public BodyColour ColourOf(int bodyId) => Colours is not null && Colours.TryGetValue(bodyId, out var colour) ? colour : BodyColours.Default(bodyId);
}

public sealed record BodyChoice(string Slug, string Name);

public sealed record MeetingTimeEdit(DateOnly? Date, TimeOnly? StartTime, TimeOnly? EndTime, string? Venue, int Version = 0);
