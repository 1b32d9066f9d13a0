using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>
/// The council's meeting rules, which its standing orders may set differently from the law's
/// minimum: the clear days an agenda must be published ahead, how far ahead the calendar is
/// generated, and the country whose holidays and time zone apply.
/// </summary>
public sealed class MeetingSettings : Entity
{
    public const int MaxClearDays = 30;

    private MeetingSettings()
    {
    }

    public Country Country { get; private set; }

    public int AgendaClearDays { get; private set; } = ClearDays.AgendaDefault;

    /// <summary>How many months ahead meetings are generated from each cadence.</summary>
    public int MonthsAhead { get; private set; } = 12;

    public IHolidayCalendar Holidays => HolidayCalendars.For(Country);

    public static MeetingSettings CreateDefault(Country country) => new() { Id = 1, Country = country };

    public void Change(int agendaClearDays, int monthsAhead)
    {
        if (agendaClearDays is < 0 or > MaxClearDays)
        {
            throw new DomainRuleException("MeetingSettings.ClearDaysOutOfRange", $"Enter the clear days from 0 to {MaxClearDays}.", nameof(AgendaClearDays), MaxClearDays);
        }

        if (monthsAhead is < 1 or > 36)
        {
            throw new DomainRuleException("MeetingSettings.MonthsAheadOutOfRange", "Enter how many months ahead to plan, from 1 to 36.", nameof(MonthsAhead));
        }

        AgendaClearDays = agendaClearDays;
        MonthsAhead = monthsAhead;
    }
}
