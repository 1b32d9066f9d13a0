using Portal.Domain.Establishment;

namespace Portal.Features.Establishment.Chart;

public sealed record ChartNode(
    int PostId, string Number, string Title, string Unit, string Grade, string? Holder, bool IsActing, RecruitmentStatus Recruitment,
    IReadOnlyList<StatutoryRole> Roles, IReadOnlyList<ChartNode> Children)
{
    public bool IsVacant => Holder is null;

    /// <summary>Vacant posts here and beneath.</summary>
    public int VacanciesBelow => Children.Sum(c => (c.IsVacant ? 1 : 0) + c.VacanciesBelow);
}

public sealed record ChartView(DateOnly On, IReadOnlyList<ChartNode> Roots, int Posts);
