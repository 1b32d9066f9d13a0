using System.Globalization;
using CsvHelper;

namespace Portal.Infrastructure.Export;

/// <summary>
/// The one way the portal writes CSV. Every text cell that starts with =, +, -, @, a tab or a
/// carriage return is escaped (CsvHelper's injection guard), so a title such as
/// "=HYPERLINK(...)" arrives in a spreadsheet as text, not as a formula. A byte-order mark lets
/// Excel open the file as UTF-8 (å, ä, ö and £ intact); numbers are invariant so they sort and sum.
/// </summary>
public static class CsvExport
{
    public static byte[] Write(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var options = CsvWriterOptions.Default with
        {
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteHeader([.. columns]);
            foreach (var row in rows)
            {
                foreach (var field in row)
                {
                    csv.WriteField(field is string text ? FormulaGuard.Neutralise(text) : field);
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>The first table of a workbook as CSV, its headers the columns' keys, dates ISO, decimals without trailing zeros.</summary>
    public static CsvFile File(ExportWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var table = workbook.Tables[0];
        var rows = table.Rows.Select(r => r.Select(Plain).ToArray());
        return new CsvFile(workbook.FileStem + ".csv", Write([.. table.Columns.Select(c => c.Key)], rows));
    }

    private static object? Plain(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        Enum e => e.ToString(),
        _ => value,
    };

    public static IResult ToResult(CsvFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Results.File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }
}

public sealed record CsvFile(string FileName, byte[] Content);
