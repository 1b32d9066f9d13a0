using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Features.Documents.Pdf;

/// <summary>
/// Pages and lines of text on A4: opens a page when the text reaches the bottom margin, wraps runs of
/// mixed bold and italic to a width, and draws each line as real text (one string per run of a font,
/// spaces included, so the words can be searched, copied and read aloud).
/// </summary>
internal sealed class PdfCanvas(PdfDocument document) : IDisposable
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Margin = 62;
    public const double TopMargin = 56;
    public const double BottomMargin = 72;
    public const double BodySize = 10.5;

    public static readonly XColor Ink = XColor.FromArgb(11, 12, 12);
    public static readonly XColor Muted = XColor.FromArgb(80, 90, 95);

    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> _fonts = [];
    private readonly Dictionary<XFont, double> _spaces = [];
    private XGraphics? _gfx;

    public PdfDocument Document => document;

    public PdfPage? Page { get; private set; }

    /// <summary>How far down the page the next line starts, in points from the top.</summary>
    public double Y { get; set; }

    public static double Left => Margin;

    public static double Width => PageWidth - (2 * Margin);

    public static double Bottom => PageHeight - BottomMargin;

    /// <summary>The page being written on, opened if the last one was closed (after annex pages, or a page break).</summary>
    public XGraphics Graphics
    {
        get
        {
            if (_gfx is null)
            {
                NewPage();
            }

            return _gfx!;
        }
    }

    /// <summary>The index (from 0) of the page being written on, opening one if needed.</summary>
    public int PageIndex
    {
        get
        {
            _ = Graphics;
            return document.PageCount - 1;
        }
    }

    public XFont Font(double size, bool bold = false, bool italic = false)
    {
        if (!_fonts.TryGetValue((size, bold, italic), out var font))
        {
            font = new XFont(PdfFonts.Family, size, (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            });
            _fonts[(size, bold, italic)] = font;
        }

        return font;
    }

    public void NewPage()
    {
        _gfx?.Dispose();
        Page = document.AddPage();
        Page.Width = XUnit.FromPoint(PageWidth);
        Page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(Page);
        Y = TopMargin;
    }

    /// <summary>Closes the page; the next text opens a new one.</summary>
    public void ClosePage()
    {
        _gfx?.Dispose();
        _gfx = null;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits above the bottom margin.</summary>
    public void Need(double height)
    {
        _ = Graphics;
        if (Y + height > Bottom && Y > TopMargin + 1)
        {
            NewPage();
        }
    }

    public double Measure(string text, XFont font) => text.Length == 0 ? 0 : Graphics.MeasureString(text, font).Width;

    public static double LineHeight(XFont font) => font.Size * 1.35;

    /// <summary>Breaks <paramref name="runs"/> into lines no wider than <paramref name="width"/>; a newline in a run breaks the line.</summary>
    public List<TextLine> Wrap(IEnumerable<DocRun> runs, double width, double size, bool bold = false)
    {
        var lines = new List<TextLine>();
        var words = new List<PlacedWord>();
        var x = 0d;
        var height = LineHeight(Font(size));

        void Break()
        {
            lines.Add(new TextLine(words, height));
            words = [];
            x = 0;
        }

        var glue = false;
        foreach (var run in runs)
        {
            var font = Font(size, bold || run.Bold, run.Italic);
            var space = Space(font);
            var paragraphs = run.Text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0)
                {
                    Break();
                    glue = false;
                }

                var text = paragraphs[p];
                // Runs meet without a space between them ("**bold**," is two runs, one word).
                var attach = glue && !text.StartsWith(' ');
                foreach (var piece in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    foreach (var word in Chunks(piece, font, width))
                    {
                        var w = Measure(word, font);
                        var at = words.Count == 0 ? 0 : x + (attach ? 0 : space);
                        if (words.Count > 0 && at + w > width)
                        {
                            Break();
                            at = 0;
                        }

                        words.Add(new PlacedWord(word, font, at, w, attach && words.Count > 0));
                        x = at + w;
                        attach = false;
                    }
                }

                if (text.Length > 0)
                {
                    glue = !text.EndsWith(' ');
                }
            }
        }

        if (words.Count > 0 || lines.Count == 0)
        {
            Break();
        }

        return lines;
    }

    /// <summary>Draws <paramref name="lines"/> from <see cref="Y"/> at <paramref name="x"/>, carrying on over a new page when needed.</summary>
    public void Draw(IReadOnlyList<TextLine> lines, double x, XColor? color = null)
    {
        var brush = new XSolidBrush(color ?? Ink);
        foreach (var line in lines)
        {
            Need(line.Height);
            DrawLine(line, x, Y, brush);
            Y += line.Height;
        }
    }

    /// <summary>Draws one line at a given place without moving <see cref="Y"/>.</summary>
    public void DrawLine(TextLine line, double x, double y, XBrush brush)
    {
        var g = Graphics;
        var i = 0;
        while (i < line.Words.Count)
        {
            var first = line.Words[i];
            var text = new System.Text.StringBuilder(first.Text);
            var j = i + 1;
            while (j < line.Words.Count && ReferenceEquals(line.Words[j].Font, first.Font))
            {
                text.Append(line.Words[j].Attached ? string.Empty : " ").Append(line.Words[j].Text);
                j++;
            }

            if (j < line.Words.Count && !line.Words[j].Attached)
            {
                text.Append(' ');
            }

            g.DrawString(text.ToString(), first.Font, brush, new XPoint(x + first.X, y), XStringFormats.TopLeft);
            i = j;
        }
    }

    public void Dispose() => _gfx?.Dispose();

    private double Space(XFont font)
    {
        if (!_spaces.TryGetValue(font, out var space))
        {
            space = Graphics.MeasureString("a a", font).Width - Graphics.MeasureString("aa", font).Width;
            _spaces[font] = space;
        }

        return space;
    }

    /// <summary>A word wider than the line (a long address) is cut where it must be.</summary>
    private IEnumerable<string> Chunks(string word, XFont font, double width)
    {
        if (Measure(word, font) <= width)
        {
            yield return word;
            yield break;
        }

        var start = 0;
        while (start < word.Length)
        {
            var length = 1;
            while (start + length < word.Length && Measure(word.Substring(start, length + 1), font) <= width)
            {
                length++;
            }

            yield return word.Substring(start, length);
            start += length;
        }
    }
}

internal sealed record PlacedWord(string Text, XFont Font, double X, double Width, bool Attached = false);

internal sealed record TextLine(IReadOnlyList<PlacedWord> Words, double Height);
