using Portal.Domain.Common;

namespace Portal.Domain.Reports;

public enum DecisionMakerKind
{
    /// <summary>An officer acting under delegated powers (in Sweden, a delegationsbeslut).</summary>
    Officer = 0,

    /// <summary>An individual executive member (a portfolio holder) deciding alone.</summary>
    ExecutiveMember = 1,
}

/// <summary>What an officer or executive member decision says, as typed into the form.</summary>
public sealed record OfficerDecisionText(
    string? Title, DecisionMakerKind MakerKind, int MakerId, string? Delegation, DateOnly? DecidedOn, string? Decision, string? Reasons,
    string? Alternatives, string? Interests, string? Dispensations, string? BackgroundPapers, int? ExemptParagraph, bool IsKeyDecision, bool SubjectToCallIn);

/// <summary>
/// A decision taken by an officer under delegated powers or by an individual executive member, and
/// its written record (SI 2012/2089 reg. 13): the decision and its date, the reasons, the
/// alternatives considered and rejected, any conflict of interest declared by an executive member
/// consulted and any dispensation granted, the background papers, and the delegation relied on.
/// Published when recorded. An executive decision subject to call-in cannot be implemented until its
/// call-in period has ended and no request is outstanding, unless it was exempted as urgent with the
/// scrutiny chair's agreement.
/// </summary>
public sealed class OfficerDecision : CallInSubject
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 8_000;
    public const int NameMaxLength = 200;

    private readonly List<OfficerDecisionAmendment> _amendments = [];

    private OfficerDecision()
    {
        (Title, Delegation, DecisionText, Reasons) = (string.Empty, string.Empty, string.Empty, string.Empty);
    }

    public string Title { get; private set; }

    public DecisionMakerKind MakerKind { get; private set; }

    public int MakerId { get; private set; }

    /// <summary>The delegation relied on: the scheme of delegation's paragraph, or the portfolio.</summary>
    public string Delegation { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string DecisionText { get; private set; }

    public string Reasons { get; private set; }

    public string? Alternatives { get; private set; }

    public string? Interests { get; private set; }

    public string? Dispensations { get; private set; }

    public string? BackgroundPapers { get; private set; }

    /// <summary>Exempt under this paragraph of Schedule 12A: the public see the title and the paragraph only.</summary>
    public int? ExemptParagraph { get; private set; }

    public bool IsKeyDecision { get; private set; }

    public int RecordedById { get; private set; }

    /// <summary>The record as it stood before each amendment, oldest first: a published record is amended, never overwritten.</summary>
    public IReadOnlyList<OfficerDecisionAmendment> Amendments => _amendments;

    public bool IsExempt => ExemptParagraph is not null;

    public static OfficerDecision Record(OfficerDecisionText text, int recordedById, DateOnly today, CallInSettings settings, Meetings.IHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(settings);
        var decision = new OfficerDecision { RecordedById = recordedById };
        decision.Amend(text, today);
        decision.StartCallIn(today, settings, holidays);
        return decision;
    }

    /// <summary>Corrects the record. Whether it is subject to call-in is fixed once published: its period is already running.</summary>
    public void Amend(OfficerDecisionText text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enum.IsDefined(text.MakerKind))
        {
            throw new DomainRuleException("OfficerDecision.MakerKindRequired", "Choose who took the decision.", nameof(MakerKind));
        }

        if (text.DecidedOn is not DateOnly decidedOn)
        {
            throw new DomainRuleException("OfficerDecision.DateRequired", "Enter the date of the decision.", nameof(DecidedOn));
        }

        if (decidedOn > today)
        {
            throw new DomainRuleException("OfficerDecision.DateInFuture", "A decision is recorded once taken: the date cannot be after today.", nameof(DecidedOn));
        }

        if (Id != 0 && text.SubjectToCallIn != SubjectToCallIn)
        {
            throw new DomainRuleException("OfficerDecision.CallInFixed", "Whether the decision is subject to call-in cannot change once it is published.", nameof(SubjectToCallIn));
        }

        Title = Guard.RequiredText(text.Title, TitleMaxLength, "OfficerDecision.Title", nameof(Title), "title");
        Delegation = Guard.RequiredText(text.Delegation, TextMaxLength, "OfficerDecision.Delegation", nameof(Delegation), "delegation relied on");
        DecisionText = Guard.RequiredText(text.Decision, TextMaxLength, "OfficerDecision.Decision", nameof(DecisionText), "decision");
        Reasons = Guard.RequiredText(text.Reasons, TextMaxLength, "OfficerDecision.Reasons", nameof(Reasons), "reasons for the decision");
        Alternatives = Guard.OptionalText(text.Alternatives, TextMaxLength, "OfficerDecision.Alternatives", nameof(Alternatives), "alternatives considered");
        Interests = Guard.OptionalText(text.Interests, TextMaxLength, "OfficerDecision.Interests", nameof(Interests), "interests declared");
        Dispensations = Guard.OptionalText(text.Dispensations, TextMaxLength, "OfficerDecision.Dispensations", nameof(Dispensations), "dispensations");
        BackgroundPapers = Guard.OptionalText(text.BackgroundPapers, TextMaxLength, "OfficerDecision.BackgroundPapers", nameof(BackgroundPapers), "background papers");
        ExemptParagraph = Schedule12A.Validate(text.ExemptParagraph, nameof(ExemptParagraph));
        (MakerKind, MakerId, DecidedOn, IsKeyDecision, SubjectToCallIn) = (text.MakerKind, text.MakerId, decidedOn, text.IsKeyDecision, text.SubjectToCallIn);
    }

    /// <summary>
    /// Amends the published record on <paramref name="today"/>, saying why: the version it replaces is
    /// kept, dated, with who amended it and the reason, and stays readable beside the new one.
    /// </summary>
    public OfficerDecisionAmendment AmendPublished(OfficerDecisionText text, string? reason, string amendedBy, DateOnly today)
    {
        var why = Guard.RequiredText(reason, TextMaxLength, "OfficerDecision.AmendmentReason", "AmendmentReason", "reason for the amendment");
        var previous = new OfficerDecisionAmendment(this, _amendments.Count + 1, today, why, amendedBy);
        Amend(text, today);
        _amendments.Add(previous);
        return previous;
    }
}

