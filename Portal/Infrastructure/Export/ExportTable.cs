using Portal.Domain.Meetings;

namespace Portal.Infrastructure.Export;

/// <summary>What a column holds, so an Excel cell is typed (a date is a date, money a number in the council's currency) while CSV stays plain text.</summary>
public enum CellKind
{
    Text = 0,
    Number = 1,
    Decimal = 2,
    Date = 3,
    Timestamp = 4,
    Money = 5,
}

/// <param name="Key">The CSV header, and the resource name (<c>Export.{Key}</c>) of the Excel header in the reader's language.</param>
public sealed record ExportColumn(string Key, CellKind Kind = CellKind.Text)
{
    public static ExportColumn[] Many(params (string Key, CellKind Kind)[] columns) => [.. columns.Select(c => new ExportColumn(c.Key, c.Kind))];
}

/// <summary>One table of an export: a CSV file, or one sheet of a workbook. Rows hold plain values (text, numbers, <see cref="DateOnly"/>, UTC <see cref="DateTime"/>).</summary>
public sealed record ExportTable(string Sheet, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// What a feature describes for a download: its tables and a file name without extension. The feature
/// builds it from the same query its page (and its CSV) uses, so what a reader may not see is never in it;
/// <see cref="CsvExport"/> and <see cref="ExcelExport"/> lay it out.
/// </summary>
/// <param name="Currency">Whose money the <see cref="CellKind.Money"/> columns hold (pounds or kronor).</param>
public sealed record ExportWorkbook(string FileStem, IReadOnlyList<ExportTable> Tables, Country Currency = Country.England);
