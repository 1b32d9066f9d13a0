using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Plans;
using Portal.Resources;

namespace Portal.Features.Plans.Reports;

/// <summary>
/// The period a performance report is made up to: a quarter (<c>q1</c>–<c>q4</c>) or a month
/// (<c>m1</c>–<c>m12</c>) of the plan year, counted from the year's first month, or the whole
/// year (<c>year</c>). The report's figures are those as at the period's last day.
/// </summary>
public sealed record ReportPeriod(Frequency Kind, int Number)
{
    public static ReportPeriod WholeYear { get; } = new(Frequency.Annual, 1);

    /// <summary>The period a query value names, or null for anything else (the report as it stands).</summary>
    public static ReportPeriod? Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        code = code.Trim().ToLowerInvariant();
        if (code == "year")
        {
            return WholeYear;
        }

        if (code.Length is < 2 or > 3 || !int.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return code[0] switch
        {
            'q' when number is >= 1 and <= 4 => new ReportPeriod(Frequency.Quarterly, number),
            'm' when number is >= 1 and <= 12 => new ReportPeriod(Frequency.Monthly, number),
            _ => null,
        };
    }

    public string Code => Kind switch
    {
        Frequency.Quarterly => $"q{Number.ToString(CultureInfo.InvariantCulture)}",
        Frequency.Monthly => $"m{Number.ToString(CultureInfo.InvariantCulture)}",
        _ => "year",
    };

    public DateOnly Start(PlanCalendar calendar, int year) => calendar.PeriodStart(new ReportingPeriod(year, Number), Kind);

    public DateOnly End(PlanCalendar calendar, int year) => calendar.PeriodEnd(new ReportingPeriod(year, Number), Kind);

    /// <summary>"Q2 2026/27", "September 2026" or "2026/27 (whole year)".</summary>
    public string Label(IStringLocalizer<Text> t, PlanCalendar calendar, int year)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Kind switch
        {
            Frequency.Quarterly => t["PlanReport.QuarterLabel", Number, calendar.YearLabel(year)],
            Frequency.Monthly => Start(calendar, year).ToString("MMMM yyyy", CultureInfo.CurrentCulture),
            _ => t["PlanReport.WholeYear", calendar.YearLabel(year)],
        };
    }

    /// <summary>The periods of <paramref name="year"/> a report can be made up to on <paramref name="today"/>: those begun, quarters first.</summary>
    public static IReadOnlyList<ReportPeriod> Choices(PlanCalendar calendar, int year, DateOnly today) =>
        [.. new[] { Frequency.Quarterly, Frequency.Monthly }
            .SelectMany(kind => PlanCalendar.PeriodsOf(year, kind).Select(p => new ReportPeriod(kind, p.Number)))
            .Where(p => p.Start(calendar, year) <= today)
            .Append(WholeYear)];
}

/// <summary>A period a reader may choose for the report of a plan year, with its words.</summary>
public sealed record ReportPeriodChoice(string Code, string Label, bool IsQuarter);
