using Portal.Components.Shared;
using Portal.Domain.Reports;

namespace Portal.Features.Reports.OfficerDecisions;

/// <summary>Where an executive decision stands on call-in, said in words on every page that shows it.</summary>
public enum CallInState
{
    NotSubject = 0,

    /// <summary>The period is running: it may be called in, and not yet implemented.</summary>
    Open = 1,

    /// <summary>Exempted from call-in as urgent, with the scrutiny chair's agreement.</summary>
    Urgent = 2,

    /// <summary>A request waits for the scrutiny committee.</summary>
    CalledIn = 3,

    /// <summary>Referred back to the decision maker or to council.</summary>
    Referred = 4,

    /// <summary>The period is over and nothing stops it being implemented.</summary>
    Closed = 5,
}

/// <summary>Which decisions the register lists.</summary>
public enum DecisionKindFilter
{
    All = 0,
    Meeting = 1,
    Officer = 2,
    ExecutiveMember = 3,
}

/// <summary>
/// One officer or executive member decision in the register. <see cref="Decision"/> is null for an exempt
/// decision the reader may not read: they see its title and the paragraph only.
/// </summary>
public sealed record OfficerDecisionRow(
    int Id, DateOnly DecidedOn, DecisionMakerKind MakerKind, string MakerName, string Title, string? Decision, int? ExemptParagraph,
    CallInState CallIn, DateOnly? CallInEndsOn, DateOnly? ImplementedOn);

/// <summary>A call-in request as shown; its reasons and the outcome's note are null when the decision is withheld from the reader.</summary>
public sealed record CallInRequestView(int Id, DateOnly RequestedOn, IReadOnlyList<string> Members, string? Reasons, CallInOutcome Outcome, DateOnly? DecidedOn, string? Note);

/// <param name="Withheld">The reader may not read an exempt decision: every text field is null.</param>
public sealed record OfficerDecisionView(
    int Id, int Version, string Title, DecisionMakerKind MakerKind, int MakerId, string MakerName, string? MakerTitle, DateOnly DecidedOn, DateOnly PublishedOn,
    bool Withheld, int? ExemptParagraph, string? Delegation, string? Decision, string? Reasons, string? Alternatives, string? Interests,
    string? Dispensations, string? BackgroundPapers, bool IsKeyDecision, bool SubjectToCallIn, CallInState CallIn, DateOnly? CallInEndsOn,
    string? UrgencyReason, string? UrgencyAgreedBy, DateOnly? UrgencyAgreedOn, DateOnly? ImplementedOn, IReadOnlyList<CallInRequestView> Requests,
    OfficerDecisionRights Rights, int MembersNeeded, IReadOnlyList<NamedItem> Councillors, IReadOnlyList<OfficerDecisionAmendmentView>? Amendments = null)
{
    /// <summary>The decision's call-in, for the call-in panel.</summary>
    public CallInView ForCallIn() => new(
        CallInOf.OfficerDecision, Id, PublishedOn, CallIn, CallInEndsOn, UrgencyReason, UrgencyAgreedBy, UrgencyAgreedOn, ImplementedOn, Requests, Rights.CallIn, MembersNeeded, Councillors);
}

/// <summary>The record as it stood before one amendment, newest first; its texts null when the decision is withheld from the reader.</summary>
public sealed record OfficerDecisionAmendmentView(
    int Number, DateOnly AmendedOn, string AmendedBy, string? Reason, string Title, string MakerName, DateOnly DecidedOn, string? Delegation, string? Decision, string? Reasons);

/// <summary>What the caller may do with one decision: the service decides; the page only shows the forms that follow.</summary>
public sealed record OfficerDecisionRights(bool CanAmend, bool CanImplement, bool CanRequestCallIn, bool CanManageCallIn)
{
    public CallInRights CallIn => new(CanImplement, CanRequestCallIn, CanManageCallIn);
}

/// <summary>What the caller may do with one decision's call-in, whoever took the decision.</summary>
public sealed record CallInRights(bool CanImplement, bool CanRequestCallIn, bool CanManageCallIn);

/// <summary>Which kind of executive decision a call-in is about: it says which service records it.</summary>
public enum CallInOf
{
    /// <summary>An officer or individual executive member decision.</summary>
    OfficerDecision = 0,

