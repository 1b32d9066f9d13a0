namespace Portal.Domain.Meetings;

/// <summary>
/// Clear days, counted two ways. For agenda publication (Local Government Act 1972, s.100B) a
/// clear day is a working day strictly between the day of publication and the day of the
/// meeting, so neither of those, nor weekends, nor bank holidays, count (<see cref="Between"/>).
/// Where a rule says "clear days" and nothing more, as the Forward Plan's notice of a key
/// decision does, every calendar day strictly between the two counts (<see cref="CalendarBetween"/>).
/// </summary>
public static class ClearDays
{
    /// <summary>
    /// Calendar clear days between giving notice on <paramref name="given"/> and the day the notice is for,
    /// <paramref name="day"/>: neither of those two days counts, every day between does, weekends and bank
    /// holidays included. This is the ordinary legal meaning of "clear days", which applies where the
    /// instrument does not define them otherwise; zero when <paramref name="day"/> is not after the day after.
    /// </summary>
    public static int CalendarBetween(DateOnly given, DateOnly day) => Math.Max(0, day.DayNumber - given.DayNumber - 1);

    /// <summary>The default notice: an agenda open to inspection at least five clear days before the meeting.</summary>
    public const int AgendaDefault = 5;

    /// <summary>The clear days between publishing on <paramref name="published"/> and meeting on <paramref name="meeting"/>.</summary>
    public static int Between(DateOnly published, DateOnly meeting, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var count = 0;
        for (var day = published.AddDays(1); day < meeting; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The last working day on which an agenda can be published and still give
    /// <paramref name="clearDays"/> clear days' notice of a meeting on <paramref name="meeting"/>.
    /// (Publishing on the weekend just before would also be in time, but offices publish on
    /// working days, so that is the date the portal asks for.)
    /// </summary>
    public static DateOnly PublicationDeadline(DateOnly meeting, int clearDays, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(clearDays);
        var day = meeting;
        var counted = 0;
        while (counted < clearDays)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return WorkingDays.OnOrBefore(day.AddDays(-1), calendar);
    }
}
