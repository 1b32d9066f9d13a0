namespace Portal.Domain.Meetings;

/// <summary>
/// Clear days, as the Local Government Act 1972 counts them for agenda publication: a clear day
/// is a working day strictly between the day of publication and the day of the meeting, so
/// neither of those, nor weekends, nor bank holidays, count.
/// </summary>
public static class ClearDays
{
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
