using System.Globalization;

namespace Portal.Features.Establishment;

/// <summary>Money, FTE and dates for the establishment pages: "£52,500", "8.5", "14 Jul 2009".</summary>
public static class EstablishmentFormat
{
    private static readonly CultureInfo Pounds = CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal amount) => amount.ToString("C0", Pounds);

    public static string Fte(decimal fte) => fte.ToString("0.##", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
