using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Portal.Features.Documents.Pdf;

/// <summary>
/// The one typeface every PDF is set in, DejaVu Sans (Bitstream Vera licence, free to embed; see
/// Fonts/LICENSE-DejaVu.txt), carried inside the portal's assembly: PDFsharp finds no fonts of its own
/// on Linux, and a fresh server may have none installed. It covers Swedish and every Latin letter.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "Portal Sans";

    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>Installs the resolver once per process (PDFsharp allows it to be set only once, before any font is used).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            GlobalFontSettings.FontResolver ??= new PdfFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, name =>
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Portal.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name} is not in the portal's assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
