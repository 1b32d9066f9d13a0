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

    /// <summary>A number that may have decimals ("12.5"); empty is null unless <paramref name="required"/>.</summary>
    public static decimal? Decimal(ImportRow row, string column, List<DomainRuleException> problems, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(problems);
        var text = row[column];
        if (text is null)
        {
            if (required)
            {
                problems.Add(new DomainRuleException("Import.Required", $"{column} is empty.", column, column));
            }

            return null;
        }

        if (decimal.TryParse(text.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(new DomainRuleException("Import.BadDecimal", $"{column} “{text}” is not a number (write it as 12.5).", column, column, text));
        return null;
    }

    /// <summary>A date that may be left empty.</summary>
    public static DateOnly? OptionalDate(ImportRow row, string column, List<DomainRuleException> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row[column] is null ? null : Date(row, column, problems);
    }

    /// <summary>One of an enum's names as the template writes them ("Percent", "HigherIsBetter"); empty is <paramref name="empty"/>.</summary>
    public static TEnum? Choice<TEnum>(ImportRow row, string column, List<DomainRuleException> problems, TEnum? empty = null)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(problems);
        var text = row[column];
        if (text is null)
        {
            if (empty is null)
            {
                problems.Add(new DomainRuleException("Import.Required", $"{column} is empty.", column, column));
            }

            return empty;
        }

        var names = Enum.GetNames<TEnum>();
        if (names.FirstOrDefault(n => string.Equals(n, text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<TEnum>(name);
        }

        var allowed = string.Join(", ", names);
        problems.Add(new DomainRuleException("Import.BadChoice", $"{column} “{text}” is not one of: {allowed}.", column, column, text, allowed));
        return null;
    }

    /// <summary>yes/no (also ja/nej, true/false, 1/0); empty is no.</summary>
    public static bool YesNo(ImportRow row, string column, List<DomainRuleException> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(problems);
        switch (row[column]?.ToUpperInvariant())
        {
            case null or "NO" or "NEJ" or "FALSE" or "0":
                return false;
            case "YES" or "JA" or "TRUE" or "1":
                return true;
            default:
                problems.Add(new DomainRuleException("Import.BadYesNo", $"{column} “{row[column]}” is not yes or no.", column, column, row[column]!));
                return false;
        }
    }

    /// <summary>Runs a domain method, noting the rule it breaks (if any) as the row's problem.</summary>
    public static T? Try<T>(List<DomainRuleException> problems, Func<T> make)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(make);
        try
        {
            return make();
        }
        catch (DomainRuleException rule)
        {
            problems.Add(rule);
            return null;
        }
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
