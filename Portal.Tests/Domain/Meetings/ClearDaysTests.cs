using Portal.Domain.Meetings;

namespace Portal.Tests.Domain.Meetings;

public sealed class ClearDaysTests
{
    private static readonly IHolidayCalendar England = EnglandAndWalesBankHolidays.Instance;

    [Fact]
    public void CountsNeitherThePublicationDayNorTheMeetingDayNorTheWeekend()
    {
        // York's Executive Member and Advisory Panel met on Monday 14 July 2008.
        var meeting = new DateOnly(2008, 7, 14);

        Assert.Equal(5, ClearDays.Between(new DateOnly(2008, 7, 4), meeting, England));
        Assert.Equal(4, ClearDays.Between(new DateOnly(2008, 7, 7), meeting, England));
        Assert.Equal(new DateOnly(2008, 7, 4), ClearDays.PublicationDeadline(meeting, 5, England));
    }

    [Fact]
    public void SkipsBankHolidaysWhenCountingBack()
    {
        // Carlisle's Employment Panel, Tuesday 25 August 2009: no bank holiday in the five days before.
        Assert.Equal(new DateOnly(2009, 8, 17), ClearDays.PublicationDeadline(new DateOnly(2009, 8, 25), 5, England));

        // A meeting on the Tuesday after the summer bank holiday (Monday 31 August 2009) needs one more day.
        Assert.Equal(new DateOnly(2009, 8, 21), ClearDays.PublicationDeadline(new DateOnly(2009, 9, 1), 5, England));
    }

    [Fact]
    public void SkipsGoodFridayAndEasterMonday()
    {
        // Easter 2020: Good Friday 10 April, Easter Monday 13 April.
        var meeting = new DateOnly(2020, 4, 15);

        Assert.Equal(new DateOnly(2020, 4, 3), ClearDays.PublicationDeadline(meeting, 5, England));
        Assert.Equal(5, ClearDays.Between(new DateOnly(2020, 4, 3), meeting, England));
        Assert.Equal(4, ClearDays.Between(new DateOnly(2020, 4, 6), meeting, England));
    }

    [Fact]
    public void SkipsChristmasBoxingDaySubstituteAndNewYear()
    {
        // Christmas 2026 is a Friday, so Boxing Day moves to Monday 28 December; New Year's Day 2027 is a Friday.
        var meeting = new DateOnly(2027, 1, 5);

        Assert.Equal(new DateOnly(2026, 12, 23), ClearDays.PublicationDeadline(meeting, 5, England));
        Assert.Equal(5, ClearDays.Between(new DateOnly(2026, 12, 23), meeting, England));
    }

    [Fact]
    public void GivesTheLastWorkingDayWhenTheLegalLatestDayIsAWeekend()
    {
        // Monday meeting: five clear days are Mon-Fri of the week before; the weekend before them is not an office day.
        var deadline = ClearDays.PublicationDeadline(new DateOnly(2026, 12, 14), 5, England);

        Assert.Equal(new DateOnly(2026, 12, 4), deadline);
        Assert.Equal(DayOfWeek.Friday, deadline.DayOfWeek);
    }

    [Fact]
    public void FollowsTheCouncilsOwnNumberOfClearDays()
    {
        var meeting = new DateOnly(2026, 12, 17); // a Thursday

        Assert.Equal(new DateOnly(2026, 12, 15), ClearDays.PublicationDeadline(meeting, 1, England));
        Assert.Equal(new DateOnly(2026, 12, 16), ClearDays.PublicationDeadline(meeting, 0, England));
        Assert.Equal(new DateOnly(2026, 12, 2), ClearDays.PublicationDeadline(meeting, 10, England));
    }
}
