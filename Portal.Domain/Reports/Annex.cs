using System.Text;
using Portal.Domain.Common;

namespace Portal.Domain.Reports;

/// <summary>
/// An annex or appendix of a report, kept as a file in the database. Its content lives in a
/// separate row (<see cref="AnnexContent"/>) so lists of annexes never load the bytes.
/// </summary>
public sealed class Annex : Entity
{
    public const int TitleMaxLength = 300;

    private Annex()
    {
        Title = string.Empty;
        FileName = string.Empty;
        ContentType = string.Empty;
    }

    public int ReportId { get; private set; }

    /// <summary>Position among the report's annexes, from 1 (printed as A, B, C…).</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public bool IsExempt { get; private set; }

    public int? ExemptParagraph { get; private set; }

    public string Letter => AnnexLetters.Of(Number);

    /// <summary>Checks the file against its name and the limits, and makes the annex (its bytes are kept by <see cref="AnnexContent.For"/> once it has an id).</summary>
    public static Annex Attach(Report report, int number, string? title, string? fileName, byte[] bytes, int? exemptParagraph)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(bytes);
        if (report.Status != ReportStatus.Draft)
        {
            throw new DomainRuleException("Report.NotDraft", "Only a draft can be changed: ask the chief officer to return it to you.");
        }

        var name = AnnexFiles.SafeName(fileName);
        var annex = new Annex
        {
            ReportId = report.Id,
            Number = number,
            Title = Guard.RequiredText(title, TitleMaxLength, "Annex.Title", nameof(Title), "annex's title"),
            FileName = name,
            ContentType = AnnexFiles.Check(name, bytes.LongLength, bytes),
            Size = bytes.LongLength,
            ExemptParagraph = Schedule12A.Validate(exemptParagraph, nameof(ExemptParagraph)),
            IsExempt = exemptParagraph is not null,
        };
        return annex;
    }
}

/// <summary>The bytes of one annex.</summary>
public sealed class AnnexContent
{
    private AnnexContent()
    {
        Bytes = [];
    }

    public static AnnexContent For(Annex annex, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(annex);
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.LongLength != annex.Size)
        {
            throw new ArgumentException("The bytes are not the ones checked for this annex.", nameof(bytes));
        }

        return new AnnexContent { AnnexId = annex.Id, Bytes = bytes };
    }

    /// <summary>The same as the annex's id.</summary>
    public int AnnexId { get; private set; }

    public byte[] Bytes { get; private set; }
}

public static class AnnexLetters
{
    public static string Of(int number) =>
        number is >= 1 and <= 26 ? ((char)('A' + number - 1)).ToString() : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// What an annex may be: a few document types, each recognised by its first bytes as well as its
/// extension, so a program renamed to <c>.pdf</c> is refused, and no bigger than
/// <see cref="MaxBytes"/>.
/// </summary>
public static class AnnexFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 200;

    private static readonly Dictionary<string, (string ContentType, Func<byte[], bool> Looks)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", b => StartsWith(b, "%PDF-"u8)),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", IsZip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IsZip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", IsZip),
        [".odt"] = ("application/vnd.oasis.opendocument.text", IsZip),
        [".png"] = ("image/png", b => StartsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        [".jpg"] = ("image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = ("image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
        [".csv"] = ("text/csv", IsText),
        [".txt"] = ("text/plain", IsText),
    };

    public static IEnumerable<string> Extensions => Kinds.Keys;

    /// <summary>Refuses a file too big to keep before anything is read.</summary>
    public static void CheckSize(long length)
    {
        if (length > MaxBytes)
        {
            throw new DomainRuleException(
                "Annex.TooLarge", $"The file is too large: an annex can be up to {MaxBytes / (1024 * 1024)} MB.", "File", MaxBytes / (1024 * 1024));
        }
    }

    /// <summary>The content type of a file named <paramref name="fileName"/> with these bytes, or a broken rule saying why it is refused.</summary>
    public static string Check(string fileName, long length, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        CheckSize(length);
        if (length == 0)
        {
            throw new DomainRuleException("Annex.Empty", "The file is empty.", "File");
        }

        var extension = Path.GetExtension(fileName);
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            throw new DomainRuleException(
                "Annex.TypeNotAllowed", $"An annex can be {string.Join(", ", Kinds.Keys)}.", "File", string.Join(", ", Kinds.Keys));
        }

        if (!kind.Looks(bytes))
        {
            throw new DomainRuleException(
                "Annex.NotWhatItSays", $"The file is not a {extension} file, whatever its name says.", "File", extension);
        }

        return kind.ContentType;
    }

    /// <summary>The file's own name without any folder, control characters or quotes, kept short.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        var cleaned = new string(name.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not ':' && !IsBidiControl(c)).ToArray()).Trim();
        if (cleaned.Length == 0)
        {
            throw new DomainRuleException("Annex.FileRequired", "Choose a file.", "File");
        }

        if (cleaned.Length > FileNameMaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            cleaned = cleaned[..(FileNameMaxLength - extension.Length)] + extension;
        }

        return cleaned;
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> magic) => bytes.AsSpan().StartsWith(magic);

    private static bool IsZip(byte[] bytes) => StartsWith(bytes, [0x50, 0x4B, 0x03, 0x04]);

    private static bool IsText(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
