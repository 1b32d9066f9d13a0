namespace Portal.Domain.Establishment;

/// <summary>One post's part in the establishment on a date.</summary>
public sealed record EstablishmentPost(int PostId, int UnitId, decimal Fte, bool IsFilled, decimal BandMinimum, decimal BandMaximum);

/// <summary>Posts, FTE, filled and vacant, and the cost at the band's minimum, midpoint and maximum with on-costs.</summary>
public sealed record EstablishmentFigures(
    int Posts, decimal Fte, int Filled, decimal FilledFte, int Vacant, decimal VacantFte, decimal CostAtMinimum, decimal CostAtMidpoint, decimal CostAtMaximum)
{
    public static readonly EstablishmentFigures Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// Adds up <paramref name="posts"/>. A post's cost is its band point times its FTE, plus
    /// on-costs (employer's pension and National Insurance) as a percentage; rounded to whole
    /// pounds only at the end.
    /// </summary>
    public static EstablishmentFigures Of(IEnumerable<EstablishmentPost> posts, decimal onCostPercent)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var list = posts.ToList();
        var factor = 1 + (onCostPercent / 100m);
        decimal Cost(Func<EstablishmentPost, decimal> point) => Math.Round(list.Sum(p => point(p) * p.Fte) * factor, 0, MidpointRounding.AwayFromZero);
        var filled = list.Where(p => p.IsFilled).ToList();
        var vacant = list.Where(p => !p.IsFilled).ToList();
        return new EstablishmentFigures(
            list.Count, list.Sum(p => p.Fte), filled.Count, filled.Sum(p => p.Fte), vacant.Count, vacant.Sum(p => p.Fte),
            Cost(p => p.BandMinimum), Cost(p => (p.BandMinimum + p.BandMaximum) / 2), Cost(p => p.BandMaximum));
    }
}

/// <summary>The council's establishment settings: on-costs as a percentage of salary.</summary>
public sealed class EstablishmentSettings : Common.Entity
{
    public const decimal DefaultOnCostPercent = 30m;

    private EstablishmentSettings()
    {
    }

    public decimal OnCostPercent { get; private set; } = DefaultOnCostPercent;

    public static EstablishmentSettings CreateDefault() => new() { Id = 1 };

    public void Change(decimal onCostPercent)
    {
        if (onCostPercent is < 0 or > 100)
        {
            throw new Common.DomainRuleException("Establishment.OnCostOutOfRange", "Enter on-costs from 0% to 100%.", nameof(OnCostPercent));
        }

        OnCostPercent = onCostPercent;
    }
}
