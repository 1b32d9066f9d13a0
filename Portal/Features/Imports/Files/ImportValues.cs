using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Features.Imports.Files;

/// <summary>Reads a cell as a number or a date, or notes why it cannot; dates are ISO (2026-09-30) or as written in the UK or Sweden.</summary>
public static class ImportValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "d/M/yyyy", "dd/MM/yyyy", "d.M.yyyy"];

    public static int? Number(ImportRow row, string column, List<DomainRuleException> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(problems);
        var text = row[column];
        if (text is null)
        {
            problems.Add(new DomainRuleException("Import.Required", $"{column} is empty.", column, column));
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }

        problems.Add(new DomainRuleException("Import.BadNumber", $"{column} “{text}” is not a whole number.", column, column, text));
        return null;
    }

    public static DateOnly? Date(ImportRow row, string column, List<DomainRuleException> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(problems);
        var text = row[column];
        if (text is null)
        {
            problems.Add(new DomainRuleException("Import.Required", $"{column} is empty.", column, column));
            return null;
        }

        if (ParseDate(text) is DateOnly date)
        {
            return date;
        }

        problems.Add(new DomainRuleException("Import.BadDate", $"{column} “{text}” is not a date (write it as 2026-09-30).", column, column, text));
        return null;
    }

    /// <summary>A date cell as it will be saved (ISO), or the text as written when it is not a date.</summary>
    public static string? Shown(ImportRow row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = row[column];
        return text is not null && ParseDate(text) is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : text;
    }

    private static DateOnly? ParseDate(string text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? DateOnly.FromDateTime(value) : null;
}
