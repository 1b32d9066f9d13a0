using Portal.Domain.Common;
using Portal.Domain.Meetings;

namespace Portal.Tests.Domain.Meetings;

public sealed class CadenceTests
{
    private static readonly IHolidayCalendar England = EnglandAndWalesBankHolidays.Instance;
    private static readonly IHolidayCalendar Sweden = SwedishPublicHolidays.Instance;

    private static CadenceRule Rule(
        CadenceKind kind, DayOfWeek? weekday = DayOfWeek.Tuesday, int? week = null, int? day = null, DateOnly? first = null,
        HolidayRule holidays = HolidayRule.Skip, int duration = 90, DateOnly? last = null) =>
        new(kind, weekday, week, day, first ?? new DateOnly(2026, 1, 1), last, new TimeOnly(9, 30), duration, "Civic Centre", holidays);

    private static List<CadenceSlot> Slots(CadenceRule rule, DateOnly from, DateOnly to, IHolidayCalendar? calendar = null) =>
        Cadence.SlotsOf(rule, from, to, calendar ?? England).ToList();

    [Fact]
    public void WeeklyGivesEveryWeekdayInTheRange()
    {
        var slots = Slots(Rule(CadenceKind.Weekly), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        Assert.Equal([3, 10, 17, 24], slots.Select(s => s.Date.Day));
        Assert.All(slots, s => Assert.Equal(DayOfWeek.Tuesday, s.Date.DayOfWeek));
    }

    [Fact]
    public void EveryOtherWeekCountsFromTheFirstDateNotFromTheRange()
    {
        // The KLG: every other Monday from 4 September 2017.
        var rule = Rule(CadenceKind.EveryOtherWeek, DayOfWeek.Monday, first: new DateOnly(2017, 9, 4));

        var autumn = Slots(rule, new DateOnly(2017, 9, 1), new DateOnly(2017, 10, 31), Sweden);
        var later = Slots(rule, new DateOnly(2017, 10, 10), new DateOnly(2017, 11, 15), Sweden);

        Assert.Equal([new DateOnly(2017, 9, 4), new(2017, 9, 18), new(2017, 10, 2), new(2017, 10, 16), new(2017, 10, 30)], autumn.Select(s => s.Date));
        Assert.Equal([new DateOnly(2017, 10, 16), new(2017, 10, 30), new(2017, 11, 13)], later.Select(s => s.Date));
    }

    [Fact]
    public void NothingBeforeTheFirstDateOrAfterTheLast()
    {
        var rule = Rule(CadenceKind.Weekly, first: new DateOnly(2026, 11, 10), last: new DateOnly(2026, 11, 24));

        var slots = Slots(rule, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));

        Assert.Equal([10, 17, 24], slots.Select(s => s.Date.Day));
    }

    [Fact]
    public void MonthlyOnTheNthWeekdayAndOnTheLast()
    {
        var firstTuesday = Slots(Rule(CadenceKind.MonthlyWeekday, week: 1), new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31));
        var lastFriday = Slots(Rule(CadenceKind.MonthlyWeekday, DayOfWeek.Friday, week: WorkingDays.Last), new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31));

        Assert.Equal([new DateOnly(2026, 9, 1), new(2026, 10, 6), new(2026, 11, 3), new(2026, 12, 1)], firstTuesday.Select(s => s.Date));
        // The last Friday of December 2026 is Christmas Day, and this rule skips holidays.
        Assert.Equal([new DateOnly(2026, 9, 25), new(2026, 10, 30), new(2026, 11, 27)], lastFriday.Select(s => s.Date));
    }

    [Fact]
    public void MonthlyOnADayOfTheMonth()
    {
        var slots = Slots(Rule(CadenceKind.MonthlyDay, weekday: null, day: 15, holidays: HolidayRule.NextWorkingDay), new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30));

        // 15 August 2026 is a Saturday: moved to Monday 17th.
        Assert.Equal([new DateOnly(2026, 7, 15), new(2026, 8, 17), new(2026, 9, 15)], slots.Select(s => s.Date));
        Assert.Equal(new DateOnly(2026, 8, 15), slots[1].SeriesDate);
    }

    [Fact]
    public void SkipsOrMovesAMeetingThatFallsOnAHoliday()
    {
        // The KLG's 16th meeting fell on Christmas Day 2017, a Monday; annandag jul follows it.
        var skip = Rule(CadenceKind.EveryOtherWeek, DayOfWeek.Monday, first: new DateOnly(2017, 9, 4));
        var move = skip with { Holidays = HolidayRule.NextWorkingDay };
        var from = new DateOnly(2017, 12, 1);
        var to = new DateOnly(2018, 1, 10);

        Assert.Equal([new DateOnly(2017, 12, 11), new(2018, 1, 8)], Slots(skip, from, to, Sweden).Select(s => s.Date));
        var moved = Slots(move, from, to, Sweden);
        Assert.Equal([new DateOnly(2017, 12, 11), new(2017, 12, 27), new(2018, 1, 8)], moved.Select(s => s.Date));
        Assert.Equal(new DateOnly(2017, 12, 25), moved[1].SeriesDate);
        Assert.True(moved[1].WasMoved);
    }

    [Fact]
    public void MovesPastEasterMondayToTuesdayInEngland()
    {
        var mondays = Rule(CadenceKind.Weekly, DayOfWeek.Monday, holidays: HolidayRule.NextWorkingDay);

        var slots = Slots(mondays, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 14));

        Assert.Equal([new DateOnly(2026, 4, 7), new(2026, 4, 13)], slots.Select(s => s.Date));
    }

    [Fact]
    public void RefusesARuleWithNoWeekday()
    {
        var error = Assert.Throws<DomainRuleException>(() => Cadence.Validate(Rule(CadenceKind.Weekly, weekday: null)));

        Assert.Equal("Cadence.WeekdayRequired", error.Code);
        Assert.Equal(nameof(Cadence.Weekday), error.Field);
    }

    [Theory]
    [InlineData(29)]
    [InlineData(31)]
    public void RefusesADayOfTheMonthThatSomeMonthsDoNotHave(int day)
    {
        var error = Assert.Throws<DomainRuleException>(() => Cadence.Validate(Rule(CadenceKind.MonthlyDay, weekday: null, day: day)));

        Assert.Equal("Cadence.DayOfMonthTooLate", error.Code);
        Assert.Contains("1 to 28", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAMeetingThatEndsBeforeItStartsOrRunsPastMidnight()
    {
        Assert.Equal("Meeting.EndsBeforeStart", Assert.Throws<DomainRuleException>(() => Cadence.Validate(Rule(CadenceKind.Weekly, duration: 0))).Code);
        Assert.Equal("Meeting.EndsNextDay", Assert.Throws<DomainRuleException>(() => Cadence.Validate(Rule(CadenceKind.Weekly, duration: 15 * 60))).Code);
        Assert.Equal("Cadence.WeekOfMonthRequired", Assert.Throws<DomainRuleException>(() => Cadence.Validate(Rule(CadenceKind.MonthlyWeekday, week: 6))).Code);
    }
}
