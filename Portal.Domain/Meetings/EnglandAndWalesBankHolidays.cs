namespace Portal.Domain.Meetings;

/// <summary>
/// Bank holidays in England and Wales. The dates published by the government (gov.uk) are
/// shipped as data, with their one-off changes (the royal wedding, jubilees, VE day, the state
/// funeral, the coronation); for years beyond the list the standing rules are computed: New
/// Year's Day, Good Friday, Easter Monday, the first and last Mondays in May, the last Monday in
/// August, Christmas Day and Boxing Day, with substitute weekdays when they fall at a weekend.
/// </summary>
public sealed class EnglandAndWalesBankHolidays : IHolidayCalendar
{
    public static readonly EnglandAndWalesBankHolidays Instance = new();

    /// <summary>The first and last years the published list covers.</summary>
    public const int PublishedFrom = 2008;

    public const int PublishedTo = 2028;

    private static readonly (DateOnly Date, string Name)[] Published =
    [
        (new DateOnly(2008, 1, 1), "New Year's Day"),
        (new DateOnly(2008, 3, 21), "Good Friday"),
        (new DateOnly(2008, 3, 24), "Easter Monday"),
        (new DateOnly(2008, 5, 5), "Early May bank holiday"),
        (new DateOnly(2008, 5, 26), "Spring bank holiday"),
        (new DateOnly(2008, 8, 25), "Summer bank holiday"),
        (new DateOnly(2008, 12, 25), "Christmas Day"),
        (new DateOnly(2008, 12, 26), "Boxing Day"),
        (new DateOnly(2009, 1, 1), "New Year's Day"),
        (new DateOnly(2009, 4, 10), "Good Friday"),
        (new DateOnly(2009, 4, 13), "Easter Monday"),
        (new DateOnly(2009, 5, 4), "Early May bank holiday"),
        (new DateOnly(2009, 5, 25), "Spring bank holiday"),
        (new DateOnly(2009, 8, 31), "Summer bank holiday"),
        (new DateOnly(2009, 12, 25), "Christmas Day"),
        (new DateOnly(2009, 12, 28), "Boxing Day (substitute day)"),
        (new DateOnly(2010, 1, 1), "New Year's Day"),
        (new DateOnly(2010, 4, 2), "Good Friday"),
        (new DateOnly(2010, 4, 5), "Easter Monday"),
        (new DateOnly(2010, 5, 3), "Early May bank holiday"),
        (new DateOnly(2010, 5, 31), "Spring bank holiday"),
        (new DateOnly(2010, 8, 30), "Summer bank holiday"),
        (new DateOnly(2010, 12, 27), "Christmas Day (substitute day)"),
        (new DateOnly(2010, 12, 28), "Boxing Day (substitute day)"),
        (new DateOnly(2011, 1, 3), "New Year's Day (substitute day)"),
        (new DateOnly(2011, 4, 22), "Good Friday"),
        (new DateOnly(2011, 4, 25), "Easter Monday"),
        (new DateOnly(2011, 4, 29), "Royal wedding"),
        (new DateOnly(2011, 5, 2), "Early May bank holiday"),
        (new DateOnly(2011, 5, 30), "Spring bank holiday"),
        (new DateOnly(2011, 8, 29), "Summer bank holiday"),
        (new DateOnly(2011, 12, 26), "Boxing Day"),
        (new DateOnly(2011, 12, 27), "Christmas Day (substitute day)"),
        (new DateOnly(2012, 1, 2), "New Year's Day (substitute day)"),
        (new DateOnly(2012, 4, 6), "Good Friday"),
        (new DateOnly(2012, 4, 9), "Easter Monday"),
        (new DateOnly(2012, 5, 7), "Early May bank holiday"),
        (new DateOnly(2012, 6, 4), "Spring bank holiday"),
        (new DateOnly(2012, 6, 5), "Queen's Diamond Jubilee"),
        (new DateOnly(2012, 8, 27), "Summer bank holiday"),
        (new DateOnly(2012, 12, 25), "Christmas Day"),
        (new DateOnly(2012, 12, 26), "Boxing Day"),
        (new DateOnly(2013, 1, 1), "New Year's Day"),
        (new DateOnly(2013, 3, 29), "Good Friday"),
        (new DateOnly(2013, 4, 1), "Easter Monday"),
        (new DateOnly(2013, 5, 6), "Early May bank holiday"),
        (new DateOnly(2013, 5, 27), "Spring bank holiday"),
        (new DateOnly(2013, 8, 26), "Summer bank holiday"),
        (new DateOnly(2013, 12, 25), "Christmas Day"),
        (new DateOnly(2013, 12, 26), "Boxing Day"),
        (new DateOnly(2014, 1, 1), "New Year's Day"),
        (new DateOnly(2014, 4, 18), "Good Friday"),
        (new DateOnly(2014, 4, 21), "Easter Monday"),
        (new DateOnly(2014, 5, 5), "Early May bank holiday"),
        (new DateOnly(2014, 5, 26), "Spring bank holiday"),
        (new DateOnly(2014, 8, 25), "Summer bank holiday"),
        (new DateOnly(2014, 12, 25), "Christmas Day"),
        (new DateOnly(2014, 12, 26), "Boxing Day"),
        (new DateOnly(2015, 1, 1), "New Year's Day"),
        (new DateOnly(2015, 4, 3), "Good Friday"),
        (new DateOnly(2015, 4, 6), "Easter Monday"),
        (new DateOnly(2015, 5, 4), "Early May bank holiday"),
        (new DateOnly(2015, 5, 25), "Spring bank holiday"),
        (new DateOnly(2015, 8, 31), "Summer bank holiday"),
        (new DateOnly(2015, 12, 25), "Christmas Day"),
        (new DateOnly(2015, 12, 28), "Boxing Day (substitute day)"),
        (new DateOnly(2016, 1, 1), "New Year's Day"),
        (new DateOnly(2016, 3, 25), "Good Friday"),
        (new DateOnly(2016, 3, 28), "Easter Monday"),
        (new DateOnly(2016, 5, 2), "Early May bank holiday"),
        (new DateOnly(2016, 5, 30), "Spring bank holiday"),
        (new DateOnly(2016, 8, 29), "Summer bank holiday"),
        (new DateOnly(2016, 12, 26), "Boxing Day"),
        (new DateOnly(2016, 12, 27), "Christmas Day (substitute day)"),
        (new DateOnly(2017, 1, 2), "New Year's Day (substitute day)"),
        (new DateOnly(2017, 4, 14), "Good Friday"),
        (new DateOnly(2017, 4, 17), "Easter Monday"),
        (new DateOnly(2017, 5, 1), "Early May bank holiday"),
        (new DateOnly(2017, 5, 29), "Spring bank holiday"),
        (new DateOnly(2017, 8, 28), "Summer bank holiday"),
        (new DateOnly(2017, 12, 25), "Christmas Day"),
        (new DateOnly(2017, 12, 26), "Boxing Day"),
        (new DateOnly(2018, 1, 1), "New Year's Day"),
        (new DateOnly(2018, 3, 30), "Good Friday"),
        (new DateOnly(2018, 4, 2), "Easter Monday"),
        (new DateOnly(2018, 5, 7), "Early May bank holiday"),
        (new DateOnly(2018, 5, 28), "Spring bank holiday"),
        (new DateOnly(2018, 8, 27), "Summer bank holiday"),
        (new DateOnly(2018, 12, 25), "Christmas Day"),
        (new DateOnly(2018, 12, 26), "Boxing Day"),
        (new DateOnly(2019, 1, 1), "New Year's Day"),
        (new DateOnly(2019, 4, 19), "Good Friday"),
        (new DateOnly(2019, 4, 22), "Easter Monday"),
        (new DateOnly(2019, 5, 6), "Early May bank holiday"),
        (new DateOnly(2019, 5, 27), "Spring bank holiday"),
        (new DateOnly(2019, 8, 26), "Summer bank holiday"),
        (new DateOnly(2019, 12, 25), "Christmas Day"),
        (new DateOnly(2019, 12, 26), "Boxing Day"),
        (new DateOnly(2020, 1, 1), "New Year's Day"),
        (new DateOnly(2020, 4, 10), "Good Friday"),
        (new DateOnly(2020, 4, 13), "Easter Monday"),
        (new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)"),
        (new DateOnly(2020, 5, 25), "Spring bank holiday"),
        (new DateOnly(2020, 8, 31), "Summer bank holiday"),
        (new DateOnly(2020, 12, 25), "Christmas Day"),
        (new DateOnly(2020, 12, 28), "Boxing Day (substitute day)"),
        (new DateOnly(2021, 1, 1), "New Year's Day"),
        (new DateOnly(2021, 4, 2), "Good Friday"),
        (new DateOnly(2021, 4, 5), "Easter Monday"),
        (new DateOnly(2021, 5, 3), "Early May bank holiday"),
        (new DateOnly(2021, 5, 31), "Spring bank holiday"),
        (new DateOnly(2021, 8, 30), "Summer bank holiday"),
        (new DateOnly(2021, 12, 27), "Christmas Day (substitute day)"),
        (new DateOnly(2021, 12, 28), "Boxing Day (substitute day)"),
        (new DateOnly(2022, 1, 3), "New Year's Day (substitute day)"),
        (new DateOnly(2022, 4, 15), "Good Friday"),
        (new DateOnly(2022, 4, 18), "Easter Monday"),
        (new DateOnly(2022, 5, 2), "Early May bank holiday"),
        (new DateOnly(2022, 6, 2), "Spring bank holiday"),
        (new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"),
        (new DateOnly(2022, 8, 29), "Summer bank holiday"),
        (new DateOnly(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        (new DateOnly(2022, 12, 26), "Boxing Day"),
        (new DateOnly(2022, 12, 27), "Christmas Day (substitute day)"),
        (new DateOnly(2023, 1, 2), "New Year's Day (substitute day)"),
        (new DateOnly(2023, 4, 7), "Good Friday"),
        (new DateOnly(2023, 4, 10), "Easter Monday"),
        (new DateOnly(2023, 5, 1), "Early May bank holiday"),
        (new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
        (new DateOnly(2023, 5, 29), "Spring bank holiday"),
        (new DateOnly(2023, 8, 28), "Summer bank holiday"),
        (new DateOnly(2023, 12, 25), "Christmas Day"),
        (new DateOnly(2023, 12, 26), "Boxing Day"),
        (new DateOnly(2024, 1, 1), "New Year's Day"),
        (new DateOnly(2024, 3, 29), "Good Friday"),
        (new DateOnly(2024, 4, 1), "Easter Monday"),
        (new DateOnly(2024, 5, 6), "Early May bank holiday"),
        (new DateOnly(2024, 5, 27), "Spring bank holiday"),
        (new DateOnly(2024, 8, 26), "Summer bank holiday"),
        (new DateOnly(2024, 12, 25), "Christmas Day"),
        (new DateOnly(2024, 12, 26), "Boxing Day"),
        (new DateOnly(2025, 1, 1), "New Year's Day"),
        (new DateOnly(2025, 4, 18), "Good Friday"),
        (new DateOnly(2025, 4, 21), "Easter Monday"),
        (new DateOnly(2025, 5, 5), "Early May bank holiday"),
        (new DateOnly(2025, 5, 26), "Spring bank holiday"),
        (new DateOnly(2025, 8, 25), "Summer bank holiday"),
        (new DateOnly(2025, 12, 25), "Christmas Day"),
        (new DateOnly(2025, 12, 26), "Boxing Day"),
        (new DateOnly(2026, 1, 1), "New Year's Day"),
        (new DateOnly(2026, 4, 3), "Good Friday"),
        (new DateOnly(2026, 4, 6), "Easter Monday"),
        (new DateOnly(2026, 5, 4), "Early May bank holiday"),
        (new DateOnly(2026, 5, 25), "Spring bank holiday"),
        (new DateOnly(2026, 8, 31), "Summer bank holiday"),
        (new DateOnly(2026, 12, 25), "Christmas Day"),
        (new DateOnly(2026, 12, 28), "Boxing Day (substitute day)"),
        (new DateOnly(2027, 1, 1), "New Year's Day"),
        (new DateOnly(2027, 3, 26), "Good Friday"),
        (new DateOnly(2027, 3, 29), "Easter Monday"),
        (new DateOnly(2027, 5, 3), "Early May bank holiday"),
        (new DateOnly(2027, 5, 31), "Spring bank holiday"),
        (new DateOnly(2027, 8, 30), "Summer bank holiday"),
        (new DateOnly(2027, 12, 27), "Christmas Day (substitute day)"),
        (new DateOnly(2027, 12, 28), "Boxing Day (substitute day)"),
        (new DateOnly(2028, 1, 3), "New Year's Day (substitute day)"),
        (new DateOnly(2028, 4, 14), "Good Friday"),
        (new DateOnly(2028, 4, 17), "Easter Monday"),
        (new DateOnly(2028, 5, 1), "Early May bank holiday"),
        (new DateOnly(2028, 5, 29), "Spring bank holiday"),
        (new DateOnly(2028, 8, 28), "Summer bank holiday"),
        (new DateOnly(2028, 12, 25), "Christmas Day"),
        (new DateOnly(2028, 12, 26), "Boxing Day"),
    ];

    private static readonly Dictionary<DateOnly, string> PublishedByDate = Published.ToDictionary(h => h.Date, h => h.Name);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> _computed = new();

    private EnglandAndWalesBankHolidays()
    {
    }

    public string? HolidayOn(DateOnly date)
    {
        if (date.Year is >= PublishedFrom and <= PublishedTo)
        {
            return PublishedByDate.GetValueOrDefault(date);
        }

        return _computed.GetOrAdd(date.Year, ByRule).GetValueOrDefault(date);
    }

    public bool IsWorkingDay(DateOnly date) => !WorkingDays.IsWeekend(date) && HolidayOn(date) is null;

    /// <summary>The published dates of <paramref name="year"/>, or the rule's when the year is beyond the list.</summary>
    public IReadOnlyDictionary<DateOnly, string> For(int year) =>
        year is >= PublishedFrom and <= PublishedTo
            ? Published.Where(h => h.Date.Year == year).ToDictionary(h => h.Date, h => h.Name)
            : _computed.GetOrAdd(year, ByRule);

    /// <summary>The standing rules alone, without the one-off changes a proclamation makes.</summary>
    public static IReadOnlyDictionary<DateOnly, string> ByRule(int year)
    {
        var days = new Dictionary<DateOnly, string>();
        var newYear = new DateOnly(year, 1, 1);
        var newYearObserved = NextWeekday(newYear);
        days[newYearObserved] = newYearObserved == newYear ? "New Year's Day" : "New Year's Day (substitute day)";
        var easter = Easter.Sunday(year);
        days[easter.AddDays(-2)] = "Good Friday";
        days[easter.AddDays(1)] = "Easter Monday";
        days[WorkingDays.NthWeekday(year, 5, DayOfWeek.Monday, 1)] = "Early May bank holiday";
        days[WorkingDays.NthWeekday(year, 5, DayOfWeek.Monday, WorkingDays.Last)] = "Spring bank holiday";
        days[WorkingDays.NthWeekday(year, 8, DayOfWeek.Monday, WorkingDays.Last)] = "Summer bank holiday";
        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                days[christmas.AddDays(2)] = "Christmas Day (substitute day)";
                days[christmas.AddDays(3)] = "Boxing Day (substitute day)";
                break;
            case DayOfWeek.Sunday:
                days[christmas.AddDays(1)] = "Boxing Day";
                days[christmas.AddDays(2)] = "Christmas Day (substitute day)";
                break;
            case DayOfWeek.Friday:
                days[christmas] = "Christmas Day";
                days[christmas.AddDays(3)] = "Boxing Day (substitute day)";
                break;
            default:
                days[christmas] = "Christmas Day";
                days[christmas.AddDays(1)] = "Boxing Day";
                break;
        }

        return days;
    }

    private static DateOnly NextWeekday(DateOnly date)
    {
        while (WorkingDays.IsWeekend(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
