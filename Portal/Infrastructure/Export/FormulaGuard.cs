namespace Portal.Infrastructure.Export;

/// <summary>
/// The one rule that keeps a spreadsheet from running a cell as a formula (OWASP's "CSV injection"):
/// text that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so
/// "=HYPERLINK(...)" arrives as text. CSV and Excel exports both pass their text through it; it is the
/// same rule CsvHelper's injection guard applies, so running both changes nothing twice.
/// </summary>
public static class FormulaGuard
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static bool LooksLikeFormula(string? text) => !string.IsNullOrEmpty(text) && Array.IndexOf(Triggers, text[0]) >= 0;

    public static string? Neutralise(string? text) => LooksLikeFormula(text) ? "'" + text : text;
}
