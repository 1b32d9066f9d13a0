using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Portal.Domain.Meetings;

namespace Portal.Infrastructure.Export;

/// <summary>
/// The one way the portal writes Excel (.xlsx, MiniExcel): one sheet per table, a header row in the
/// reader's language, dates as dates, numbers as numbers, money as numbers in the council's currency
/// format, and every text cell through <see cref="FormulaGuard"/> as the CSV does.
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static ExcelFile File(ExportWorkbook workbook, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(text);
        return new ExcelFile(workbook.FileStem + ".xlsx", Write(workbook, key => Header(text, key)));
    }

    public static byte[] Write(ExportWorkbook workbook, Func<string, string> header)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(header);
        var sheets = new Dictionary<string, object>();
        var formats = new Dictionary<string, string>();
        foreach (var table in workbook.Tables)
        {
            var names = UniqueHeaders(table.Columns.Select(c => header(c.Key)).ToList());
            for (var i = 0; i < names.Count; i++)
            {
                if (Format(table.Columns[i].Kind, workbook.Currency) is { } format)
                {
                    formats.TryAdd(names[i], format);
                }
            }

            var rows = table.Rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>(names.Count);
                for (var i = 0; i < names.Count; i++)
                {
                    cells[names[i]] = Cell(i < row.Length ? row[i] : null, table.Columns[i].Kind);
                }

                return cells;
            }).ToList();
            // MiniExcel writes no header for an empty list of rows; an empty DataTable is its header row alone.
            sheets[UniqueSheet(sheets, table.Sheet)] = rows.Count > 0 ? rows : HeaderOnly(names);
        }

        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            AutoFilter = true,
            FastMode = true,
            DynamicColumns = [.. formats.Select(f => new DynamicExcelColumn(f.Key) { Format = f.Value })],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: configuration);
        return stream.ToArray();
    }

    public static IResult ToResult(ExcelFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Results.File(file.Content, ContentType, file.FileName);
    }

    /// <summary>The column's header in the reader's language; a key without a translation is its own header.</summary>
    public static string Header(IStringLocalizer text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = text["Export." + key];
        return found.ResourceNotFound ? key : found.Value;
    }

    private static System.Data.DataTable HeaderOnly(List<string> names)
    {
        var table = new System.Data.DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var name in names)
        {
            table.Columns.Add(name, typeof(string));
        }

        return table;
    }

    private static object? Cell(object? value, CellKind kind) => value switch
    {
        null => null,
        string s => FormulaGuard.Neutralise(s),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime t => t,
        bool b => b,
        Enum e => e.ToString(),
        int or long or decimal or double when kind is not CellKind.Text => value,
        int or long or decimal or double => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => FormulaGuard.Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static string? Format(CellKind kind, Country currency) => kind switch
    {
        CellKind.Date => "yyyy-mm-dd",
        CellKind.Timestamp => "yyyy-mm-dd hh:mm:ss",
        CellKind.Decimal => "0.00",
        CellKind.Money => currency == Country.Sweden ? "#,##0.00 \"kr\"" : "\"£\"#,##0.00",
        _ => null,
    };

    private static List<string> UniqueHeaders(List<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return [.. names.Select(n =>
        {
            var name = n;
            for (var i = 2; !seen.Add(name); i++)
            {
                name = $"{n} ({i})";
            }

            return name;
        })];
    }

    /// <summary>Excel allows 31 characters in a sheet's name and none of []:*?/\.</summary>
    private static string UniqueSheet(Dictionary<string, object> sheets, string wanted)
    {
        var clean = new string([.. wanted.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '-' : c)]);
        clean = clean.Length > 28 ? clean[..28] : clean;
        var name = clean.Length == 0 ? "Sheet" : clean;
        for (var i = 2; sheets.ContainsKey(name); i++)
        {
            name = $"{clean} {i}";
        }

        return name;
    }
}

public sealed record ExcelFile(string FileName, byte[] Content);
