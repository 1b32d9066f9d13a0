using System.Globalization;

namespace Portal.Components.Shared;

/// <summary>
/// A page's query values read as text and parsed here, never bound as numbers or flags: Blazor
/// throws on <c>?year=abc</c> before the page runs, which showed the error page for an address
/// anyone can type. A value that is not a sensible one is treated as absent.
/// </summary>
public static class QueryValue
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null.</summary>
    public static int? Number(string? value, int min = 1, int max = int.MaxValue) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max ? number : null;

    /// <summary>A year the portal can hold (plans, decisions), or null.</summary>
    public static int? Year(string? value) => Number(value, 1900, 2199);

    /// <summary>A date written yyyy-MM-dd from 1900 to 2199 (so a day before or after it still exists), or null.</summary>
    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2199 ? date : null;

    /// <summary>Whether a checkbox's value is there and "true".</summary>
    public static bool Flag(string? value) => bool.TryParse(value, out var flag) && flag;
}
