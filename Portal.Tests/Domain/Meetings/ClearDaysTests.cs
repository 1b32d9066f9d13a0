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
    public void ATuesdayMeetingIsPublishedByTheMondayOfTheWeekBefore()
    {
        // Tuesday 8 December 2026: the five clear days are Tuesday 1 to Monday 7 December, less the weekend.
        var meeting = new DateOnly(2026, 12, 8);

        Assert.Equal(new DateOnly(2026, 11, 30), ClearDays.PublicationDeadline(meeting, 5, England));
        Assert.Equal(5, ClearDays.Between(new DateOnly(2026, 11, 30), meeting, England));
        Assert.Equal(4, ClearDays.Between(new DateOnly(2026, 12, 1), meeting, England));
    }

    [Fact]
    public void NuneatonAndBedworthsMeetingsMovedForEaster2019()
    {
        // Nuneaton and Bedworth Borough Council moved two meetings on 17 April 2019 because "Bank holidays are not deemed
        // to be clear days and the two Easter public holidays were overlooked": the Planning Applications Committee from
        // Tuesday 23 April to 30 April, the Overview and Scrutiny Panel from Thursday 25 April to 2 May.
        // Good Friday was 19 April, Easter Monday 22 April.
        var (planning, scrutiny) = (new DateOnly(2019, 4, 23), new DateOnly(2019, 4, 25));

        // Counting five weekdays back but overlooking the holidays gives Monday 15 and Wednesday 17 April: three clear days each.
        Assert.Equal(3, ClearDays.Between(new DateOnly(2019, 4, 15), planning, England));
        Assert.Equal(3, ClearDays.Between(new DateOnly(2019, 4, 17), scrutiny, England));
        Assert.Equal(new DateOnly(2019, 4, 11), ClearDays.PublicationDeadline(planning, 5, England));
        Assert.Equal(new DateOnly(2019, 4, 15), ClearDays.PublicationDeadline(scrutiny, 5, England));

        // A week later, papers out by Thursday 18 and Wednesday 24 April are in time: published on the day of the notice,
        // Wednesday 17 April, the moved planning meeting has six clear days.
        Assert.Equal(new DateOnly(2019, 4, 18), ClearDays.PublicationDeadline(new DateOnly(2019, 4, 30), 5, England));
        Assert.Equal(new DateOnly(2019, 4, 24), ClearDays.PublicationDeadline(new DateOnly(2019, 5, 2), 5, England));
        Assert.Equal(6, ClearDays.Between(new DateOnly(2019, 4, 17), new DateOnly(2019, 4, 30), England));
    }

    [Fact]
    public void PublishingOnTheDayBeforeOrOfTheMeetingGivesNoClearDays()
    {
        var meeting = new DateOnly(2026, 12, 8);

        Assert.Equal(0, ClearDays.Between(new DateOnly(2026, 12, 7), meeting, England));
        Assert.Equal(0, ClearDays.Between(meeting, meeting, England));
        // Over a weekend: published Friday for Monday, the Saturday and Sunday between are not clear days.
        Assert.Equal(0, ClearDays.Between(new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 7), England));
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
