using Portal.Domain.Common;
using Portal.Domain.Meetings;

namespace Portal.Domain.Reports;

/// <summary>
/// When an executive decision's call-in period ends: the last of <c>workingDays</c> working days
/// after the day the decision was published (weekends and the country's bank or public holidays
/// not counted). Published on a Friday with 5 days, the period runs Monday to Friday and ends that
/// Friday; the decision may be implemented from the next day.
/// </summary>
public static class CallInPeriod
{
    public static DateOnly Ends(DateOnly publishedOn, int workingDays, IHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var day = publishedOn;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (holidays.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}

/// <summary>
/// The council's call-in rules from its constitution (Local Government Act 2000 s.9F(2)(a)): how many
/// working days after publication an executive decision may be called in, and how many members must
/// sign a request. The defaults (5 working days, 2 members) are common; councils set their own.
/// </summary>
public sealed class CallInSettings : Entity
{
    public const int DefaultWorkingDays = 5;
    public const int DefaultMembersNeeded = 2;

    private CallInSettings()
    {
    }

    public int WorkingDays { get; private set; } = DefaultWorkingDays;

    public int MembersNeeded { get; private set; } = DefaultMembersNeeded;

    public static CallInSettings CreateDefault() => new() { Id = 1 };

    public void Change(int? workingDays, int? membersNeeded)
    {
        if (workingDays is not (>= 1 and <= 20))
        {
            throw new DomainRuleException("CallIn.WorkingDaysOutOfRange", "Enter the call-in period from 1 to 20 working days.", nameof(WorkingDays));
        }

        if (membersNeeded is not (>= 1 and <= 20))
        {
            throw new DomainRuleException("CallIn.MembersOutOfRange", "Enter the members needed from 1 to 20.", nameof(MembersNeeded));
        }

        (WorkingDays, MembersNeeded) = (workingDays.Value, membersNeeded.Value);
    }
}

public enum CallInOutcome
{
    /// <summary>Waiting for the scrutiny committee.</summary>
    Pending = 0,

    /// <summary>The committee took no further action: the decision may be implemented.</summary>
    NoFurtherAction = 1,

    /// <summary>Referred back to the decision maker to reconsider.</summary>
    ReferredBack = 2,

    /// <summary>Referred to full council.</summary>
    ReferredToCouncil = 3,

    /// <summary>The members withdrew the request.</summary>
    Withdrawn = 4,
}

/// <summary>A request by members to call a decision in for scrutiny, and what the scrutiny committee did with it.</summary>
public sealed class CallInRequest
{
    public const int TextMaxLength = 4_000;

    private readonly List<int> _memberIds = [];

    private CallInRequest()
    {
        Reasons = string.Empty;
    }

    internal CallInRequest(DateOnly requestedOn, IEnumerable<int> memberIds, string reasons)
    {
        (RequestedOn, Reasons) = (requestedOn, reasons);
        _memberIds.AddRange(memberIds);
    }

    public int Id { get; private set; }

    /// <summary>The officer or executive member decision called in; null for one taken at a meeting.</summary>
    public int? OfficerDecisionId { get; private set; }

    /// <summary>The decision taken at an executive body's meeting called in; null for an officer or executive member decision.</summary>
    public int? DecisionId { get; private set; }

    public DateOnly RequestedOn { get; private set; }

    /// <summary>The councillors who signed the request.</summary>
    public IReadOnlyList<int> MemberIds => _memberIds;

    public string Reasons { get; private set; }

    public CallInOutcome Outcome { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? OutcomeNote { get; private set; }

    internal void Decide(CallInOutcome outcome, DateOnly decidedOn, string? note)
    {
        if (outcome == CallInOutcome.Pending || !Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("CallIn.OutcomeRequired", "Choose what the scrutiny committee decided.", nameof(Outcome));
        }

        if (decidedOn < RequestedOn)
        {
            throw new DomainRuleException("CallIn.OutcomeBeforeRequest", "The outcome cannot be dated before the request.", nameof(DecidedOn));
        }

        (Outcome, DecidedOn) = (outcome, decidedOn);
        OutcomeNote = Guard.OptionalText(note, TextMaxLength, "CallIn.Note", nameof(OutcomeNote), "note of the outcome");
    }
}
