using Portal.Domain.Common;

namespace Portal.Domain.Reports;

public enum DecisionOutcome
{
    Approved = 0,
    ApprovedAsAmended = 1,
    Deferred = 2,
    Rejected = 3,
}

/// <summary>
/// What was decided on one recommendation of a report: the outcome, the wording as decided,
/// the reasons, the alternatives rejected, the interests declared and any dispensations granted
/// (the record of decision: SI 2012/2089 reg. 12(2) asks for "a record of any conflict of interest
/// ... declared" and, "in respect of any declared conflict of interest, a note of dispensation").
/// One taken at an executive body's meeting is subject to call-in from the day it is published, as an
/// executive member's decision is (<see cref="CallInSubject"/>).
/// </summary>
public sealed class Decision : CallInSubject
{
    public const int TextMaxLength = 8_000;

    private readonly List<DecisionLink> _links = [];
    private readonly List<Dispensation> _dispensations = [];

    private Decision()
    {
        Wording = string.Empty;
    }

    public int ReportId { get; private set; }

    public int RecommendationId { get; private set; }

    public int? MeetingId { get; private set; }

    public int? BodyId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public DecisionOutcome Outcome { get; private set; }

    public string Wording { get; private set; }

    public string? Reasons { get; private set; }

    public string? AlternativesRejected { get; private set; }

    public string? InterestsDeclared { get; private set; }

    /// <summary>The vote at the meeting that decided it, where one was taken: its result, and by name where it was a recorded vote, go with the decision.</summary>
    public int? VoteId { get; private set; }

    public IReadOnlyList<DecisionLink> Links => _links;

    /// <summary>Dispensations granted to those who declared an interest, so they could take part; none, one or several.</summary>
    public IReadOnlyList<Dispensation> Dispensations => _dispensations;

    public static Decision Record(Report report, Recommendation recommendation, DateOnly decidedOn, DecisionOutcome outcome, string? wording, string? reasons, string? alternatives, string? interests)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(recommendation);
        if (!report.IsPublished)
        {
            throw new DomainRuleException("Decision.ReportNotPublished", "A decision is recorded on a published report.");
        }

