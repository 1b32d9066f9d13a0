using Portal.Domain.Common;

namespace Portal.Domain.Reports;

public enum DecisionOutcome
{
    Approved,
    ApprovedAsAmended,
    Deferred,
    Rejected,
}

/// <summary>
/// What was decided on one recommendation of a report: the outcome, the wording as decided,
/// the reasons, the alternatives rejected and the interests declared (the record of decision).
/// </summary>
public sealed class Decision : Entity
{
    public const int TextMaxLength = 8_000;

    private readonly List<DecisionLink> _links = [];

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

    public IReadOnlyList<DecisionLink> Links => _links;

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

        DecidedOn = decidedOn;
        Outcome = outcome;
        Wording = Guard.RequiredText(wording, TextMaxLength, "Decision.Wording", nameof(Wording), "decision as made");
        Reasons = Guard.OptionalText(reasons, TextMaxLength, "Decision.Reasons", nameof(Reasons), "reasons");
        AlternativesRejected = Guard.OptionalText(alternatives, TextMaxLength, "Decision.Alternatives", nameof(AlternativesRejected), "alternatives rejected");
        InterestsDeclared = Guard.OptionalText(interests, TextMaxLength, "Decision.Interests", nameof(InterestsDeclared), "interests declared");
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
}

public enum DecisionTarget
{
    KeyAction,
    ThreadItem,
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
