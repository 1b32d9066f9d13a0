using Portal.Domain.Common;

namespace Portal.Domain.Plans;

/// <summary>
/// A risk to a plan's priorities, reviewed by senior managers: its cause and consequence, an
/// owner, the controls in place, and three scores on the 5x5 matrix: inherent (before
/// controls), residual (with them) and target (where the owner means to bring it).
/// </summary>
public sealed class Risk : Entity
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 4000;

    private Risk()
    {
        Title = string.Empty;
    }

    public int PlanId { get; private set; }

    public int Year { get; private set; }

    public int? PriorityId { get; private set; }

    public string Title { get; private set; }

    public string? Cause { get; private set; }

    public string? Consequence { get; private set; }

    public string? Controls { get; private set; }

    public int OwnerId { get; private set; }

    public int InherentLikelihood { get; private set; }

    public int InherentImpact { get; private set; }

    public int ResidualLikelihood { get; private set; }

    public int ResidualImpact { get; private set; }

    public int TargetLikelihood { get; private set; }

    public int TargetImpact { get; private set; }

    public DateOnly ReviewDate { get; private set; }

    /// <summary>A closed risk has gone away; it is kept for the record but not carried forward.</summary>
    public bool IsClosed { get; private set; }

    public int? CarriedFromId { get; private set; }

    public RiskScore Inherent => new(InherentLikelihood, InherentImpact);

    public RiskScore Residual => new(ResidualLikelihood, ResidualImpact);

    public RiskScore Target => new(TargetLikelihood, TargetImpact);

    public static Risk Create(DirectoratePlan plan, int year, RiskDescription description, RiskScores scores, DateOnly reviewDate)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.EnsureOpen(year);
        var risk = new Risk { PlanId = plan.Id, Year = year };
        risk.Revise(description, scores, reviewDate);
        return risk;
    }

    public void Revise(RiskDescription description, RiskScores scores, DateOnly reviewDate)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(scores);
        Title = Guard.RequiredText(description.Title, TitleMaxLength, "Risk.Title", nameof(Title), "title");
        Cause = Guard.OptionalText(description.Cause, TextMaxLength, "Risk.Cause", nameof(Cause), "cause");
        Consequence = Guard.OptionalText(description.Consequence, TextMaxLength, "Risk.Consequence", nameof(Consequence), "consequence");
        Controls = Guard.OptionalText(description.Controls, TextMaxLength, "Risk.Controls", nameof(Controls), "controls");
        if (description.OwnerId <= 0)
        {
            throw new DomainRuleException("Risk.OwnerRequired", "Choose who owns the risk.", nameof(OwnerId));
        }

        var inherent = RiskScore.Create(scores.InherentLikelihood, scores.InherentImpact, nameof(InherentLikelihood), nameof(InherentImpact));
        var residual = RiskScore.Create(scores.ResidualLikelihood, scores.ResidualImpact, nameof(ResidualLikelihood), nameof(ResidualImpact));
        var target = RiskScore.Create(scores.TargetLikelihood, scores.TargetImpact, nameof(TargetLikelihood), nameof(TargetImpact));
        if (residual.Score > inherent.Score)
        {
            throw new DomainRuleException(
                "Risk.ResidualAboveInherent",
                $"The residual score ({residual.Score}) cannot be higher than the inherent score ({inherent.Score}): controls do not make a risk worse.",
                nameof(ResidualLikelihood),
                residual.Score,
                inherent.Score);
        }

        PriorityId = description.PriorityId;
        OwnerId = description.OwnerId;
        (InherentLikelihood, InherentImpact) = (inherent.Likelihood, inherent.Impact);
        (ResidualLikelihood, ResidualImpact) = (residual.Likelihood, residual.Impact);
        (TargetLikelihood, TargetImpact) = (target.Likelihood, target.Impact);
        ReviewDate = reviewDate;
    }

    public void Close() => IsClosed = true;

    public void Reopen() => IsClosed = false;

    /// <summary>Whether the residual score is above the council's risk appetite.</summary>
    public bool ExceedsAppetite(int appetite) => !IsClosed && Residual.Score > appetite;

    public Risk ContinueInto(int year)
    {
        if (year <= Year)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "A risk continues into a later year.");
        }

        return new Risk
        {
            PlanId = PlanId,
            Year = year,
            PriorityId = PriorityId,
            Title = Title,
            Cause = Cause,
            Consequence = Consequence,
            Controls = Controls,
            OwnerId = OwnerId,
            InherentLikelihood = InherentLikelihood,
            InherentImpact = InherentImpact,
            ResidualLikelihood = ResidualLikelihood,
            ResidualImpact = ResidualImpact,
            TargetLikelihood = TargetLikelihood,
            TargetImpact = TargetImpact,
            ReviewDate = ReviewDate,
            CarriedFromId = Id,
        };
    }
}

/// <summary>What a risk is and who owns it, as an editor submits it.</summary>
public sealed record RiskDescription(string Title, string? Cause, string? Consequence, string? Controls, int OwnerId, int? PriorityId);

/// <summary>The three scores an editor submits, each likelihood and impact from 1 to 5.</summary>
public sealed record RiskScores(
    int InherentLikelihood, int InherentImpact,
    int ResidualLikelihood, int ResidualImpact,
    int TargetLikelihood, int TargetImpact);

/// <summary>A position on the 5x5 matrix: likelihood and impact from 1 (lowest) to 5 (highest).</summary>
public readonly record struct RiskScore(int Likelihood, int Impact)
{
    public const int Min = 1;
    public const int Max = 5;

    public int Score => Likelihood * Impact;

    public RiskLevel Level => LevelOf(Score);

    public static RiskScore Create(int likelihood, int impact, string likelihoodField = nameof(Likelihood), string impactField = nameof(Impact))
    {
        if (likelihood is < Min or > Max)
        {
            throw new DomainRuleException("Risk.LikelihoodOutOfRange", "Likelihood must be a whole number from 1 to 5.", likelihoodField);
        }

        if (impact is < Min or > Max)
        {
            throw new DomainRuleException("Risk.ImpactOutOfRange", "Impact must be a whole number from 1 to 5.", impactField);
        }

        return new RiskScore(likelihood, impact);
    }

    /// <summary>The bands of the 5x5 matrix: 1-4 low, 5-10 medium, 12-16 high, 20-25 very high.</summary>
    public static RiskLevel LevelOf(int score) => score switch
    {
        <= 4 => RiskLevel.Low,
        <= 10 => RiskLevel.Medium,
        <= 16 => RiskLevel.High,
        _ => RiskLevel.VeryHigh,
    };
}

public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
    VeryHigh = 4,
}
