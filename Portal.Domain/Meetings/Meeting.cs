using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

public enum MeetingStatus
{
    Scheduled = 0,
    Moved = 1,
    Cancelled = 2,
    Held = 3,
}

/// <summary>Where a meeting's record stands; which states apply depends on the body's <see cref="Regime"/>.</summary>
public enum RecordStatus
{
    /// <summary>Nothing written yet.</summary>
    None = 0,

    /// <summary>Minutes or notes written but not yet approved, signed or published.</summary>
    Draft = 1,

    /// <summary>England: approved as a correct record at a later meeting.</summary>
    Approved = 2,

    /// <summary>Sweden: the protokoll signed by the justerare (justerat).</summary>
    Signed = 3,

    /// <summary>Internal: notes sent to the distribution list and published on the intranet.</summary>
    Published = 4,
}

public enum AttendanceKind
{
    Present = 0,
    Apologies = 1,
    Absent = 2,

    /// <summary>Attended in place of a member who could not come (a substitute, an ersättare who tjänstgör).</summary>
    Substitute = 3,
}

/// <summary>
/// One meeting of a body. A meeting generated from the cadence remembers its
/// <see cref="SeriesDate"/>, so cancelling or moving it never breaks the series and the series
/// never brings it back. Every change a calendar app must notice raises <see cref="Sequence"/>,
/// and <see cref="Uid"/> never changes, so subscribers update the same event.
/// </summary>
public sealed class Meeting : Entity
{
    public const int VenueMaxLength = 200;
    public const int ReasonMaxLength = 1_000;
    public const int SignatoriesMaxLength = 400;

    private readonly List<AgendaItem> _items = [];
    private readonly List<Attendance> _attendance = [];

    private Meeting()
    {
    }

