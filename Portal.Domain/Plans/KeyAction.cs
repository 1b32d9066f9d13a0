using Portal.Domain.Common;

namespace Portal.Domain.Plans;

/// <summary>
/// One of the small number of key actions a plan sets against a priority for a year: who owns
/// it, which unit leads it, when it runs, its milestones and its dated progress updates. Rolling
/// a plan forward carries an unfinished action into the next year as a new item (see
/// <see cref="ContinueInto"/>), so each year's record stays as it was reported.
/// </summary>
public sealed class KeyAction : Entity
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;

    private readonly List<Milestone> _milestones = [];
    private readonly List<ProgressUpdate> _updates = [];

    private KeyAction()
    {
        Title = string.Empty;
    }

    public int PlanId { get; private set; }

    public int PriorityId { get; private set; }

    /// <summary>The plan year (named by the calendar year it starts in) this action is reported in.</summary>
    public int Year { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public int OwnerId { get; private set; }

    public int LeadUnitId { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    public ActionStatus Status { get; private set; }

    public int PercentComplete { get; private set; }

    /// <summary>The same action in the year before, when it was carried forward.</summary>
    public int? CarriedFromId { get; private set; }

    public IReadOnlyList<Milestone> Milestones => _milestones;

    public IReadOnlyList<ProgressUpdate> Updates => _updates;

    public static KeyAction Create(
        DirectoratePlan plan, Priority priority, int year, string title, string? description,
        int ownerId, int leadUnitId, DateOnly startDate, DateOnly dueDate)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(priority);
        plan.EnsureOpen(year);
        if (priority.PlanId != plan.Id)
        {
            throw new DomainRuleException("Action.PriorityNotInPlan", "Choose a priority from this plan.", nameof(PriorityId));
        }

        var action = new KeyAction { PlanId = plan.Id, PriorityId = priority.Id, Year = year, Status = ActionStatus.NotStarted };
        action.ChangeDetails(title, description, ownerId, leadUnitId, startDate, dueDate);
        return action;
    }

    public void ChangeDetails(string title, string? description, int ownerId, int leadUnitId, DateOnly startDate, DateOnly dueDate)
    {
        Title = Guard.RequiredText(title, TitleMaxLength, "Action.Title", nameof(Title), "title");
        Description = Guard.OptionalText(description, DescriptionMaxLength, "Action.Description", nameof(Description), "description");
        if (ownerId <= 0)
        {
            throw new DomainRuleException("Action.OwnerRequired", "Choose who owns the action.", nameof(OwnerId));
        }

        if (leadUnitId <= 0)
        {
            throw new DomainRuleException("Action.LeadUnitRequired", "Choose the unit that leads the action.", nameof(LeadUnitId));
        }

        if (dueDate < startDate)
        {
            throw new DomainRuleException("Action.DueBeforeStart", "The due date must be the same as or after the start date.", nameof(DueDate));
        }

        if (_milestones.FirstOrDefault(m => m.DueDate > dueDate) is { } late)
        {
            throw new DomainRuleException(
                "Action.MilestoneAfterDue",
                $"The milestone “{late.Title}” is due after this date. Move the milestone first, or choose a later due date.",
                nameof(DueDate),
                late.Title);
        }

        OwnerId = ownerId;
        LeadUnitId = leadUnitId;
        StartDate = startDate;
        DueDate = dueDate;
    }

    /// <summary>
    /// Records where the action stands: its status and percent complete, with the owner's
    /// commentary, as one dated progress update. Completing an action makes it 100% complete.
    /// </summary>
    public ProgressUpdate RecordProgress(ActionStatus status, int percentComplete, string? commentary, string authorName, DateOnly date, DateTime recordedUtc)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("Action.StatusUnknown", "Choose a status from the list.", nameof(Status));
        }

        if (percentComplete is < 0 or > 100)
        {
            throw new DomainRuleException("Action.PercentOutOfRange", "Percent complete must be a whole number from 0 to 100.", nameof(PercentComplete));
        }

        if (status == ActionStatus.Completed)
        {
            percentComplete = 100;
        }

        var text = Guard.OptionalText(commentary, ProgressUpdate.CommentaryMaxLength, "Update.Commentary", nameof(ProgressUpdate.Commentary), "commentary");
        if (status == Status && percentComplete == PercentComplete && text is null)
        {
            throw new DomainRuleException("Action.NothingToRecord", "Change the status or percent complete, or write a commentary.", nameof(ProgressUpdate.Commentary));
        }

        Status = status;
        PercentComplete = percentComplete;
        var update = new ProgressUpdate(date, recordedUtc, status, percentComplete, text, authorName);
        _updates.Add(update);
        return update;
    }

    public Milestone AddMilestone(string title, DateOnly dueDate)
    {
        if (dueDate > DueDate)
        {
            throw new DomainRuleException(
                "Milestone.AfterActionDue",
                $"The milestone must be due on or before the action's due date, {DueDate:d MMMM yyyy}.",
                nameof(Milestone.DueDate),
                DueDate);
        }

        var milestone = new Milestone(Guard.RequiredText(title, Milestone.TitleMaxLength, "Milestone.Title", nameof(Milestone.Title), "milestone"), dueDate);
        _milestones.Add(milestone);
        return milestone;
    }

    public void MarkMilestone(int milestoneId, bool done, DateOnly today)
    {
        var milestone = _milestones.SingleOrDefault(m => m.Id == milestoneId)
            ?? throw new DomainRuleException("Milestone.NotFound", "That milestone is not part of this action.");
        milestone.Mark(done, today);
    }

    /// <summary>The action's rating today, by <see cref="ActionRating.For"/>.</summary>
    public Rag RagOn(DateOnly today) => ActionRating.For(Status, StartDate, DueDate, PercentComplete, _milestones.Select(m => (m.DueDate, m.IsDone)), today);

    /// <summary>Whether the action continues into the next year when the plan is rolled forward.</summary>
    public bool Continues => Status is not (ActionStatus.Completed or ActionStatus.Cancelled);

    /// <summary>
    /// A copy for the next plan year: same owner, dates and status, the milestones still to do,
    /// and no updates (those stay with the year they were reported in).
    /// </summary>
    public KeyAction ContinueInto(int year)
    {
        if (year <= Year)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "An action continues into a later year.");
        }

        var next = new KeyAction
        {
            PlanId = PlanId,
            PriorityId = PriorityId,
            Year = year,
            Title = Title,
            Description = Description,
            OwnerId = OwnerId,
            LeadUnitId = LeadUnitId,
            StartDate = StartDate,
            DueDate = DueDate,
            Status = Status,
            PercentComplete = PercentComplete,
            CarriedFromId = Id,
        };
        next._milestones.AddRange(_milestones.Where(m => !m.IsDone).Select(m => new Milestone(m.Title, m.DueDate)));
        return next;
    }
}

