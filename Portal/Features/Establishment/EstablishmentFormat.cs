using System.Globalization;
using Portal.Domain.Meetings;

namespace Portal.Features.Establishment;

/// <summary>Money, FTE and dates for the establishment pages: "£52,500" (or "900 000 kr"), "8.5", "14 Jul 2009".</summary>
public static class EstablishmentFormat
{
    private static readonly CultureInfo Pounds = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Kronor = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>An amount in the council's own currency, whatever language the reader reads in.</summary>
    public static string Money(decimal amount, Country country) => amount.ToString("C0", country == Country.Sweden ? Kronor : Pounds);

    public static string Fte(decimal fte) => fte.ToString("0.##", CultureInfo.CurrentCulture);
}
