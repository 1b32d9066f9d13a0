using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>
/// One item on a meeting's agenda: what it is, who presents it, how long it has, whether it is
/// taken in private, the notes or minutes written on it, and the interests declared.
/// </summary>
public sealed class AgendaItem : Entity
{
    public const int TitleMaxLength = 300;
    public const int PresenterMaxLength = 200;
    public const int NotesMaxLength = 50_000;
    public const int MaxMinutesAllowed = 12 * 60;

    private readonly List<Declaration> _declarations = [];

    private AgendaItem()
    {
        Title = string.Empty;
    }

    public int MeetingId { get; private set; }

    /// <summary>Position on the agenda, from 1.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    public string? Presenter { get; private set; }

    public int? MinutesAllowed { get; private set; }

    /// <summary>Taken in private: the public see the title, never the notes.</summary>
    public bool IsPrivate { get; private set; }

    /// <summary>The item at an earlier meeting this one carries forward.</summary>
    public int? CarriedFromId { get; private set; }

    /// <summary>The notes or minutes on this item, in Markdown.</summary>
    public string? Notes { get; private set; }

    public IReadOnlyList<Declaration> Declarations => _declarations;

    internal static AgendaItem Create(int meetingId, int number, string title, string? presenter, int? minutesAllowed, bool isPrivate, int? carriedFromId)
    {
        var item = new AgendaItem { MeetingId = meetingId, Number = number, CarriedFromId = carriedFromId };
        item.Describe(title, presenter, minutesAllowed, isPrivate);
        return item;
    }

    /// <summary>
    /// Describes the item. An item an exempt report is published on (<paramref name="holdsExemptReport"/>)
    /// stays private: what is said under it is as exempt as the report.
    /// </summary>
    public void Describe(string title, string? presenter, int? minutesAllowed, bool isPrivate, bool holdsExemptReport = false)
    {
        if (holdsExemptReport && !isPrivate)
        {
            throw new DomainRuleException(
                "Agenda.ExemptReportKeepsPrivate", "An exempt report is published on this item, so it stays private.", nameof(IsPrivate));
        }

        if (minutesAllowed is < 1 or > MaxMinutesAllowed)
        {
            throw new DomainRuleException(
                "Agenda.MinutesAllowedOutOfRange", $"Enter the time allowed in minutes, from 1 to {MaxMinutesAllowed}.", nameof(MinutesAllowed), MaxMinutesAllowed);
        }

        Title = Guard.RequiredText(title, TitleMaxLength, "Agenda.Title", nameof(Title), "item's title");
        Presenter = Guard.OptionalText(presenter, PresenterMaxLength, "Agenda.Presenter", nameof(Presenter), "presenter");
        MinutesAllowed = minutesAllowed;
        IsPrivate = isPrivate;
    }

    /// <summary>
    /// Takes the item in private because an exempt report is published on it: its notes,
    /// declarations and the actions agreed under it are then withheld like the report. Allowed
    /// even once the record is final, since it only ever withholds.
    /// </summary>
    public void TakeInPrivate() => IsPrivate = true;

    public void WriteNotes(string? notes) =>
        Notes = Guard.OptionalText(notes, NotesMaxLength, "Agenda.Notes", nameof(Notes), "notes");

    public Declaration Declare(int? personId, string name, string interest)
    {
        var declaration = new Declaration(
            Id,
            personId,
            Guard.RequiredText(name, Declaration.NameMaxLength, "Declaration.Name", nameof(Declaration.Name), "name of the person declaring"),
            Guard.RequiredText(interest, Declaration.InterestMaxLength, "Declaration.Interest", nameof(Declaration.Interest), "interest declared"));
        _declarations.Add(declaration);
        return declaration;
    }

    internal void Renumber(int number) => Number = number;
}

/// <summary>An interest declared on an agenda item, and by whom.</summary>
public sealed class Declaration : Entity
{
    public const int NameMaxLength = 200;
    public const int InterestMaxLength = 1_000;

    private Declaration()
    {
        Name = string.Empty;
        Interest = string.Empty;
    }

    internal Declaration(int agendaItemId, int? personId, string name, string interest)
    {
        AgendaItemId = agendaItemId;
        PersonId = personId;
        Name = name;
        Interest = interest;
    }

    public int AgendaItemId { get; private set; }

    public int? PersonId { get; private set; }

    public string Name { get; private set; }

    public string Interest { get; private set; }
}

