using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

public enum CadenceKind
{
    /// <summary>Every week on a weekday (the EMG on Tuesdays).</summary>
    Weekly = 0,

    /// <summary>Every other week on a weekday, counted from the first date (the KLG from Monday 4 September 2017).</summary>
    EveryOtherWeek = 1,

    /// <summary>The nth weekday of each month, or the last (the SMG on the first Tuesday).</summary>
    MonthlyWeekday = 2,

    /// <summary>The same day of each month, 1 to 28.</summary>
    MonthlyDay = 3,
}

/// <summary>What happens when a meeting in the series falls on a bank or public holiday.</summary>
public enum HolidayRule
{
    /// <summary>No meeting that time.</summary>
    Skip = 0,

    /// <summary>The meeting moves to the next working day.</summary>
    NextWorkingDay = 1,
}

/// <summary>One meeting a cadence gives: the series date it stands for, and the date it is held (different when a holiday moved it).</summary>
public sealed record CadenceSlot(DateOnly SeriesDate, DateOnly Date)
{
    public bool WasMoved => SeriesDate != Date;
}

/// <summary>The regular pattern a body meets in: how often, at what time, for how long, and where.</summary>
public sealed record CadenceRule(
    CadenceKind Kind,
    DayOfWeek? Weekday,
    int? WeekOfMonth,
    int? DayOfMonth,
    DateOnly FirstDate,
    DateOnly? LastDate,
    TimeOnly StartTime,
    int DurationMinutes,
    string? Venue,
    HolidayRule Holidays);

/// <summary>
/// A body's standing cadence. The rule only produces dates: meetings are generated from it some
/// months ahead, and a single meeting cancelled, moved or added by hand stays as it is, because
/// each generated meeting remembers the series date it stands for.
/// </summary>
public sealed class Cadence : Entity
{
    public const int VenueMaxLength = 200;
    public const int MaxDurationMinutes = 12 * 60;

    private Cadence()
    {
    }

    public int BodyId { get; private set; }

    public CadenceKind Kind { get; private set; }

    public DayOfWeek? Weekday { get; private set; }

    /// <summary>1 to 4, or <see cref="WorkingDays.Last"/> for the last, for <see cref="CadenceKind.MonthlyWeekday"/>.</summary>
    public int? WeekOfMonth { get; private set; }

    public int? DayOfMonth { get; private set; }

    public DateOnly FirstDate { get; private set; }

    public DateOnly? LastDate { get; private set; }

    public TimeOnly StartTime { get; private set; }

    public int DurationMinutes { get; private set; }

    public string? Venue { get; private set; }

    public HolidayRule Holidays { get; private set; }

    public TimeOnly EndTime => StartTime.AddMinutes(DurationMinutes);

    public CadenceRule Rule => new(Kind, Weekday, WeekOfMonth, DayOfMonth, FirstDate, LastDate, StartTime, DurationMinutes, Venue, Holidays);

    public static Cadence Create(Body body, CadenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(body);
        var cadence = new Cadence { BodyId = body.Id };
        cadence.Change(rule);
        return cadence;
    }

    public void Change(CadenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Validate(rule);
        Kind = rule.Kind;
        Weekday = rule.Kind == CadenceKind.MonthlyDay ? null : rule.Weekday;
        WeekOfMonth = rule.Kind == CadenceKind.MonthlyWeekday ? rule.WeekOfMonth : null;
        DayOfMonth = rule.Kind == CadenceKind.MonthlyDay ? rule.DayOfMonth : null;
        FirstDate = rule.FirstDate;
        LastDate = rule.LastDate;
        StartTime = rule.StartTime;
        DurationMinutes = rule.DurationMinutes;
        Venue = Guard.OptionalText(rule.Venue, VenueMaxLength, "Cadence.Venue", nameof(Venue), "venue");
        Holidays = rule.Holidays;
    }

    /// <summary>Checks a rule without keeping it: a rule with no weekday, a 31st of the month, a meeting that ends before it starts.</summary>
    public static void Validate(CadenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!Enum.IsDefined(rule.Kind))
        {
            throw new DomainRuleException("Cadence.KindRequired", "Choose how often the body meets.", nameof(Kind));
        }

