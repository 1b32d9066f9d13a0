using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using MiniExcelLibs;
using Portal.Domain.Common;

namespace Portal.Features.Imports.Files;

/// <summary>
/// Reads an uploaded .xlsx or .csv into rows of text keyed by the template's columns, or refuses it with a
/// rule a person can act on. The type is told by the content (a zip holding a workbook, or UTF-8 text), never
/// the name; a workbook's entries are checked against their declared and their actual unpacked sizes before
/// MiniExcel sees it, so a zip bomb stops at <see cref="MaxUnpackedBytes"/>; a cell holding a formula is refused
/// (its value would be whatever the spreadsheet last computed).
/// </summary>
public static class SpreadsheetFile
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 10_000;
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    public static IReadOnlyList<ImportRow> Read(byte[] content, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        if (content.Length == 0)
        {
            throw new DomainRuleException("Import.Empty", "The file is empty. Download the template, fill it in and upload it again.");
        }

        if (content.Length > MaxBytes)
        {
            throw new DomainRuleException("Import.TooLarge", $"The file is larger than {MaxBytes / 1024 / 1024} MB. Split it into smaller files.", null, MaxBytes / 1024 / 1024);
        }

        IEnumerable<IDictionary<string, object?>> cells;
        var isWorkbook = IsZip(content);
        if (isWorkbook)
        {
            CheckWorkbook(content);
            cells = Query(content, ExcelType.XLSX);
        }
        else if (IsText(content))
        {
            cells = Query(content, ExcelType.CSV);
        }
        else
        {
            throw WrongType();
        }

        try
        {
            return Rows(cells, columns, isWorkbook);
        }
        catch (Exception damaged) when (damaged is XmlException or InvalidDataException or InvalidOperationException or FormatException)
        {
            // A zip or sheet cut short or malformed: not a workbook anyone can read.
            throw WrongType();
        }
    }

    private static IEnumerable<IDictionary<string, object?>> Query(byte[] content, ExcelType type)
    {
        using var stream = new MemoryStream(content, writable: false);
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: type))
        {
            yield return row;
        }
    }

    private static List<ImportRow> Rows(IEnumerable<IDictionary<string, object?>> cells, IReadOnlyList<string> columns, bool isWorkbook)
    {
        List<string>? letters = null;
        Dictionary<string, string>? columnOf = null;
        var rows = new List<ImportRow>();
        var line = 0;
        foreach (var raw in cells)
        {
            line++;
            if (letters is null)
            {
                var headers = raw.Where(c => !string.IsNullOrWhiteSpace(Text(c.Value))).ToList();
                if (headers.Count == 0)
                {
                    throw new DomainRuleException("Import.Empty", "The file is empty. Download the template, fill it in and upload it again.");
                }

                columnOf = MatchHeaders(headers.Select(h => (h.Key, Text(h.Value)!)).ToList(), columns);
                letters = [.. columnOf.Keys];
                continue;
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var letter in letters)
            {
                var text = raw.TryGetValue(letter, out var value) ? Text(value) : null;
                if (!isWorkbook && text is not null && text.StartsWith('='))
                {
                    throw Formula(line);
                }

                values[columnOf![letter]] = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            }

            if (values.Values.All(v => v is null))
            {
                continue;
            }

            if (rows.Count == MaxRows)
            {
                throw new DomainRuleException("Import.TooManyRows", $"The file has more than {MaxRows:N0} rows. Split it into smaller files.", null, MaxRows);
            }

            rows.Add(new ImportRow(line, values));
        }

        if (letters is null || rows.Count == 0)
        {
            throw new DomainRuleException("Import.Empty", "The file is empty. Download the template, fill it in and upload it again.");
        }

        return rows;
    }

    /// <summary>Which column letter holds which template column; the message names every missing and every unknown column.</summary>
    private static Dictionary<string, string> MatchHeaders(List<(string Letter, string Header)> headers, IReadOnlyList<string> columns)
    {
        static string Key(string header) => header.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        var known = columns.ToDictionary(Key, c => c);
        var matched = new Dictionary<string, string>();
        var unknown = new List<string>();
        foreach (var (letter, header) in headers)
        {
            if (known.TryGetValue(Key(header), out var column) && !matched.ContainsValue(column))
            {
                matched[letter] = column;
            }
            else
            {
                unknown.Add(header.Trim());
            }
        }

        var missing = columns.Where(c => !matched.ContainsValue(c)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var missingText = missing.Count == 0 ? "none" : string.Join(", ", missing);
            var unknownText = unknown.Count == 0 ? "none" : string.Join(", ", unknown);
            throw new DomainRuleException(
                "Import.WrongHeaders",
                $"The columns do not match the template. Missing: {missingText}. Not known: {unknownText}.",
                null,
                missingText,
                unknownText);
        }

        return matched;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static bool IsZip(byte[] content) => content.Length >= 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04;

    /// <summary>Text: UTF-8 (a byte-order mark allowed) with no NUL and no other control characters than tab and line ends.</summary>
    private static bool IsText(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
    }

    /// <summary>A workbook, not some other zip; no bomb (declared and actual sizes both counted); no formulas.</summary>
    private static void CheckWorkbook(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("xl/workbook.xml") is null || zip.GetEntry("[Content_Types].xml") is null)
            {
                throw WrongType();
            }

            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw Bomb();
            }

            var budget = new Budget(MaxUnpackedBytes);
            foreach (var entry in zip.Entries)
            {
                using var stream = new CountingStream(entry.Open(), budget);
                if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && entry.FullName.EndsWith(".xml", StringComparison.Ordinal))
                {
                    FindFormula(stream);
                }
                else
                {
                    stream.CopyTo(Stream.Null);
                }
            }
        }
        catch (Exception damaged) when (damaged is InvalidDataException or XmlException)
        {
            // .NET stops an entry at its declared size, so a zip whose sizes lie is cut short and fails here as damaged.
            throw WrongType();
        }
    }

    private static void FindFormula(Stream sheet)
    {
        using var xml = XmlReader.Create(sheet, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var row = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "row")
            {
                row = int.TryParse(xml.GetAttribute("r"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
            }
            else if (xml.LocalName == "f")
            {
                throw Formula(row);
            }
        }
    }

    private static DomainRuleException WrongType() =>
        new("Import.WrongType", "The file is not an Excel workbook (.xlsx) or a CSV file saved as UTF-8. Save it as one of those and upload it again.");

    private static DomainRuleException Bomb() =>
        new("Import.Unpacks", $"The workbook unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB, which no real import needs. It was not opened.", null, MaxUnpackedBytes / 1024 / 1024);

    private static DomainRuleException Formula(int line) =>
        new("Import.Formula", $"Row {line} holds a formula. Replace formulas with their values (copy, then paste values) and upload it again.", null, line);

    private sealed class Budget(long bytes)
    {
        public long Left { get; set; } = bytes;
    }

    /// <summary>Counts what is really unpacked (the declared sizes of a crafted zip can lie) and stops at the budget.</summary>
    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Left -= read;
            if (budget.Left < 0)
            {
                throw Bomb();
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>One row of an upload: its line in the file (the header is line 1) and its cells by template column, blank as null.</summary>
public sealed record ImportRow(int Line, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string column] => Cells.GetValueOrDefault(column);
}
