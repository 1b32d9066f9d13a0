using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Plans;

/// <summary>
/// A performance indicator a plan reports against a priority: what is counted and how, which
/// way is better, how often, a baseline, a target per period and a tolerance band, and per
/// period an actual with commentary that someone other than its enterer approves.
/// </summary>
public sealed class PerformanceIndicator : Entity
{
    public const int CodeMaxLength = 30;
    public const int TitleMaxLength = 300;
    public const int DefinitionMaxLength = 4000;

    private readonly List<IndicatorValue> _values = [];

    private PerformanceIndicator()
    {
        Code = string.Empty;
        Title = string.Empty;
    }

    public int PlanId { get; private set; }

    public int PriorityId { get; private set; }

    public string Code { get; private set; }

    public string Title { get; private set; }

    public string? Definition { get; private set; }

    public MeasureUnit Unit { get; private set; }

    public Polarity Polarity { get; private set; }

    public Frequency Frequency { get; private set; }

    public decimal? Baseline { get; private set; }

    /// <summary>How far short of target (in the indicator's own unit) still counts as amber rather than red.</summary>
    public decimal Tolerance { get; private set; }

    /// <summary>The person who answers for the figures.</summary>
    public int OwnerId { get; private set; }

    public IReadOnlyList<IndicatorValue> Values => _values;

    public static PerformanceIndicator Create(
        DirectoratePlan plan, Priority priority, string code, string title, string? definition,
        MeasureUnit unit, Polarity polarity, Frequency frequency, decimal? baseline, decimal tolerance, int ownerId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(priority);
        var indicator = new PerformanceIndicator { PlanId = plan.Id, PriorityId = priority.Id, Frequency = frequency };
        indicator.Define(code, title, definition, unit, polarity, baseline, tolerance, ownerId);
        return indicator;
    }

    public void Define(string code, string title, string? definition, MeasureUnit unit, Polarity polarity, decimal? baseline, decimal tolerance, int ownerId)
    {
        Code = Guard.RequiredText(code, CodeMaxLength, "Indicator.Code", nameof(Code), "code");
        Title = Guard.RequiredText(title, TitleMaxLength, "Indicator.Title", nameof(Title), "title");
        Definition = Guard.OptionalText(definition, DefinitionMaxLength, "Indicator.Definition", nameof(Definition), "definition");
        if (tolerance < 0)
        {
            throw new DomainRuleException("Indicator.ToleranceNegative", "The tolerance must be zero or more.", nameof(Tolerance));
        }

        if (unit == MeasureUnit.Percent && baseline is < 0 or > 100)
        {
            throw new DomainRuleException("Indicator.PercentOutOfRange", "A percentage must be from 0 to 100.", nameof(Baseline));
        }

        if (ownerId <= 0)
        {
            throw new DomainRuleException("Indicator.OwnerRequired", "Choose who owns the indicator.", nameof(OwnerId));
        }

        Unit = unit;
        Polarity = polarity;
        Baseline = baseline;
        Tolerance = tolerance;
        OwnerId = ownerId;
    }

    public IndicatorValue? ValueFor(ReportingPeriod period) => _values.SingleOrDefault(v => v.Year == period.Year && v.Period == period.Number);

    public IndicatorValue SetTarget(ReportingPeriod period, decimal? target)
    {
        CheckPeriod(period);
        CheckRange(target, nameof(IndicatorValue.Target));
        var value = ValueFor(period) ?? Add(period);
        value.SetTarget(target);
        return value;
    }

    /// <summary>
    /// Enters (or corrects) the actual for a period. It starts as a draft, shown as such wherever
    /// it appears, until someone other than its enterer approves it.
    /// </summary>
    public IndicatorValue RecordActual(ReportingPeriod period, decimal actual, string? commentary, int enteredById, string enteredByName, DateTime enteredUtc)
    {
        CheckPeriod(period);
        CheckRange(actual, nameof(IndicatorValue.Actual));
        var value = ValueFor(period) ?? Add(period);
        value.Record(actual, commentary, enteredById, enteredByName, enteredUtc);
        return value;
    }

    public IndicatorValue Approve(ReportingPeriod period, int approverId, string approverName, DateTime approvedUtc)
    {
        var value = ValueFor(period);
        if (value?.Actual is null)
        {
            throw new DomainRuleException("Indicator.NothingToApprove", "There is no actual for this period to approve.");
        }

        value.Approve(approverId, approverName, approvedUtc);
        return value;
    }

    /// <summary>The RAG for one period, by <see cref="IndicatorRating.For"/>.</summary>
    public Rag RagFor(ReportingPeriod period) => ValueFor(period) is { } v ? IndicatorRating.For(Polarity, v.Target, v.Actual, Tolerance) : Rag.NotRated;

    /// <summary>The trend against the period before and against the same period a year earlier.</summary>
    public (Trend SincePrevious, Trend SinceLastYear) TrendFor(ReportingPeriod period)
    {
        var current = ValueFor(period)?.Actual;
        return (
            IndicatorRating.TrendOf(Polarity, ValueFor(period.Previous(Frequency))?.Actual, current),
            IndicatorRating.TrendOf(Polarity, ValueFor(period.SameLastYear)?.Actual, current));
    }

    /// <summary>Reads a number the way the reader typed it, in their language ("12.5" or "12,5").</summary>
    public static decimal? ParseNumber(string? text, IFormatProvider culture, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Trim().TrimEnd('%').Replace("£", string.Empty, StringComparison.Ordinal).Replace('\u00A0', ' ').Trim();
        if (decimal.TryParse(cleaned, NumberStyles.Number, culture, out var number))
        {
            return number;
        }

        throw new DomainRuleException("Indicator.NotANumber", $"Enter a number, like 12 or {12.5m.ToString(culture)}.", field, 12.5m.ToString(culture));
    }