        if (rule.Kind != CadenceKind.MonthlyDay && rule.Weekday is null)
        {
            throw new DomainRuleException("Cadence.WeekdayRequired", "Choose the day of the week the body meets.", nameof(Weekday));
        }

        if (rule.Kind == CadenceKind.MonthlyWeekday && rule.WeekOfMonth is not (>= 1 and <= WorkingDays.Last))
        {
            throw new DomainRuleException("Cadence.WeekOfMonthRequired", "Choose which week of the month: first, second, third, fourth or last.", nameof(WeekOfMonth));
        }

        if (rule.Kind == CadenceKind.MonthlyDay)
        {
            if (rule.DayOfMonth is null or < 1)
            {
                throw new DomainRuleException("Cadence.DayOfMonthRequired", "Enter the day of the month, from 1 to 28.", nameof(DayOfMonth));
            }

            if (rule.DayOfMonth > 28)
            {
                throw new DomainRuleException(
                    "Cadence.DayOfMonthTooLate",
                    $"Not every month has a {rule.DayOfMonth}th day. Choose a day from 1 to 28, or a weekday of the month such as the last Friday.",
                    nameof(DayOfMonth),
                    rule.DayOfMonth.Value);
            }
        }

        if (rule.DurationMinutes <= 0)
        {
            throw new DomainRuleException("Meeting.EndsBeforeStart", "The meeting must end after it starts.", nameof(DurationMinutes));
        }

        if (rule.DurationMinutes > MaxDurationMinutes || rule.StartTime.AddMinutes(rule.DurationMinutes) < rule.StartTime)
        {
            throw new DomainRuleException("Meeting.EndsNextDay", "A meeting must end on the day it starts.", nameof(DurationMinutes));
        }

        if (rule.LastDate is DateOnly last && last < rule.FirstDate)
        {
            throw new DomainRuleException("Cadence.EndsBeforeStart", "The last date must be on or after the first date.", nameof(LastDate));
        }
    }

    /// <summary>The meetings the rule gives from <paramref name="from"/> to <paramref name="to"/>, holidays handled by <see cref="Holidays"/>.</summary>
    public IEnumerable<CadenceSlot> Slots(DateOnly from, DateOnly to, IHolidayCalendar calendar) => SlotsOf(Rule, from, to, calendar);

    public static IEnumerable<CadenceSlot> SlotsOf(CadenceRule rule, DateOnly from, DateOnly to, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        var start = from < rule.FirstDate ? rule.FirstDate : from;
        var end = rule.LastDate is DateOnly last && last < to ? last : to;
        foreach (var seriesDate in SeriesDates(rule, start, end))
        {
            if (calendar.IsWorkingDay(seriesDate))
            {
                yield return new CadenceSlot(seriesDate, seriesDate);
            }
            else if (rule.Holidays == HolidayRule.NextWorkingDay)
            {
                yield return new CadenceSlot(seriesDate, WorkingDays.OnOrAfter(seriesDate, calendar));
            }
        }
    }

    private static IEnumerable<DateOnly> SeriesDates(CadenceRule rule, DateOnly from, DateOnly to)
    {
        switch (rule.Kind)
        {
            case CadenceKind.Weekly:
            case CadenceKind.EveryOtherWeek:
                var step = rule.Kind == CadenceKind.Weekly ? 7 : 14;
                var anchor = rule.FirstDate.AddDays(((int)rule.Weekday!.Value - (int)rule.FirstDate.DayOfWeek + 7) % 7);
                var first = anchor;
                if (from > anchor)
                {
                    var periods = (from.DayNumber - anchor.DayNumber + step - 1) / step;
                    first = anchor.AddDays(periods * step);
                }

                for (var day = first; day <= to; day = day.AddDays(step))
                {
                    yield return day;
                }

                break;
            case CadenceKind.MonthlyWeekday:
            case CadenceKind.MonthlyDay:
                for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
                {
                    var day = rule.Kind == CadenceKind.MonthlyDay
                        ? new DateOnly(month.Year, month.Month, rule.DayOfMonth!.Value)
                        : WorkingDays.NthWeekday(month.Year, month.Month, rule.Weekday!.Value, rule.WeekOfMonth!.Value);
                    if (day >= from && day <= to)
                    {
                        yield return day;
                    }
                }

                break;
        }
    }
}
