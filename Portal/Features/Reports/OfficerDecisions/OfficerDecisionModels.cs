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

public sealed record CallInRequestView(int Id, DateOnly RequestedOn, IReadOnlyList<string> Members, string Reasons, CallInOutcome Outcome, DateOnly? DecidedOn, string? Note);

/// <param name="Withheld">The reader may not read an exempt decision: every text field is null.</param>
public sealed record OfficerDecisionView(
    int Id, int Version, string Title, DecisionMakerKind MakerKind, int MakerId, string MakerName, string? MakerTitle, DateOnly DecidedOn, DateOnly PublishedOn,
    bool Withheld, int? ExemptParagraph, string? Delegation, string? Decision, string? Reasons, string? Alternatives, string? Interests,
    string? Dispensations, string? BackgroundPapers, bool IsKeyDecision, bool SubjectToCallIn, CallInState CallIn, DateOnly? CallInEndsOn,
    string? UrgencyReason, string? UrgencyAgreedBy, DateOnly? UrgencyAgreedOn, DateOnly? ImplementedOn, IReadOnlyList<CallInRequestView> Requests,
    OfficerDecisionRights Rights, int MembersNeeded, IReadOnlyList<NamedItem> Councillors, IReadOnlyList<OfficerDecisionAmendmentView>? Amendments = null);

/// <summary>The record as it stood before one amendment, newest first; its texts null when the decision is withheld from the reader.</summary>
public sealed record OfficerDecisionAmendmentView(
    int Number, DateOnly AmendedOn, string AmendedBy, string? Reason, string Title, string MakerName, DateOnly DecidedOn, string? Delegation, string? Decision, string? Reasons);

/// <summary>What the caller may do with one decision: the service decides; the page only shows the forms that follow.</summary>
public sealed record OfficerDecisionRights(bool CanAmend, bool CanImplement, bool CanRequestCallIn, bool CanManageCallIn);

/// <summary>For the form: whom the caller may record a decision for, and the council's call-in rules.</summary>
public sealed record OfficerDecisionChoices(IReadOnlyList<NamedItem> Officers, IReadOnlyList<NamedItem> ExecutiveMembers, int CallInDays, int MembersNeeded, bool CanChangeSettings);

/// <summary>Told to open pages when an officer or executive member decision, or its call-in, changes.</summary>
public sealed record OfficerDecisionChanged(int DecisionId);
