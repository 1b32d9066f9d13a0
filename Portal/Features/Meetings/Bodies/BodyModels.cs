using Portal.Components.Shared;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Bodies;

/// <summary>Published after a body, its cadence or its members change.</summary>
public sealed record BodyChanged(int BodyId);

public sealed record BodySummary(
    int Id, string Name, string? ShortName, string Slug, BodyKind Kind, Regime Regime, bool IsPublic, CadenceRule? Cadence, MeetingRow? Next);

/// <param name="PostId">The establishment post the seat belongs to, if it follows a post.</param>
public sealed record BodyMemberView(int Id, int? PersonId, string? Name, string? Post, MemberRole Role, int? PostId = null, string? Responsibilities = null)
{
    /// <summary>Whether the member is a councillor with a page of their own (<c>/councillors/{PersonId}</c>).</summary>
    public bool IsCouncillor { get; init; }
}

public sealed record BodyDetails(
    int Id,
    int Version,
    string Name,
    string? ShortName,
    string Slug,
    BodyKind Kind,
    Regime Regime,
    bool IsPublic,
    string? Remit,
    string? ReportsTo,
    IReadOnlyList<BodyMemberView> Members,
    CadenceRule? Cadence,
    int? CadenceVersion,
    IReadOnlyList<MeetingRow> Upcoming,
    bool CanAdminister,
    bool CanKeepRecord,
    IReadOnlyList<NamedItem> People,
    IReadOnlyList<NamedItem> Posts)
{
    /// <summary>The colour an administrator chose for its meetings in the calendar, or null for the one it has by default (<see cref="BodyColours.Default"/>).</summary>
    public BodyColour? Colour { get; init; }
}

/// <param name="Colour">Its colour in the calendar, chosen from the palette; null, the one it has by default.</param>
public sealed record BodyEdit(string Name, string? ShortName, BodyKind Kind, Regime Regime, string? Remit, string? ReportsTo, bool IsPublic, int Version = 0, BodyColour? Colour = null);

public sealed record CadenceEdit(
    CadenceKind Kind, DayOfWeek? Weekday, int? WeekOfMonth, int? DayOfMonth, DateOnly? FirstDate, DateOnly? LastDate,
    TimeOnly? StartTime, TimeOnly? EndTime, string? Venue, HolidayRule Holidays, int Version = 0);

public sealed record MeetingSettingsView(Country Country, int AgendaClearDays, int MonthsAhead, int Version, bool CanChange);
