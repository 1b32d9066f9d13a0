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
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    public static IResult ToResult(CsvFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Results.File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }
}

public sealed record CsvFile(string FileName, byte[] Content);