    public int BodyId { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly StartTime { get; private set; }

    public TimeOnly EndTime { get; private set; }

    public string? Venue { get; private set; }

    public MeetingStatus Status { get; private set; }

    /// <summary>The cadence date this meeting stands for; null for a meeting added by hand.</summary>
    public DateOnly? SeriesDate { get; private set; }

    /// <summary>The date it was to be held before it was moved.</summary>
    public DateOnly? MovedFrom { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>The calendar identity: the same for the life of the meeting.</summary>
    public Guid Uid { get; private set; }

    /// <summary>The iCalendar SEQUENCE: raised whenever the time, place or status changes.</summary>
    public int Sequence { get; private set; }

    public DateOnly? AgendaPublishedOn { get; private set; }

    /// <summary>Why an agenda published after its deadline was still taken (the chair's reason for urgency).</summary>
    public string? LateReason { get; private set; }

    public RecordStatus Record { get; private set; }

    /// <summary>England: the later meeting at which these minutes were approved as a correct record.</summary>
    public int? ApprovedAtMeetingId { get; private set; }

    /// <summary>Sweden: the justerare who signed; internal: unused.</summary>
    public string? Signatories { get; private set; }

    /// <summary>Sweden: the day the protokoll was signed; internal: the day the notes were published.</summary>
    public DateOnly? RecordDate { get; private set; }

    /// <summary>Sweden: the day the signing was posted on the notice board (anslagstavlan).</summary>
    public DateOnly? PostedOn { get; private set; }

    public IReadOnlyList<AgendaItem> Items => _items;

    public IReadOnlyList<Attendance> Attendance => _attendance;

    public bool IsCancelled => Status == MeetingStatus.Cancelled;

    public static Meeting Schedule(Body body, DateOnly date, TimeOnly start, TimeOnly end, string? venue, DateOnly? seriesDate = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Schedule(body.Id, date, start, end, venue, seriesDate);
    }

    public static Meeting Schedule(int bodyId, DateOnly date, TimeOnly start, TimeOnly end, string? venue, DateOnly? seriesDate = null)
    {
        EnsureTimes(start, end);
        return new Meeting
        {
            BodyId = bodyId,
            Date = date,
            StartTime = start,
            EndTime = end,
            Venue = Guard.OptionalText(venue, VenueMaxLength, "Meeting.Venue", nameof(Venue), "venue"),
            SeriesDate = seriesDate,
            Uid = Guid.NewGuid(),
            Status = MeetingStatus.Scheduled,
        };
    }

    /// <summary>Moves the meeting to another date, time or venue; it stays part of its series.</summary>
    public void Reschedule(DateOnly date, TimeOnly start, TimeOnly end, string? venue)
    {
        EnsureNotCancelled();
        EnsureNotHeld();
        EnsureTimes(start, end);
        var newVenue = Guard.OptionalText(venue, VenueMaxLength, "Meeting.Venue", nameof(Venue), "venue");
        if (date == Date && start == StartTime && end == EndTime && newVenue == Venue)
        {
            return;
        }

        if (date != Date)
        {
            MovedFrom ??= Date;
            Status = MeetingStatus.Moved;
        }

        Date = date;
        StartTime = start;
        EndTime = end;
        Venue = newVenue;
        Sequence++;
    }

    /// <summary>Updates a generated meeting when the body's cadence changes its time or place.</summary>
    public void FollowCadence(TimeOnly start, TimeOnly end, string? venue)
    {
        if (Status != MeetingStatus.Scheduled || (start == StartTime && end == EndTime && venue == Venue))
        {
            return;
        }

        EnsureTimes(start, end);
        StartTime = start;
        EndTime = end;
        Venue = venue;
        Sequence++;
    }

    public void Cancel(string? reason)
    {
        EnsureNotHeld();
        if (IsCancelled)
        {
            return;
        }

        CancelReason = Guard.OptionalText(reason, ReasonMaxLength, "Meeting.CancelReason", nameof(CancelReason), "reason");
        Status = MeetingStatus.Cancelled;
        Sequence++;
    }

    /// <summary>Brings back a cancelled meeting, on its date, as scheduled (or moved, if it had been).</summary>
    public void Reinstate()
    {
        if (!IsCancelled)
        {
            return;
        }

        Status = MovedFrom is null ? MeetingStatus.Scheduled : MeetingStatus.Moved;
        CancelReason = null;
        Sequence++;
    }

    public void MarkHeld(DateOnly today)
    {
        EnsureNotCancelled();
        if (Date > today)
        {
            throw new DomainRuleException("Meeting.NotYetHeld", "A meeting can only be marked as held on or after its date.", nameof(Status));
        }

        Status = MeetingStatus.Held;
    }

    /// <summary>Publishes the agenda today. Publishing after <paramref name="deadline"/> needs the chair's reason for urgency.</summary>
    public void PublishAgenda(DateOnly today, DateOnly? deadline, string? lateReason)
    {
        EnsureNotCancelled();
        var reason = Guard.OptionalText(lateReason, ReasonMaxLength, "Meeting.LateReason", nameof(LateReason), "reason");
        if (deadline is DateOnly due && today > due && reason is null)
        {
            throw new DomainRuleException("Meeting.LateReasonRequired", "The agenda is late: enter the chair's reason for urgency.", nameof(LateReason));
        }

        AgendaPublishedOn = today;
        LateReason = deadline is DateOnly d && today > d ? reason : null;
    }

    public bool AgendaIsLate(DateOnly? deadline) => deadline is DateOnly d && AgendaPublishedOn is DateOnly published && published > d;

    public AgendaItem AddItem(string title, string? presenter, int? minutesAllowed, bool isPrivate, int? carriedFromId = null)
    {
        EnsureNotCancelled();
        EnsureRecordOpen();
        var item = AgendaItem.Create(Id, _items.Count + 1, title, presenter, minutesAllowed, isPrivate, carriedFromId);
        _items.Add(item);
        return item;
    }

    public AgendaItem Item(int itemId) =>
        _items.SingleOrDefault(i => i.Id == itemId)
        ?? throw new DomainRuleException("Agenda.NoSuchItem", "That item is no longer on the agenda.", nameof(AgendaItem.Number));

    /// <summary>Moves an item to <paramref name="position"/> (1 is first), renumbering the rest.</summary>
    public void MoveItem(int itemId, int position)
    {
        EnsureRecordOpen();
        var item = Item(itemId);
        if (position < 1 || position > _items.Count)
        {
            throw new DomainRuleException(
                "Agenda.PositionOutOfRange",
                $"Choose a position from 1 to {_items.Count}.",
                nameof(AgendaItem.Number),
                _items.Count);
        }

        var ordered = _items.OrderBy(i => i.Number).ToList();
        ordered.Remove(item);
        ordered.Insert(position - 1, item);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Renumber(i + 1);
        }
    }

    /// <summary>
    /// Takes an item off the agenda. Not one with actions agreed under it
    /// (<paramref name="hasAgreedActions"/>): the actions would lose the item, and with it its privacy.
    /// </summary>
    public void RemoveItem(int itemId, bool hasAgreedActions = false)
    {
        EnsureRecordOpen();
        var item = Item(itemId);
        if (hasAgreedActions)
        {
            throw new DomainRuleException(
                "Agenda.ItemHasActions", "Actions were agreed under this item, so it stays on the agenda.", nameof(AgendaItem.Number));
        }

        _items.Remove(item);
        var n = 1;
        foreach (var rest in _items.OrderBy(i => i.Number))
        {
            rest.Renumber(n++);
        }
    }

    public void RecordAttendance(int personId, AttendanceKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Meeting.AttendanceKind", "Choose present, apologies, absent or substitute.", nameof(Attendance));
        }

        var existing = _attendance.SingleOrDefault(a => a.PersonId == personId);
        if (existing is null)
        {
            _attendance.Add(new Attendance(Id, personId, kind));
        }
        else
        {
            existing.Change(kind);
        }
    }