    private IndicatorValue Add(ReportingPeriod period)
    {
        var value = new IndicatorValue(period);
        _values.Add(value);
        return value;
    }

    private void CheckPeriod(ReportingPeriod period)
    {
        if (period.Number < 1 || period.Number > PlanCalendar.PeriodsPerYear(Frequency))
        {
            throw new DomainRuleException("Indicator.PeriodUnknown", "Choose a period from the list.", nameof(IndicatorValue.Period));
        }
    }

    private void CheckRange(decimal? number, string field)
    {
        if (Unit == MeasureUnit.Percent && number is < 0 or > 100)
        {
            throw new DomainRuleException("Indicator.PercentOutOfRange", "A percentage must be from 0 to 100.", field);
        }

        if (Unit == MeasureUnit.Days && number < 0)
        {
            throw new DomainRuleException("Indicator.DaysNegative", "A number of days cannot be negative.", field);
        }
    }
}

/// <summary>One period of an indicator: its target, its actual and the actual's approval.</summary>
public sealed class IndicatorValue : Entity
{
    public const int CommentaryMaxLength = 4000;

    private IndicatorValue()
    {
    }

    internal IndicatorValue(ReportingPeriod period)
    {
        Year = period.Year;
        Period = period.Number;
    }

    public int IndicatorId { get; private set; }

    public int Year { get; private set; }

    public int Period { get; private set; }

    public ReportingPeriod ReportingPeriod => new(Year, Period);

    public decimal? Target { get; private set; }

    public decimal? Actual { get; private set; }

    public string? Commentary { get; private set; }

    public DataState State { get; private set; }

    public int? EnteredById { get; private set; }

    public string? EnteredByName { get; private set; }

    public DateTime? EnteredUtc { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTime? ApprovedUtc { get; private set; }

    internal void SetTarget(decimal? target) => Target = target;

    internal void Record(decimal actual, string? commentary, int enteredById, string enteredByName, DateTime enteredUtc)
    {
        Commentary = Guard.OptionalText(commentary, CommentaryMaxLength, "Indicator.Commentary", nameof(Commentary), "commentary");
        Actual = actual;
        State = DataState.Draft;
        EnteredById = enteredById;
        EnteredByName = enteredByName;
        EnteredUtc = enteredUtc;
        ApprovedByName = null;
        ApprovedUtc = null;
    }

    internal void Approve(int approverId, string approverName, DateTime approvedUtc)
    {
        if (State == DataState.Approved)
        {
            throw new DomainRuleException("Indicator.AlreadyApproved", "This figure is already approved.");
        }

        if (approverId == EnteredById)
        {
            throw new DomainRuleException("Indicator.ApproverIsEnterer", "Someone other than the person who entered a figure must approve it.");
        }

        State = DataState.Approved;
        ApprovedByName = approverName;
        ApprovedUtc = approvedUtc;
    }
}

public enum MeasureUnit
{
    Number = 0,
    Percent = 1,
    Pounds = 2,
    Days = 3,
}

public enum Polarity
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,

    /// <summary>Reported for context, with no better direction (for example, the number of enquiries).</summary>
    Neutral = 3,
}

public enum DataState
{
    /// <summary>No actual yet.</summary>
    NoData = 0,
    Draft = 1,
    Approved = 2,
}

public enum Trend
{
    /// <summary>No figure to compare with.</summary>
    NotComparable = 0,
    Improving = 1,
    NoChange = 2,
    Worsening = 3,

    /// <summary>A neutral indicator went up: a change, not a judgement.</summary>
    Up = 4,

    /// <summary>A neutral indicator went down: a change, not a judgement.</summary>
    Down = 5,
}

/// <summary>The documented rules for rating an indicator's period and for its trend.</summary>
public static class IndicatorRating
{
    /// <summary>
    /// No target or no actual: not rated. Otherwise, by polarity:
    /// <list type="bullet">
    /// <item>Higher is better: at or above target green; short of it by no more than the tolerance amber; further short red.</item>
    /// <item>Lower is better: at or below target green; over it by no more than the tolerance amber; further over red.</item>
    /// <item>Neutral: within the tolerance either side of the target green, outside it amber; never red, as neither direction is worse.</item>
    /// </list>
    /// </summary>
    public static Rag For(Polarity polarity, decimal? target, decimal? actual, decimal tolerance)
    {
        if (target is not { } t || actual is not { } a)
        {
            return Rag.NotRated;
        }

        return polarity switch
        {
            Polarity.HigherIsBetter => a >= t ? Rag.Green : a >= t - tolerance ? Rag.Amber : Rag.Red,
            Polarity.LowerIsBetter => a <= t ? Rag.Green : a <= t + tolerance ? Rag.Amber : Rag.Red,
            _ => Math.Abs(a - t) <= tolerance ? Rag.Green : Rag.Amber,
        };
    }

    /// <summary>
    /// Compares a figure with an earlier one: for an indicator with a better direction, improving,
    /// worsening or no change; for a neutral one, only up, down or no change.
    /// </summary>
    public static Trend TrendOf(Polarity polarity, decimal? earlier, decimal? current)
    {
        if (earlier is not { } before || current is not { } now)
        {
            return Trend.NotComparable;
        }

        if (now == before)
        {
            return Trend.NoChange;
        }

        var up = now > before;
        return polarity switch
        {
            Polarity.HigherIsBetter => up ? Trend.Improving : Trend.Worsening,
            Polarity.LowerIsBetter => up ? Trend.Worsening : Trend.Improving,
            _ => up ? Trend.Up : Trend.Down,
        };
    }
}
