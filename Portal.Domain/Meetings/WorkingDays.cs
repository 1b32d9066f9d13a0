namespace Portal.Domain.Meetings;

/// <summary>A country's days off: which days are public or bank holidays, and so which are working days.</summary>
public interface IHolidayCalendar
{
    /// <summary>The holiday's name when <paramref name="date"/> is one, otherwise null.</summary>
    string? HolidayOn(DateOnly date);

    /// <summary>Whether offices are open: not a weekend, not a holiday (nor, in Sweden, a holiday eve the law treats as one).</summary>
    bool IsWorkingDay(DateOnly date);
}

/// <summary>Which country's rules a council follows: its holidays, its time zone and its meeting law.</summary>
public enum Country
{
    England = 0,
    Sweden = 1,
}

public static class HolidayCalendars
{
    public static IHolidayCalendar For(Country country) => country switch
    {
        Country.Sweden => SwedishPublicHolidays.Instance,
        _ => EnglandAndWalesBankHolidays.Instance,
    };
}

/// <summary>Counting days the way councils do.</summary>
public static class WorkingDays
{
    /// <summary>The week number that means "the last such weekday of the month".</summary>
    public const int Last = 5;

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the next one.</summary>
    public static DateOnly OnOrAfter(DateOnly date, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        while (!calendar.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the one before.</summary>
    public static DateOnly OnOrBefore(DateOnly date, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        while (!calendar.IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>
    /// The <paramref name="week"/>th <paramref name="weekday"/> of a month (1 to 4), or the last
    /// one when <paramref name="week"/> is <see cref="Last"/>.
    /// </summary>
    public static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int week)
    {
        if (week is < 1 or > Last)
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, "A week of the month is 1 to 4, or 5 for the last.");
        }

        if (week == Last)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (week - 1)));
    }
}

/// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm, as published by Nature in 1876).</summary>
public static class Easter
{
    public static DateOnly Sunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