    /// <summary>Marks the record as written, once the first notes are in.</summary>
    public void StartRecord()
    {
        if (Record == RecordStatus.None)
        {
            Record = RecordStatus.Draft;
        }
    }

    /// <summary>England: the minutes approved as a correct record at <paramref name="later"/>, a later meeting of the same body.</summary>
    public void ApproveMinutes(Regime regime, Meeting later)
    {
        ArgumentNullException.ThrowIfNull(later);
        EnsureRegime(regime, Regime.England);
        EnsureDraft();
        if (later.BodyId != BodyId || later.Date <= Date || later.IsCancelled)
        {
            throw new DomainRuleException("Minutes.ApproveAtLaterMeeting", "Minutes are approved as a correct record at a later meeting of the same body.", nameof(ApprovedAtMeetingId));
        }

        ApprovedAtMeetingId = later.Id;
        Record = RecordStatus.Approved;
    }

    /// <summary>Sweden: the protokoll signed by the justerare on <paramref name="signedOn"/>.</summary>
    public void SignProtokoll(Regime regime, string signatories, DateOnly signedOn, DateOnly today)
    {
        EnsureRegime(regime, Regime.Sweden);
        EnsureDraft();
        if (signedOn < Date || signedOn > today)
        {
            throw new DomainRuleException("Minutes.SignedOnOutOfRange", "The signing date must be between the meeting and today.", nameof(RecordDate));
        }

        Signatories = Guard.RequiredText(signatories, SignatoriesMaxLength, "Minutes.Signatories", nameof(Signatories), "names of the justerare");
        RecordDate = signedOn;
        Record = RecordStatus.Signed;
    }

    /// <summary>Sweden: the signing announced on the notice board on <paramref name="postedOn"/>.</summary>
    public void PostNotice(DateOnly postedOn, DateOnly today)
    {
        if (Record != RecordStatus.Signed || RecordDate is not DateOnly signed)
        {
            throw new DomainRuleException("Minutes.NotSigned", "The protokoll must be signed before its signing is posted.", nameof(PostedOn));
        }

        if (postedOn < signed || postedOn > today)
        {
            throw new DomainRuleException("Minutes.PostedOnOutOfRange", "The posting date must be between the signing and today.", nameof(PostedOn));
        }

        PostedOn = postedOn;
    }

    /// <summary>Internal: the notes sent to the distribution list and published on the intranet today.</summary>
    public void PublishNotes(Regime regime, DateOnly today)
    {
        EnsureRegime(regime, Regime.Internal);
        EnsureDraft();
        RecordDate = today;
        Record = RecordStatus.Published;
    }

    /// <summary>Whether the record is final: approved, signed or published, so its text no longer changes.</summary>
    public bool RecordIsFinal => Record is RecordStatus.Approved or RecordStatus.Signed or RecordStatus.Published;

    /// <summary>Once the record is approved, signed or published, the agenda and its notes are history and no longer change.</summary>
    public void EnsureRecordOpen()
    {
        if (RecordIsFinal)
        {
            throw new DomainRuleException("Minutes.AlreadyFinal", "The record is already final.", nameof(Record));
        }
    }

    private void EnsureDraft()
    {
        if (Record != RecordStatus.Draft)
        {
            throw new DomainRuleException(
                Record == RecordStatus.None ? "Minutes.NothingWritten" : "Minutes.AlreadyFinal",
                Record == RecordStatus.None ? "Write the minutes or notes first." : "The record is already final.",
                nameof(Record));
        }
    }

    private static void EnsureRegime(Regime actual, Regime wanted)
    {
        if (actual != wanted)
        {
            throw new DomainRuleException("Minutes.WrongRegime", "That step does not apply to this body's meetings.", nameof(Record));
        }
    }

    private void EnsureNotCancelled()
    {
        if (IsCancelled)
        {
            throw new DomainRuleException("Meeting.Cancelled", "The meeting is cancelled. Reinstate it first.", nameof(Status));
        }
    }

    private void EnsureNotHeld()
    {
        if (Status == MeetingStatus.Held)
        {
            throw new DomainRuleException("Meeting.AlreadyHeld", "The meeting has been held; it cannot be moved or cancelled.", nameof(Status));
        }
    }

    private static void EnsureTimes(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new DomainRuleException("Meeting.EndsBeforeStart", "The meeting must end after it starts.", nameof(EndTime));
        }
    }
}

/// <summary>Who was at a meeting, who sent apologies and who was absent.</summary>
public sealed class Attendance : Entity
{
    private Attendance()
    {
    }

    internal Attendance(int meetingId, int personId, AttendanceKind kind)
    {
        MeetingId = meetingId;
        PersonId = personId;
        Kind = kind;
    }

    public int MeetingId { get; private set; }

    public int PersonId { get; private set; }

    public AttendanceKind Kind { get; private set; }

    internal void Change(AttendanceKind kind) => Kind = kind;
}