        var decision = new Decision
        {
            ReportId = report.Id,
            RecommendationId = recommendation.Id,
            MeetingId = report.MeetingId,
            BodyId = report.BodyId,
        };
        decision.Amend(decidedOn, outcome, wording ?? recommendation.Text, reasons ?? recommendation.Reason, alternatives, interests);
        return decision;
    }

    public void Amend(DateOnly decidedOn, DecisionOutcome outcome, string? wording, string? reasons, string? alternatives, string? interests)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("Decision.OutcomeRequired", "Choose the outcome.", nameof(Outcome));
        }

        if (_dispensations.Any(d => d.GrantedOn > decidedOn))
        {
            throw new DomainRuleException("Decision.DispensationAfterDecision", "A dispensation recorded here was granted after that date: a dispensation is granted before the decision it covers.", nameof(DecidedOn));
        }

        DecidedOn = decidedOn;
        Outcome = outcome;
        Wording = Guard.RequiredText(wording, TextMaxLength, "Decision.Wording", nameof(Wording), "decision as made");
        Reasons = Guard.OptionalText(reasons, TextMaxLength, "Decision.Reasons", nameof(Reasons), "reasons");
        AlternativesRejected = Guard.OptionalText(alternatives, TextMaxLength, "Decision.Alternatives", nameof(AlternativesRejected), "alternatives rejected");
        InterestsDeclared = Guard.OptionalText(interests, TextMaxLength, "Decision.Interests", nameof(InterestsDeclared), "interests declared");
    }

    /// <summary>
    /// Publishes the record of decision on <paramref name="today"/>; one taken by an executive body is subject
    /// to call-in, its period starting that day. A decision is published once: its period, once running, stays.
    /// </summary>
    public void Publish(DateOnly today, bool executive, CallInSettings settings, Meetings.IHolidayCalendar holidays)
    {
        if (PublishedOn != default)
        {
            throw new DomainRuleException("Decision.AlreadyPublished", "The decision is already published.", nameof(PublishedOn));
        }

        SubjectToCallIn = executive;
        StartCallIn(today, settings, holidays);
    }

    /// <summary>
    /// Links the vote that decided this (null for none): a vote taken at the meeting that made the
    /// decision, whose result agrees with the outcome (a lost vote does not approve, a carried one does
    /// not reject; a deferral may follow either, on a motion to defer).
    /// </summary>
    public void DecidedBy(Meetings.Vote? vote)
    {
        if (vote is null)
        {
            VoteId = null;
            return;
        }

        if (vote.MeetingId != MeetingId)
        {
            throw new DomainRuleException("Decision.VoteElsewhere", "Choose a vote taken at the meeting that made the decision.", nameof(VoteId));
        }

        var approved = Outcome is DecisionOutcome.Approved or DecisionOutcome.ApprovedAsAmended;
        if ((vote.Result == Meetings.VoteResult.Lost && approved) || (vote.Result == Meetings.VoteResult.Carried && Outcome == DecisionOutcome.Rejected))
        {
            throw new DomainRuleException("Decision.VoteDisagrees", "That vote's result does not agree with the outcome chosen.", nameof(VoteId));
        }

        VoteId = vote.Id;
    }

    /// <summary>Links the decision to a plan action or golden-thread item it creates or changes.</summary>
    public void Link(DecisionTarget target, int targetId)
    {
        if (_links.Any(l => l.Target == target && l.TargetId == targetId))
        {
            throw new DomainRuleException("Decision.AlreadyLinked", "The decision is already linked to that.", nameof(Links));
        }

        _links.Add(new DecisionLink(target, targetId));
    }

    public void Unlink(DecisionTarget target, int targetId) =>
        _links.RemoveAll(l => l.Target == target && l.TargetId == targetId);

    /// <summary>
    /// Notes a dispensation: to whom (a councillor who declared an interest), by whom (the Standards
    /// Committee, the Monitoring Officer or the head of paid service, as the council's arrangements say),
    /// on what date, and what it allowed. It is granted on or before the day of the decision.
    /// </summary>
    public Dispensation RecordDispensation(string? grantedTo, string? grantedBy, DateOnly? grantedOn, string? scope)
    {
        var dispensation = new Dispensation(
            Guard.RequiredText(grantedTo, Dispensation.NameMaxLength, "Dispensation.GrantedTo", nameof(Dispensation.GrantedTo), "name of the member it was granted to"),
            Guard.RequiredText(grantedBy, Dispensation.NameMaxLength, "Dispensation.GrantedBy", nameof(Dispensation.GrantedBy), "name of who granted it"),
            grantedOn ?? throw new DomainRuleException("Dispensation.GrantedOnRequired", "Enter the date the dispensation was granted.", nameof(Dispensation.GrantedOn)),
            Guard.RequiredText(scope, Dispensation.ScopeMaxLength, "Dispensation.Scope", nameof(Dispensation.Scope), "what the dispensation allowed"));
        if (dispensation.GrantedOn > DecidedOn)
        {
            throw new DomainRuleException("Dispensation.AfterDecision", "A dispensation is granted before the decision it covers: enter a date on or before the day of the decision.", nameof(Dispensation.GrantedOn));
        }

        _dispensations.Add(dispensation);
        return dispensation;
    }

    public void RemoveDispensation(int dispensationId)
    {
        if (_dispensations.RemoveAll(d => d.Id == dispensationId) == 0)
        {
            throw new DomainRuleException("Dispensation.NotFound", "That dispensation is no longer recorded on the decision.", nameof(Dispensations));
        }
    }
}

/// <summary>
/// A dispensation granted to a member with an interest in the matter, allowing them to take part in
/// the decision (Localism Act 2011, s.33), noted on the record of decision beside the interest.
/// </summary>
public sealed class Dispensation
{
    public const int NameMaxLength = 200;
    public const int ScopeMaxLength = 2_000;

    private Dispensation()
    {
        (GrantedTo, GrantedBy, Scope) = (string.Empty, string.Empty, string.Empty);
    }

    internal Dispensation(string grantedTo, string grantedBy, DateOnly grantedOn, string scope) =>
        (GrantedTo, GrantedBy, GrantedOn, Scope) = (grantedTo, grantedBy, grantedOn, scope);

    public int Id { get; private set; }

    public int DecisionId { get; private set; }

    /// <summary>The member it was granted to, as the record names them ("Cllr Ann Reid").</summary>
    public string GrantedTo { get; private set; }

    /// <summary>Who granted it: the Standards Committee, the Monitoring Officer, the head of paid service.</summary>
    public string GrantedBy { get; private set; }

    public DateOnly GrantedOn { get; private set; }

    /// <summary>What it allowed, in words: to speak, to vote, on which matter, until when.</summary>
    public string Scope { get; private set; }
}

public enum DecisionTarget
{
    KeyAction = 0,
    ThreadItem = 1,
}

/// <summary>A plan action or golden-thread item a decision creates or changes.</summary>
public sealed class DecisionLink
{
    private DecisionLink()
    {
    }

    internal DecisionLink(DecisionTarget target, int targetId) => (Target, TargetId) = (target, targetId);

    public int Id { get; private set; }

    public int DecisionId { get; private set; }

    public DecisionTarget Target { get; private set; }

    public int TargetId { get; private set; }
}