    /// <summary>A decision taken at an executive body's meeting, on a report's recommendation.</summary>
    MeetingDecision = 1,
}

/// <summary>
/// One executive decision's call-in, for the call-in panel on its page: where it stands, its period, the
/// urgency exemption, the requests and their outcomes, and what the caller may do. The urgency reason and the
/// requests' reasons and notes are null when the decision is withheld from the reader.
/// </summary>
public sealed record CallInView(
    CallInOf Kind, int Id, DateOnly PublishedOn, CallInState State, DateOnly? EndsOn, string? UrgencyReason, string? UrgencyAgreedBy, DateOnly? UrgencyAgreedOn,
    DateOnly? ImplementedOn, IReadOnlyList<CallInRequestView> Requests, CallInRights Rights, int MembersNeeded, IReadOnlyList<NamedItem> Councillors)
{
    /// <summary>The call-in of <paramref name="decision"/> as <paramref name="today"/> finds it; <paramref name="names"/> names the signatories.</summary>
    public static CallInView Of(
        CallInOf of, CallInSubject decision, DateOnly today, IReadOnlyDictionary<int, string> names, bool withheld, CallInRights rights, int membersNeeded, IReadOnlyList<NamedItem> councillors)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(
            of, decision.Id, decision.PublishedOn, StateOf(decision, today), decision.CallInEndsOn, withheld ? null : decision.UrgencyReason, decision.UrgencyAgreedBy,
            decision.UrgencyAgreedOn, decision.ImplementedOn, RequestsOf(decision, names, withheld), rights, membersNeeded, councillors);
    }

    public static IReadOnlyList<CallInRequestView> RequestsOf(CallInSubject decision, IReadOnlyDictionary<int, string> names, bool withheld)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Requests.OrderBy(r => r.RequestedOn).ThenBy(r => r.Id).Select(r => new CallInRequestView(
            r.Id, r.RequestedOn, r.MemberIds.Select(m => names.GetValueOrDefault(m) ?? string.Empty).Order(StringComparer.CurrentCulture).ToList(),
            withheld ? null : r.Reasons, r.Outcome, r.DecidedOn, withheld ? null : r.OutcomeNote)).ToList();
    }

    public static CallInState StateOf(CallInSubject d, DateOnly today) => d switch
    {
        null => throw new ArgumentNullException(nameof(d)),
        { SubjectToCallIn: false } => CallInState.NotSubject,
        { IsUrgent: true } => CallInState.Urgent,
        _ when d.Requests.Any(r => r.Outcome == CallInOutcome.Pending) => CallInState.CalledIn,
        _ when d.Requests.Any(r => r.Outcome is CallInOutcome.ReferredBack or CallInOutcome.ReferredToCouncil) => CallInState.Referred,
        _ when today <= d.CallInEndsOn => CallInState.Open,
        _ => CallInState.Closed,
    };
}

/// <summary>The call-in operations, the same for every kind of executive decision; each service checks the rights on its own kind.</summary>
public interface ICallInWrites
{
    /// <summary>Records a call-in request signed by <paramref name="memberIds"/>, today; refused after the period.</summary>
    Task RequestAsync(int decisionId, IReadOnlyList<int> memberIds, string? reasons, CancellationToken ct);

    /// <summary>The scrutiny committee's outcome of a request.</summary>
    Task DecideAsync(int decisionId, int requestId, CallInOutcome outcome, DateOnly? decidedOn, string? note, CancellationToken ct);

    /// <summary>Exempts a decision from call-in as urgent, recording the scrutiny chair's agreement.</summary>
    Task ExemptAsUrgentAsync(int decisionId, string? reason, string? agreedBy, DateOnly? agreedOn, CancellationToken ct);

    /// <summary>Marks a decision implemented today: refused while its call-in period runs or a request is outstanding.</summary>
    Task MarkImplementedAsync(int decisionId, CancellationToken ct);
}

/// <summary>For the form: whom the caller may record a decision for, and the council's call-in rules.</summary>
public sealed record OfficerDecisionChoices(IReadOnlyList<NamedItem> Officers, IReadOnlyList<NamedItem> ExecutiveMembers, int CallInDays, int MembersNeeded, bool CanChangeSettings);

/// <summary>Told to open pages when an officer or executive member decision, or its call-in, changes.</summary>
public sealed record OfficerDecisionChanged(int DecisionId);
