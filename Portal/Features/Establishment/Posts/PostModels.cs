using Portal.Components.Shared;
using Portal.Domain.Establishment;
using Portal.Features.Establishment.Chart;

namespace Portal.Features.Establishment.Posts;

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

public sealed record PostEdit(string Number, string Title, int UnitId, int GradeId, decimal Fte, int? AccountableToId, DateOnly? From, int Version = 0);

public sealed record PostChoices(IReadOnlyList<NamedItem> Units, IReadOnlyList<NamedItem> Grades, IReadOnlyList<NamedItem> Posts);
