using Portal.Components.Shared;
using Portal.Domain.Plans;
using Portal.Infrastructure.Concurrency;

namespace Portal.Features.Plans.Indicators;

/// <summary>A new indicator as an editor submits it; numbers stay text so a bad one is reported beside its field.</summary>
public sealed record NewIndicator(
    int PriorityId, string Code, string Title, string? Definition, MeasureUnit Unit, Polarity Polarity, Frequency Frequency,
    string? Baseline, string? Tolerance, int OwnerId);

public sealed record IndicatorDetails(
    int Id, PlanHeader Plan, NamedItem Priority, string Code, string Title, string? Definition, MeasureUnit Unit,
    Polarity Polarity, Frequency Frequency, decimal? Baseline, decimal Tolerance, NamedItem Owner, int OpenYear,
    IReadOnlyList<PeriodRow> Periods, IReadOnlyList<ChangeMade> History, bool CanEnter, bool CanApprove);

public sealed record PeriodRow(
    int Year, int Number, string Label, DateOnly End, decimal? Target, decimal? Actual, string? Commentary,
    DataState State, string? EnteredBy, string? ApprovedBy, Rag Rag, Trend SincePrevious, Trend SinceLastYear,
    bool IsOpen, bool IsEnteredByCaller, int Version);

/// <summary>A figure for one period as typed, in the reader's language; parsed by the service so a bad number is reported beside its field.</summary>
public sealed record PeriodEdit(int Year, int Number, string? Target, string? Actual, string? Commentary, int Version);

/// <summary>An indicator's recent figures for a small trend line, oldest first, with the band its latest target and tolerance allow.</summary>
public sealed record IndicatorTrend(IReadOnlyList<TrendPoint> Points, decimal? BandLow, decimal? BandHigh, decimal? Target, decimal Tolerance);

public sealed record TrendPoint(string Label, decimal? Actual, decimal? Target);