/// <summary>
/// An action agreed at a meeting: who does what by when. It is listed at every following meeting
/// of the body until it is done.
/// </summary>
public sealed class AgreedAction : Entity
{
    public const int TextMaxLength = 1_000;

    private AgreedAction()
    {
        Text = string.Empty;
    }

    public int BodyId { get; private set; }

    public int MeetingId { get; private set; }

    public int? AgendaItemId { get; private set; }

    public string Text { get; private set; }

    public int OwnerId { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public bool IsDone => CompletedOn is not null;

    public static AgreedAction Agree(Meeting meeting, int? agendaItemId, string text, int ownerId, DateOnly? dueDate)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.IsCancelled)
        {
            throw new DomainRuleException("Meeting.Cancelled", "The meeting is cancelled. Reinstate it first.", nameof(Meeting.Status));
        }

        if (agendaItemId is int itemId && meeting.Items.All(i => i.Id != itemId))
        {
            throw new DomainRuleException("Agenda.NoSuchItem", "That item is no longer on the agenda.", nameof(AgendaItemId));
        }

        if (dueDate is not DateOnly due)
        {
            throw new DomainRuleException("AgreedAction.DueRequired", "Enter the date the action is due.", nameof(DueDate));
        }

        if (due < meeting.Date)
        {
            throw new DomainRuleException("AgreedAction.DueBeforeMeeting", "The action cannot be due before the meeting that agreed it.", nameof(DueDate));
        }

        return new AgreedAction
        {
            BodyId = meeting.BodyId,
            MeetingId = meeting.Id,
            AgendaItemId = agendaItemId,
            Text = Guard.RequiredText(text, TextMaxLength, "AgreedAction.Text", nameof(Text), "action"),
            OwnerId = ownerId,
            DueDate = due,
        };
    }

    public void Complete(DateOnly today) => CompletedOn ??= today;

    public void Reopen() => CompletedOn = null;

    public bool IsOverdue(DateOnly today) => !IsDone && DueDate < today;

    /// <summary>Whether the action belongs on the agenda of <paramref name="meeting"/>: agreed before it, and not done before it.</summary>
    public bool IsCarriedTo(Meeting meeting, DateOnly agreedOn)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.BodyId == BodyId && meeting.Id != MeetingId && agreedOn < meeting.Date && (CompletedOn is not DateOnly done || done >= meeting.Date);
    }
}

/// <summary>
/// Swedish protokoll deadlines: the justerare sign within 14 days of the meeting; the signing is
/// announced on the notice board no later than the second day after; the notice stays up three
/// weeks, the appeal period. Each of the three ends, when its last day is a Saturday, Sunday,
/// public holiday, midsommarafton, julafton or nyårsafton, on the next working day instead
/// (<see cref="LastDay"/>, Lag (1930:173) om beräkning av lagstadgad tid, 2 §).
/// </summary>
public sealed record ProtokollDeadlines(DateOnly SignBy, DateOnly? PostBy, DateOnly? AppealFrom, DateOnly? AppealEnds)
{
    public const int SigningDays = 14;
    public const int PostingDays = 2;
    public const int AppealWeeks = 3;

    public static ProtokollDeadlines For(DateOnly meeting, DateOnly? signedOn, DateOnly? postedOn, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var signBy = LastDay(meeting.AddDays(SigningDays), calendar);
        DateOnly? postBy = signedOn is DateOnly signed ? LastDay(signed.AddDays(PostingDays), calendar) : null;
        DateOnly? appealFrom = postedOn ?? postBy;
        DateOnly? appealEnds = appealFrom is DateOnly from ? LastDay(from.AddDays(7 * AppealWeeks), calendar) : null;
        return new ProtokollDeadlines(signBy, postBy, appealFrom, appealEnds);
    }

    /// <summary>
    /// The day a statutory period whose last day is <paramref name="lastDay"/> really ends. Lag (1930:173),
    /// 2 §: "Infaller den tid, då enligt lag eller särskild författning en åtgärd senast ska vidtas, på en
    /// söndag, annan allmän helgdag, lördag, midsommarafton, julafton eller nyårsafton, får åtgärden vidtas
    /// nästa vardag." The Swedish calendar counts exactly those days as not working days.
    /// </summary>
    public static DateOnly LastDay(DateOnly lastDay, IHolidayCalendar calendar) => WorkingDays.OnOrAfter(lastDay, calendar);
}
