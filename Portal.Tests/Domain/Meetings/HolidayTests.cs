using Portal.Domain.Meetings;

namespace Portal.Tests.Domain.Meetings;

public sealed class HolidayTests
{
    [Theory]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)]
    public void ComputesEasterSunday(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Easter.Sunday(year));

    [Fact]
    public void ThePublishedEnglishListMatchesTheRulesInEveryOrdinaryYear()
    {
        int[] proclaimed = [2011, 2012, 2020, 2022, 2023];
        for (var year = EnglandAndWalesBankHolidays.PublishedFrom; year <= EnglandAndWalesBankHolidays.PublishedTo; year++)
        {
            var published = EnglandAndWalesBankHolidays.Instance.For(year);
            var rule = EnglandAndWalesBankHolidays.ByRule(year);
            if (proclaimed.Contains(year))
            {
                Assert.NotEqual(rule.Keys.Order(), published.Keys.Order());
            }
            else
            {
                Assert.Equal(rule.Keys.Order(), published.Keys.Order());
            }

            Assert.InRange(published.Count, 8, 10);
        }
    }

    [Fact]
    public void KeepsTheOneOffChangesFromThePublishedList()
    {
        var england = EnglandAndWalesBankHolidays.Instance;

        Assert.NotNull(england.HolidayOn(new DateOnly(2022, 9, 19))); // the state funeral
        Assert.NotNull(england.HolidayOn(new DateOnly(2020, 5, 8)));  // VE day moved the early May holiday
        Assert.Null(england.HolidayOn(new DateOnly(2020, 5, 4)));
        Assert.NotNull(england.HolidayOn(new DateOnly(2023, 5, 8)));  // the coronation
    }

    [Fact]
    public void ComputesYearsBeyondThePublishedList()
    {
        var england = EnglandAndWalesBankHolidays.Instance;

        // 2033: Christmas on a Sunday, so Boxing Day is Monday 26th and Christmas is observed on Tuesday 27th.
        Assert.Equal("Boxing Day", england.HolidayOn(new DateOnly(2033, 12, 26)));
        Assert.Equal("Christmas Day (substitute day)", england.HolidayOn(new DateOnly(2033, 12, 27)));
        Assert.False(england.IsWorkingDay(new DateOnly(2033, 12, 27)));
        Assert.Equal("Good Friday", england.HolidayOn(Easter.Sunday(2040).AddDays(-2)));
        Assert.Equal("Summer bank holiday", england.HolidayOn(new DateOnly(2035, 8, 27)));
        Assert.True(england.IsWorkingDay(new DateOnly(2035, 8, 28)));
    }

    [Fact]
    public void SwedishMovingSaturdaysFollowTheLaw()
    {
        var sweden = SwedishPublicHolidays.Instance;

        Assert.Equal("Midsommardagen", sweden.HolidayOn(new DateOnly(2026, 6, 20)));
        Assert.Equal("Midsommardagen", sweden.HolidayOn(new DateOnly(2025, 6, 21)));
        Assert.Equal("Alla helgons dag", sweden.HolidayOn(new DateOnly(2026, 10, 31)));
        Assert.Equal("Alla helgons dag", sweden.HolidayOn(new DateOnly(2025, 11, 1)));
        Assert.Equal(13, sweden.For(2026).Count);
    }

    [Fact]
    public void SwedishHolidaysIncludeTheMovingFeastsAndFixedDays()
    {
        var sweden = SwedishPublicHolidays.Instance;

        Assert.Equal("Kristi himmelsfärdsdag", sweden.HolidayOn(new DateOnly(2026, 5, 14)));
        Assert.Equal("Pingstdagen", sweden.HolidayOn(new DateOnly(2026, 5, 24)));
        Assert.Equal("Sveriges nationaldag", sweden.HolidayOn(new DateOnly(2026, 6, 6)));
        Assert.Equal("Trettondedag jul", sweden.HolidayOn(new DateOnly(2027, 1, 6)));
        Assert.Null(sweden.HolidayOn(new DateOnly(2026, 12, 24)));
    }

    [Fact]
    public void SwedishEvesAreNotWorkingDaysThoughNotHolidays()
    {
        var sweden = SwedishPublicHolidays.Instance;

        Assert.False(sweden.IsWorkingDay(new DateOnly(2026, 6, 19))); // midsommarafton, a Friday
        Assert.False(sweden.IsWorkingDay(new DateOnly(2026, 12, 24))); // julafton, a Thursday
        Assert.False(sweden.IsWorkingDay(new DateOnly(2026, 12, 31))); // nyårsafton
        Assert.True(sweden.IsWorkingDay(new DateOnly(2026, 12, 23)));
        Assert.True(EnglandAndWalesBankHolidays.Instance.IsWorkingDay(new DateOnly(2026, 12, 24)));
    }
}
