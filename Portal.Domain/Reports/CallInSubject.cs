using Portal.Domain.Common;
using Portal.Domain.Meetings;

namespace Portal.Domain.Reports;

/// <summary>
/// An executive decision that may be subject to call-in (Local Government Act 2000 s.9F(2)(a)): an officer
/// or executive member decision, or one taken at an executive body's meeting. Its period is fixed when it
/// is published; members may call it in within the period; it cannot be implemented until the period has
/// ended and no request is outstanding, unless it was exempted as urgent with the scrutiny chair's agreement.
/// </summary>
public abstract class CallInSubject : Entity
{
    public const int UrgencyReasonMaxLength = 8_000;
    public const int UrgencyAgreedByMaxLength = 200;

    private readonly List<CallInRequest> _requests = [];

    public bool SubjectToCallIn { get; protected set; }

    public DateOnly PublishedOn { get; protected set; }

    /// <summary>The last day of the call-in period, fixed when published; null when not subject to call-in.</summary>
    public DateOnly? CallInEndsOn { get; private set; }

    public string? UrgencyReason { get; private set; }

    /// <summary>The chair of the scrutiny committee who agreed the decision was urgent.</summary>
    public string? UrgencyAgreedBy { get; private set; }

    public DateOnly? UrgencyAgreedOn { get; private set; }

    public DateOnly? ImplementedOn { get; private set; }

    public IReadOnlyList<CallInRequest> Requests => _requests;

    public bool IsUrgent => UrgencyAgreedOn is not null;

    /// <summary>Call-in applies: subject to it and not exempted as urgent.</summary>
    public bool CallInApplies => SubjectToCallIn && !IsUrgent;

    /// <summary>Publishes the decision on <paramref name="publishedOn"/>, starting its call-in period if it is subject to call-in.</summary>
    protected void StartCallIn(DateOnly publishedOn, CallInSettings settings, IHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(settings);
        PublishedOn = publishedOn;
        CallInEndsOn = SubjectToCallIn ? CallInPeriod.Ends(publishedOn, settings.WorkingDays, holidays) : null;
    }

    /// <summary>
    /// Exempts the decision from call-in as urgent: the reason, and the scrutiny chair's agreement
    /// (who, and when) that it cannot reasonably wait for the call-in period.
    /// </summary>
    public void ExemptAsUrgent(string? reason, string? agreedBy, DateOnly? agreedOn)
    {
        if (!SubjectToCallIn)
        {
            throw new DomainRuleException("CallIn.NotSubject", "The decision is not subject to call-in.", nameof(UrgencyReason));
        }

        if (_requests.Count > 0 || ImplementedOn is not null)
        {
            throw new DomainRuleException("CallIn.UrgencyTooLate", "Urgency is agreed before a call-in request is made and before the decision is implemented.", nameof(UrgencyReason));
        }

        var text = Guard.RequiredText(reason, UrgencyReasonMaxLength, "CallIn.UrgencyReason", nameof(UrgencyReason), "reason the decision is urgent");
        var chair = Guard.RequiredText(agreedBy, UrgencyAgreedByMaxLength, "CallIn.UrgencyAgreedBy", nameof(UrgencyAgreedBy), "name of the scrutiny chair who agreed");
        if (agreedOn is not DateOnly on)
        {
            throw new DomainRuleException("CallIn.UrgencyAgreedOnRequired", "Enter the date the scrutiny chair agreed.", nameof(UrgencyAgreedOn));
        }

        (UrgencyReason, UrgencyAgreedBy, UrgencyAgreedOn) = (text, chair, on);
    }

    /// <summary>Records a call-in request signed by <paramref name="memberIds"/>, made on <paramref name="today"/>.</summary>
    public CallInRequest RequestCallIn(DateOnly today, IReadOnlyCollection<int> memberIds, string? reasons, int membersNeeded)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        if (!SubjectToCallIn)
        {
            throw new DomainRuleException("CallIn.NotSubject", "The decision is not subject to call-in.", nameof(Requests));
        }

        if (IsUrgent)
        {
            throw new DomainRuleException("CallIn.Urgent", "The decision was exempted from call-in as urgent.", nameof(Requests));
        }

        if (today > CallInEndsOn)
        {
            throw new DomainRuleException("CallIn.PeriodEnded", $"The call-in period ended on {CallInEndsOn:yyyy-MM-dd}.", nameof(Requests), CallInEndsOn!.Value);
        }

        var members = memberIds.Distinct().ToList();
        if (members.Count < membersNeeded)
        {
            throw new DomainRuleException("CallIn.TooFewMembers", $"A call-in needs {membersNeeded} members to sign it.", "Members", membersNeeded);
        }

        var request = new CallInRequest(today, members, Guard.RequiredText(reasons, CallInRequest.TextMaxLength, "CallIn.Reasons", nameof(CallInRequest.Reasons), "reasons for the call-in"));
        _requests.Add(request);
        return request;
    }

    public void DecideCallIn(int requestId, CallInOutcome outcome, DateOnly? decidedOn, string? note)
    {
        var request = _requests.SingleOrDefault(r => r.Id == requestId)
            ?? throw new DomainRuleException("CallIn.NoSuchRequest", "That call-in request is no longer recorded.", nameof(Requests));
        request.Decide(outcome, decidedOn ?? throw new DomainRuleException("CallIn.OutcomeDateRequired", "Enter the date of the outcome.", nameof(CallInRequest.DecidedOn)), note);
    }

    /// <summary>
    /// Marks the decision implemented on <paramref name="today"/>: refused while its call-in period runs,
    /// while a request waits for the scrutiny committee, or after it was referred back or to council.
    /// </summary>
    public void MarkImplemented(DateOnly today)
    {
        if (ImplementedOn is not null)
        {
            throw new DomainRuleException("CallIn.AlreadyImplemented", "The decision is already marked implemented.", nameof(ImplementedOn));
        }

        if (CallInApplies && today <= CallInEndsOn)
        {
            throw new DomainRuleException(
                "CallIn.PeriodRunning", $"The call-in period runs until {CallInEndsOn:yyyy-MM-dd}: the decision can be implemented from the day after.", nameof(ImplementedOn), CallInEndsOn!.Value);
        }

        if (_requests.Any(r => r.Outcome == CallInOutcome.Pending))
        {
            throw new DomainRuleException("CallIn.RequestPending", "A call-in request is waiting for the scrutiny committee.", nameof(ImplementedOn));
        }

        if (_requests.Any(r => r.Outcome is CallInOutcome.ReferredBack or CallInOutcome.ReferredToCouncil))
        {
            throw new DomainRuleException("CallIn.Referred", "The decision was referred for reconsideration: it cannot be implemented as it stands.", nameof(ImplementedOn));
        }

        ImplementedOn = today;
    }
}
