namespace Portal.Domain.Meetings;

/// <summary>
/// Swedish public holidays under Lag (1989:253) om allmänna helgdagar: nyårsdagen, trettondedag
/// jul, långfredagen, påskdagen, annandag påsk, Kristi himmelsfärdsdag, första maj, pingstdagen,
/// nationaldagen, midsommardagen (the Saturday from 20 to 26 June), alla helgons dag (the Saturday
/// from 31 October to 6 November), juldagen and annandag jul. For counting working days,
/// Lag (1930:173) om beräkning av lagstadgad tid also treats midsommarafton, julafton and
/// nyårsafton like a holiday, so they are not working days here either.
/// </summary>
public sealed class SwedishPublicHolidays : IHolidayCalendar
{
    public static readonly SwedishPublicHolidays Instance = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Year> _years = new();

    private SwedishPublicHolidays()
    {
    }

    public string? HolidayOn(DateOnly date) => YearOf(date.Year).Holidays.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) =>
        !WorkingDays.IsWeekend(date) && HolidayOn(date) is null && !YearOf(date.Year).Eves.ContainsKey(date);

    /// <summary>The public holidays of <paramref name="year"/> with their names in Swedish.</summary>
    public IReadOnlyDictionary<DateOnly, string> For(int year) => YearOf(year).Holidays;

    /// <summary>The eves that Lag (1930:173) counts like holidays when a deadline falls on one.</summary>
    public IReadOnlyDictionary<DateOnly, string> EvesOf(int year) => YearOf(year).Eves;

    private Year YearOf(int year) => _years.GetOrAdd(year, Compute);

    private static Year Compute(int year)
    {
        var easter = Easter.Sunday(year);
        var midsummer = SaturdayFrom(new DateOnly(year, 6, 20));
        var holidays = new Dictionary<DateOnly, string>
        {
            [new DateOnly(year, 1, 1)] = "Nyårsdagen",
            [new DateOnly(year, 1, 6)] = "Trettondedag jul",
            [easter.AddDays(-2)] = "Långfredagen",
            [easter] = "Påskdagen",
            [easter.AddDays(1)] = "Annandag påsk",
            [easter.AddDays(39)] = "Kristi himmelsfärdsdag",
            [new DateOnly(year, 5, 1)] = "Första maj",
            [easter.AddDays(49)] = "Pingstdagen",
            [new DateOnly(year, 6, 6)] = "Sveriges nationaldag",
            [midsummer] = "Midsommardagen",
            [SaturdayFrom(new DateOnly(year, 10, 31))] = "Alla helgons dag",
            [new DateOnly(year, 12, 25)] = "Juldagen",
            [new DateOnly(year, 12, 26)] = "Annandag jul",
        };
        var eves = new Dictionary<DateOnly, string>
        {
            [midsummer.AddDays(-1)] = "Midsommarafton",
            [new DateOnly(year, 12, 24)] = "Julafton",
            [new DateOnly(year, 12, 31)] = "Nyårsafton",
        };
        return new Year(holidays, eves);
    }

    private static DateOnly SaturdayFrom(DateOnly first) => first.AddDays(((int)DayOfWeek.Saturday - (int)first.DayOfWeek + 7) % 7);

    private sealed record Year(IReadOnlyDictionary<DateOnly, string> Holidays, IReadOnlyDictionary<DateOnly, string> Eves);
}