public enum ActionStatus
{
    NotStarted = 0,
    OnTrack = 1,
    AtRisk = 2,
    OffTrack = 3,
    Completed = 4,
    Cancelled = 5,
}

/// <summary>A dated step on the way to an action's due date.</summary>
public sealed class Milestone : Entity
{
    public const int TitleMaxLength = 300;

    private Milestone()
    {
        Title = string.Empty;
    }

    internal Milestone(string title, DateOnly dueDate)
    {
        Title = title;
        DueDate = dueDate;
    }

    public int ActionId { get; private set; }

    public string Title { get; private set; }

    public DateOnly DueDate { get; private set; }

    public bool IsDone { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    internal void Mark(bool done, DateOnly today)
    {
        IsDone = done;
        DoneOn = done ? today : null;
    }
}

/// <summary>What the owner said about an action on a date. Updates are never edited: a correction is a new update.</summary>
public sealed class ProgressUpdate : Entity
{
    public const int CommentaryMaxLength = 4000;

    private ProgressUpdate()
    {
        AuthorName = string.Empty;
    }

    internal ProgressUpdate(DateOnly date, DateTime recordedUtc, ActionStatus status, int percentComplete, string? commentary, string authorName)
    {
        Date = date;
        RecordedUtc = recordedUtc;
        Status = status;
        PercentComplete = percentComplete;
        Commentary = commentary;
        AuthorName = authorName;
    }

    public int ActionId { get; private set; }

    public DateOnly Date { get; private set; }

    public DateTime RecordedUtc { get; private set; }

    public ActionStatus Status { get; private set; }

    public int PercentComplete { get; private set; }

    public string? Commentary { get; private set; }

    public string AuthorName { get; private set; }
}

/// <summary>
/// The documented rule that turns an action's status and dates into a RAG rating. The dates
/// overrule what the owner says: an action cannot be on track past its due date.
/// </summary>
public static class ActionRating
{
    /// <summary>How far (in percentage points) progress may lag the time elapsed before an on-track action turns amber.</summary>
    public const int ProgressLagTolerance = 25;

    /// <summary>
    /// In order, the first that applies:
    /// <list type="number">
    /// <item>Cancelled: not rated. Completed: completed.</item>
    /// <item>Past its due date and not completed: red, whatever its status says.</item>
    /// <item>Off track: red.</item>
    /// <item>At risk, a milestone past its due date and not done, not started after its start date, or
    /// progress more than <see cref="ProgressLagTolerance"/> points behind the share of time elapsed: amber.</item>
    /// <item>Otherwise: green.</item>
    /// </list>
    /// </summary>
    public static Rag For(
        ActionStatus status, DateOnly start, DateOnly due, int percentComplete,
        IEnumerable<(DateOnly Due, bool Done)> milestones, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        if (status == ActionStatus.Cancelled)
        {
            return Rag.NotRated;
        }

        if (status == ActionStatus.Completed)
        {
            return Rag.Completed;
        }

        if (today > due || status == ActionStatus.OffTrack)
        {
            return Rag.Red;
        }

        var milestoneMissed = milestones.Any(m => !m.Done && m.Due < today);
        var lateToStart = status == ActionStatus.NotStarted && today > start;
        if (status == ActionStatus.AtRisk || milestoneMissed || lateToStart || BehindSchedule(start, due, percentComplete, today))
        {
            return Rag.Amber;
        }

        return Rag.Green;
    }

    /// <summary>Whether progress lags the share of the action's time already used by more than the tolerance.</summary>
    public static bool BehindSchedule(DateOnly start, DateOnly due, int percentComplete, DateOnly today)
    {
        if (today <= start)
        {
            return false;
        }

        var span = due.DayNumber - start.DayNumber;
        if (span <= 0)
        {
            return false;
        }

        var elapsed = Math.Min(100.0, (today.DayNumber - start.DayNumber) * 100.0 / span);
        return elapsed - percentComplete > ProgressLagTolerance;
    }

    /// <summary>Overdue: past its due date and neither completed nor cancelled.</summary>
    public static bool IsOverdue(ActionStatus status, DateOnly due, DateOnly today) =>
        today > due && status is not (ActionStatus.Completed or ActionStatus.Cancelled);
}