/// <summary>
/// One amendment of a published officer or executive member decision: the record as it stood before
/// (its title, maker, delegation, date and texts), when it was amended, by whom and why.
/// </summary>
public sealed class OfficerDecisionAmendment
{
    private OfficerDecisionAmendment()
    {
        (Reason, AmendedBy, Title, Delegation, DecisionText, Reasons) = (string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
    }

    internal OfficerDecisionAmendment(OfficerDecision before, int number, DateOnly amendedOn, string reason, string amendedBy)
    {
        (Number, AmendedOn, Reason, AmendedBy) = (number, amendedOn, reason, amendedBy);
        (Title, MakerKind, MakerId, Delegation, DecidedOn) = (before.Title, before.MakerKind, before.MakerId, before.Delegation, before.DecidedOn);
        (DecisionText, Reasons, Alternatives, Interests, Dispensations, BackgroundPapers) =
            (before.DecisionText, before.Reasons, before.Alternatives, before.Interests, before.Dispensations, before.BackgroundPapers);
        (ExemptParagraph, IsKeyDecision) = (before.ExemptParagraph, before.IsKeyDecision);
    }

    public int Id { get; private set; }

    public int OfficerDecisionId { get; private set; }

    /// <summary>1 for the first amendment; the version it replaced was the original record.</summary>
    public int Number { get; private set; }

    public DateOnly AmendedOn { get; private set; }

    public string Reason { get; private set; }

    /// <summary>Who amended it, by name as the record shows them.</summary>
    public string AmendedBy { get; private set; }

    public string Title { get; private set; }

    public DecisionMakerKind MakerKind { get; private set; }

    public int MakerId { get; private set; }

    public string Delegation { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string DecisionText { get; private set; }

    public string Reasons { get; private set; }

    public string? Alternatives { get; private set; }

    public string? Interests { get; private set; }

    public string? Dispensations { get; private set; }

    public string? BackgroundPapers { get; private set; }

    public int? ExemptParagraph { get; private set; }

    public bool IsKeyDecision { get; private set; }
}
