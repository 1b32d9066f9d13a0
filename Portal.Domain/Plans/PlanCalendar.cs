namespace Portal.Domain.Plans;

/// <summary>
/// How a council counts its planning years and reporting periods. English councils plan by
/// financial year (April to March, written 2026/27); Swedish kommuner by calendar year (2026).
/// A year is named by the calendar year it starts in.
/// </summary>
public readonly record struct PlanCalendar
{
    public PlanCalendar(int yearStartMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(yearStartMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yearStartMonth, 12);
        YearStartMonth = yearStartMonth;
    }

    /// <summary>April: the UK local government financial year.</summary>
    public static PlanCalendar FinancialYear { get; } = new(4);

    /// <summary>January: the Swedish verksamhetsår.</summary>
    public static PlanCalendar CalendarYear { get; } = new(1);

    public int YearStartMonth { get; }

    public int YearOf(DateOnly date) => date.Month >= YearStartMonth ? date.Year : date.Year - 1;

    public DateOnly YearStart(int year) => new(year, YearStartMonth, 1);

    public DateOnly YearEnd(int year) => YearStart(year + 1).AddDays(-1);

    /// <summary>"2026/27" for a year that crosses New Year, "2026" for a calendar year.</summary>
    public string YearLabel(int year) => YearStartMonth == 1 ? year.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{year}/{(year + 1) % 100:00}";

    public static int PeriodsPerYear(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => 12,
        Frequency.Quarterly => 4,
        Frequency.Annual => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    public DateOnly PeriodStart(ReportingPeriod period, Frequency frequency) =>
        YearStart(period.Year).AddMonths((period.Number - 1) * (12 / PeriodsPerYear(frequency)));

    public DateOnly PeriodEnd(ReportingPeriod period, Frequency frequency) =>
        PeriodStart(period, frequency).AddMonths(12 / PeriodsPerYear(frequency)).AddDays(-1);

    /// <summary>The period that contains <paramref name="date"/>.</summary>
    public ReportingPeriod PeriodOf(DateOnly date, Frequency frequency)
    {
        var year = YearOf(date);
        var monthsIn = ((date.Year - year) * 12) + date.Month - YearStartMonth;
        return new ReportingPeriod(year, (monthsIn / (12 / PeriodsPerYear(frequency))) + 1);
    }

    /// <summary>The latest period that has ended on or before <paramref name="today"/>: the one whose figures are due.</summary>
    public ReportingPeriod LastCompletePeriod(DateOnly today, Frequency frequency) =>
        PeriodOf(today, frequency).Previous(frequency);

    /// <summary>Every period of <paramref name="year"/>, in order.</summary>
    public static IEnumerable<ReportingPeriod> PeriodsOf(int year, Frequency frequency) =>
        Enumerable.Range(1, PeriodsPerYear(frequency)).Select(n => new ReportingPeriod(year, n));
}

/// <summary>One reporting period: the year it belongs to and its number within it (quarter 1-4, month 1-12, or 1).</summary>
public readonly record struct ReportingPeriod(int Year, int Number) : IComparable<ReportingPeriod>
{
    public ReportingPeriod Previous(Frequency frequency) =>
        Number > 1 ? new(Year, Number - 1) : new(Year - 1, PlanCalendar.PeriodsPerYear(frequency));

    public ReportingPeriod Next(Frequency frequency) =>
        Number < PlanCalendar.PeriodsPerYear(frequency) ? new(Year, Number + 1) : new(Year + 1, 1);

    public ReportingPeriod SameLastYear => new(Year - 1, Number);

    public int CompareTo(ReportingPeriod other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;
}

public enum Frequency
{
    Monthly = 1,
    Quarterly = 2,
    Annual = 3,
}
