using System.Globalization;

namespace Portal.Components.Shared;

/// <summary>How every page writes a date, in the reader's language.</summary>
public static class Dates
{
    /// <summary>"4 Dec 2026", "4 dec. 2026".</summary>
    public static string Short(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
