using Portal.Components.Shared;
using Portal.Domain.Establishment;

namespace Portal.Features.Establishment;

/// <summary>Published after any change to posts, holders, reporting lines, designations or settings.</summary>
public sealed record EstablishmentChanged(int PostId);

public sealed record ChartNode(
    int PostId, string Number, string Title, string Unit, string Grade, string? Holder, bool IsActing, RecruitmentStatus Recruitment,
    IReadOnlyList<StatutoryRole> Roles, IReadOnlyList<ChartNode> Children)
{
    public bool IsVacant => Holder is null;

    /// <summary>Vacant posts here and beneath.</summary>
    public int VacanciesBelow => Children.Sum(c => (c.IsVacant ? 1 : 0) + c.VacanciesBelow);
}

public sealed record ChartView(DateOnly On, IReadOnlyList<ChartNode> Roots, int Posts);

public sealed record RoleHolder(StatutoryRole Role, int? PostId, string? PostTitle, string? Holder, DateOnly? Since);

public sealed record RolesView(DateOnly On, IReadOnlyList<RoleHolder> Roles, IReadOnlyList<RoleWarning> Warnings, bool CanDesignate, IReadOnlyList<NamedItem> Posts);

public sealed record CriterionView(string Heading, string Text, bool IsEssential, string? MeasuredBy);

public sealed record HoldingView(string Person, DateOnly From, DateOnly? To, bool IsActing);

public sealed record OwnedItem(string Kind, string Title, string Link);

public sealed record PostDetails(
    int Id,
    int Version,
    string Number,
    string Title,
    NamedItem Unit,
    string Grade,
    decimal BandMinimum,
    decimal BandMaximum,
    decimal Fte,
    DateOnly EstablishedOn,
    NamedItem? AccountableTo,
    HoldingView? Holder,
    IReadOnlyList<HoldingView> Holdings,
    string? Purpose,
    string? PrincipalAccountabilities,
    string? KeyResultAreas,
    IReadOnlyList<CriterionView> Criteria,
    RecruitmentStatus Recruitment,
    DateOnly? RecruitmentOpenedOn,
    DateOnly? RecruitmentClosesOn,
    DateOnly? AppointedOn,
    IReadOnlyList<StatutoryRole> Roles,
    IReadOnlyList<ChartNode> AccountableFor,
    IReadOnlyList<OwnedItem> Owns,
    bool CanEdit,
    IReadOnlyList<NamedItem> PostChoices,
    IReadOnlyList<NamedItem> People,
    Portal.Domain.Meetings.Country Country);

public sealed record EstablishmentRow(int UnitId, string Unit, int Depth, EstablishmentFigures Figures);

/// <param name="Country">The council's country, whose currency the costs are in.</param>
public sealed record EstablishmentView(DateOnly On, decimal OnCostPercent, int SettingsVersion, IReadOnlyList<EstablishmentRow> Units, EstablishmentFigures Council, bool CanChange, Portal.Domain.Meetings.Country Country);

public sealed record PostEdit(string Number, string Title, int UnitId, int GradeId, decimal Fte, int? AccountableToId, DateOnly? From, int Version = 0);

public sealed record PostChoices(IReadOnlyList<NamedItem> Units, IReadOnlyList<NamedItem> Grades, IReadOnlyList<NamedItem> Posts);
