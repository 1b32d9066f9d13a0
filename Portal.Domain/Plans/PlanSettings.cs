using Portal.Domain.Common;

namespace Portal.Domain.Plans;

/// <summary>
/// The council's settings for planning, one row for the whole council. The risk appetite is the
/// highest residual score the council accepts without escalation: the director's dashboard
/// lists every risk above it.
/// </summary>
public sealed class PlanSettings : Entity
{
    public const int DefaultRiskAppetite = 12;

    private PlanSettings()
    {
    }

    public int RiskAppetite { get; private set; }

    public static PlanSettings CreateDefault() => new() { Id = 1, RiskAppetite = DefaultRiskAppetite };

    public void SetRiskAppetite(int appetite)
    {
        if (appetite is < 1 or > 25)
        {
            throw new DomainRuleException("Settings.AppetiteOutOfRange", "The risk appetite must be a score from 1 to 25.", nameof(RiskAppetite));
        }

        RiskAppetite = appetite;
    }
}
