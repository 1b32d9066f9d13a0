using Portal.Domain.Establishment;

namespace Portal.Features.Establishment.Establishment;

public sealed record EstablishmentRow(int UnitId, string Unit, int Depth, EstablishmentFigures Figures);

/// <param name="Country">The council's country, whose currency the costs are in.</param>
public sealed record EstablishmentView(DateOnly On, decimal OnCostPercent, int SettingsVersion, IReadOnlyList<EstablishmentRow> Units, EstablishmentFigures Council, bool CanChange, Portal.Domain.Meetings.Country Country);
