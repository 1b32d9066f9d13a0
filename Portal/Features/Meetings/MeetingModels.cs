using Portal.Components.Shared;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings;

/// <summary>Published after anything on a meeting changes: its time, status, agenda, notes, attendance or actions.</summary>
public sealed record MeetingChanged(int MeetingId, int BodyId);

/// <summary>One meeting as a calendar line.</summary>
public sealed record MeetingRow(
    int Id, int BodyId, string BodyName, string BodySlug, DateOnly Date, TimeOnly Start, TimeOnly End, string? Venue, MeetingStatus Status, bool IsMine);

/// <param name="RegisterOf">The councillor whose published register of interests the declaration can be read beside, if any.</param>
public sealed record DeclarationView(string Name, string Interest, int? RegisterOf = null);

/// <summary>An agenda item as the reader may see it: a private item's notes are withheld from those without access.</summary>
public sealed record AgendaItemView(
    int Id, int Version, int Number, string Title, string? Presenter, int? MinutesAllowed, bool IsPrivate, bool NotesWithheld, string? Notes,
    bool IsCarried, IReadOnlyList<DeclarationView> Declarations);

public sealed record AttendanceView(int PersonId, string Name, MemberRole? Role, AttendanceKind? Kind);

public sealed record AgreedActionView(int Id, string Text, string Owner, DateOnly DueDate, DateOnly? CompletedOn, bool IsOverdue, int MeetingId, DateOnly AgreedOn, string? ItemTitle);

/// <summary>The statutory clock for an English meeting: when the agenda must be published, and whether it was.</summary>
public sealed record AgendaClock(int ClearDays, DateOnly Deadline, DateOnly? PublishedOn, bool IsLate, string? LateReason, bool IsOverdue);

public sealed record RecordView(
    RecordStatus Status, NamedMeeting? ApprovedAt, string? Signatories, DateOnly? RecordDate, DateOnly? PostedOn, ProtokollDeadlines? Protokoll,
    IReadOnlyList<NamedMeeting> LaterMeetings);

public sealed record NamedMeeting(int Id, DateOnly Date);

public sealed record MeetingDetails(
    int Id,
    int Version,
    int BodyId,
    string BodyName,
    string BodySlug,
    Regime Regime,
    BodyKind Kind,
    bool BodyIsPublic,
    string? ReportsTo,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string? Venue,
    MeetingStatus Status,
    string? CancelReason,
    DateOnly? MovedFrom,
    int Sequence,
    AgendaClock? Clock,
    DateOnly? AgendaPublishedOn,
    IReadOnlyList<AgendaItemView> Items,
    IReadOnlyList<AttendanceView> Attendance,
    IReadOnlyList<AgreedActionView> CarriedActions,
    IReadOnlyList<AgreedActionView> AgreedHere,
    RecordView Record,
    NamedMeeting? Previous,
    IReadOnlyList<AgendaItemView> PreviousItems,
    bool CanKeepRecord,
    bool RecordIsFinal,
    IReadOnlyList<NamedItem> People,
    string? HolidayNote)
{
    /// <summary>The published report on each agenda item, by the item's id.</summary>
    public IReadOnlyDictionary<int, ItemReport> ItemReports { get; init; } = new Dictionary<int, ItemReport>();

    /// <summary>How many actions carried to this meeting were agreed under private items the reader may not read: a number, never the actions.</summary>
    public int CarriedWithheld { get; init; }

    /// <summary>How many actions agreed at this meeting were agreed under private items the reader may not read.</summary>
    public int AgreedHereWithheld { get; init; }

    /// <summary>Whether the caller may change the agenda now: they keep the record, the meeting is on, and its record is not yet final.</summary>
    public bool CanEditAgenda => CanKeepRecord && Status != MeetingStatus.Cancelled && !RecordIsFinal;
}

/// <summary>The report published on an agenda item: its reference and, if exempt, the paragraph.</summary>
public sealed record ItemReport(int ReportId, string Reference, bool IsExempt, int? ExemptParagraph);
