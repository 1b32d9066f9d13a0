using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Portal.Features.Documents.Pdf;

/// <summary>
/// Lays a <see cref="DocumentSpec"/> out as a PDF: headings with bookmarks, a contents page whose page
/// numbers are filled in once the pages they name exist (and link to them), Markdown, tables, the
/// pages of PDF annexes imported as they are, and "page n of m" with the document's footer on every
/// page. The title and language go into the document's metadata.
/// </summary>
public static class PdfLayout
{
    private const double NumberIndent = 30;

    public static byte[] Render(DocumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = spec.Title;
        document.Info.Creator = "Portal";
        document.Language = spec.Language;
        document.PageMode = PdfPageMode.UseOutlines;
        document.ViewerPreferences.DisplayDocTitle = true;

        var state = new LayoutState(spec);
        using (var canvas = new PdfCanvas(document))
        {
            for (var i = 0; i < spec.Blocks.Count; i++)
            {
                state.Block = i;
                Lay(canvas, state, spec.Blocks[i]);
            }
        }

        FillContents(document, state);
        Footers(document, spec);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void Lay(PdfCanvas canvas, LayoutState state, DocBlock block)
    {
        switch (block)
        {
            case DocHeading heading:
                Heading(canvas, state, heading);
                break;
            case DocParagraph paragraph:
                Paragraph(canvas, paragraph.Runs, paragraph.Number, paragraph.Tone);
                break;
            case DocMarkdown markdown:
                PdfMarkdown.Lay(canvas, markdown.Block, markdown.Number);
                break;
            case DocFacts facts:
                Facts(canvas, facts);
                break;
            case DocTable table:
                Table(canvas, table.Header, table.Rows, table.Widths, PdfCanvas.Left, PdfCanvas.Width);
                break;
            case DocList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Item(canvas, list.Numbered ? $"{(i + 1).ToString(CultureInfo.InvariantCulture)}." : "•", [new DocRun(list.Items[i])], PdfCanvas.Left + 6);
                }

                canvas.Y += 4;
                break;
            case DocContents contents:
                Contents(canvas, state, contents);
                break;
            case DocPageBreak:
                canvas.ClosePage();
                break;
            case DocPdfPages pages:
                Import(canvas, state, pages);
                break;
            case DocAnchor anchor:
                state.EntryPages[anchor.Key] = canvas.PageIndex;
                break;
            case DocContentsEntry:
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }

    private static void Heading(PdfCanvas canvas, LayoutState state, DocHeading heading)
    {
        var size = heading.Level switch
        {
            1 => 18,
            2 => 14,
            3 => 12,
            _ => PdfCanvas.BodySize,
        };
        var lines = canvas.Wrap([new DocRun(heading.Text, Bold: true)], PdfCanvas.Width, size);
        var before = canvas.Y <= PdfCanvas.TopMargin + 1 ? 0 : size * 0.9;
        canvas.Need(before + lines.Sum(l => l.Height) + 40);
        canvas.Y += canvas.Y <= PdfCanvas.TopMargin + 1 ? 0 : before;
        var page = canvas.PageIndex;
        var top = canvas.Y;
        canvas.Draw(lines, PdfCanvas.Left);
        canvas.Y += size * 0.4;
        if (heading.InContents)
        {
            state.EntryPages[LayoutState.HeadingKey(state.Block)] = page;
        }

        if (heading.Bookmark)
        {
            state.Bookmark(canvas.Document, heading.Level, heading.Text, canvas.Document.Pages[page], top);
            state.HeadingBookmarked(heading.Level);
        }
    }

    internal static void Paragraph(PdfCanvas canvas, IReadOnlyList<DocRun> runs, string? number, DocTone tone, double? left = null)
    {
        var x = left ?? (number is null ? PdfCanvas.Left : PdfCanvas.Left + NumberIndent);
        var size = tone == DocTone.Note ? PdfCanvas.BodySize - 1.5 : PdfCanvas.BodySize;
        var width = PdfCanvas.Left + PdfCanvas.Width - x - (tone == DocTone.Notice ? 16 : 0);
        var lines = canvas.Wrap(runs, width, size);
        if (tone == DocTone.Notice)
        {
            var height = lines.Sum(l => l.Height) + 12;
            canvas.Need(Math.Min(height, PdfCanvas.Bottom - PdfCanvas.TopMargin));
            var g = canvas.Graphics;
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(255, 241, 214)), x, canvas.Y, PdfCanvas.Left + PdfCanvas.Width - x, height);
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(110, 60, 0)), x, canvas.Y, 5, height);
            canvas.Y += 6;
            canvas.Draw(lines, x + 13);
            canvas.Y += 12;
            return;
        }

        canvas.Need(Math.Min(lines.Count, 2) * lines[0].Height);
        if (number is not null)
        {
            canvas.Graphics.DrawString(number, canvas.Font(size, bold: true), new XSolidBrush(PdfCanvas.Ink), new XPoint(PdfCanvas.Left, canvas.Y), XStringFormats.TopLeft);
        }

        canvas.Draw(lines, x, tone == DocTone.Note ? PdfCanvas.Muted : null);
        canvas.Y += size * 0.6;
    }

    /// <summary>A list item: its marker in the margin, its text beside it.</summary>
    internal static void Item(PdfCanvas canvas, string marker, IReadOnlyList<DocRun> runs, double left)
    {
        var lines = canvas.Wrap(runs, PdfCanvas.Left + PdfCanvas.Width - left - 18, PdfCanvas.BodySize);
        canvas.Need(lines[0].Height);
        canvas.Graphics.DrawString(marker, canvas.Font(PdfCanvas.BodySize), new XSolidBrush(PdfCanvas.Ink), new XPoint(left, canvas.Y), XStringFormats.TopLeft);
        canvas.Draw(lines, left + 18);
        canvas.Y += 2;
    }

    private static void Facts(PdfCanvas canvas, DocFacts facts)
    {
        const double labelWidth = 175;
        var brush = new XSolidBrush(PdfCanvas.Ink);
        foreach (var (label, value) in facts.Rows)
        {
            var labels = canvas.Wrap([new DocRun(label, Bold: true)], labelWidth - 8, PdfCanvas.BodySize);
            var values = canvas.Wrap([new DocRun(value)], PdfCanvas.Width - labelWidth, PdfCanvas.BodySize);
            var height = Math.Max(labels.Sum(l => l.Height), values.Sum(l => l.Height));
            canvas.Need(height);
            var y = canvas.Y;
            foreach (var line in labels)
            {
                canvas.DrawLine(line, PdfCanvas.Left, y, brush);
                y += line.Height;
            }

            canvas.Draw(values, PdfCanvas.Left + labelWidth);
            canvas.Y = Math.Max(canvas.Y, y) + 2;
        }

        canvas.Y += 6;
    }

    /// <summary>A table with its header row repeated on each page it runs on to.</summary>
    internal static void Table(PdfCanvas canvas, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double>? widths, double left, double width)
    {
        const double pad = 3;
        var size = PdfCanvas.BodySize - 1.5;
        var count = Math.Max(header.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        if (count == 0)
        {
            return;
        }

        var relative = widths is { } w && w.Count == count ? w : Enumerable.Repeat(1d, count).ToList();
        var total = relative.Sum();
        var columns = relative.Select(r => width * r / total).ToList();
        var pen = new XPen(XColor.FromArgb(177, 180, 182), 0.5);

        (List<List<TextLine>> Cells, double Height) Measure(IReadOnlyList<string> row, bool bold)
        {
            var cells = columns.Select((c, i) => canvas.Wrap([new DocRun(i < row.Count ? row[i] : string.Empty)], c - (2 * pad), size, bold)).ToList();
            return (cells, cells.Max(c => c.Sum(l => l.Height)) + (2 * pad));
        }

        void DrawRow((List<List<TextLine>> Cells, double Height) row, bool shaded)
        {
            var g = canvas.Graphics;
            var x = left;
            if (shaded)
            {
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(243, 242, 241)), left, canvas.Y, width, row.Height);
            }

            for (var i = 0; i < columns.Count; i++)
            {
                g.DrawRectangle(pen, x, canvas.Y, columns[i], row.Height);
                var y = canvas.Y + pad;
                foreach (var line in row.Cells[i])
                {
                    canvas.DrawLine(line, x + pad, y, new XSolidBrush(PdfCanvas.Ink));
                    y += line.Height;
                }

                x += columns[i];
            }

            canvas.Y += row.Height;
        }

        var head = Measure(header, bold: true);
        canvas.Need(head.Height * 3);
        DrawRow(head, shaded: true);
        foreach (var data in rows)
        {
            var row = Measure(data, bold: false);
            if (canvas.Y + row.Height > PdfCanvas.Bottom)
            {
                canvas.NewPage();
                DrawRow(head, shaded: true);
            }

            DrawRow(row, shaded: false);
        }

        canvas.Y += 8;
    }

    /// <summary>Writes the contents' entries now, leaving room for the page numbers that <see cref="FillContents"/> adds.</summary>
    private static void Contents(PdfCanvas canvas, LayoutState state, DocContents contents)
    {
        Heading(canvas, state, new DocHeading(2, contents.Heading));
        foreach (var entry in state.ContentsEntries)
        {
            var indent = (entry.Level - 1) * 14;
            var lines = canvas.Wrap([new DocRun(entry.Text, Bold: entry.Level == 1)], PdfCanvas.Width - 50 - indent, PdfCanvas.BodySize);
            canvas.Need(lines.Sum(l => l.Height));
            var top = canvas.Y;
            canvas.Draw(lines, PdfCanvas.Left + indent);
            state.ContentsSlots.Add(new ContentsSlot(canvas.PageIndex, top, canvas.Y - top));
            canvas.Y += 3;
        }
    }

    private static void FillContents(PdfDocument document, LayoutState state)
    {
        for (var i = 0; i < state.ContentsSlots.Count; i++)
        {
            var slot = state.ContentsSlots[i];
            if (!state.EntryPages.TryGetValue(state.ContentsEntries[i].Key, out var target))
            {
                continue;
            }

            var page = document.Pages[slot.Page];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var font = new XFont(PdfFonts.Family, PdfCanvas.BodySize);
            var number = (target + 1).ToString(CultureInfo.CurrentCulture);
            g.DrawString(number, font, new XSolidBrush(PdfCanvas.Ink), new XRect(PdfCanvas.Left, slot.Top, PdfCanvas.Width, PdfCanvas.LineHeight(font)), XStringFormats.TopRight);
            var area = g.Transformer.WorldToDefaultPage(new XRect(PdfCanvas.Left, slot.Top, PdfCanvas.Width, slot.Height));
            page.AddDocumentLink(new PdfRectangle(area), target + 1);
        }
    }

    private static void Import(PdfCanvas canvas, LayoutState state, DocPdfPages pages)
    {
        canvas.ClosePage();
        PdfDocument source;
        try
        {
            source = PdfReader.Open(new MemoryStream(pages.Pdf), PdfDocumentOpenMode.Import);
        }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or NotImplementedException or ArgumentException)
        {
            if (pages.ContentsKey is not null)
            {
                state.EntryPages[pages.ContentsKey] = canvas.PageIndex;
            }

            Paragraph(canvas, [new DocRun(pages.Unreadable)], null, DocTone.Notice);
            return;
        }

        using (source)
        {
            var first = -1;
            foreach (var page in source.Pages)
            {
                canvas.Document.AddPage(page);
                first = first < 0 ? canvas.Document.PageCount - 1 : first;
            }

            if (first >= 0 && pages.ContentsKey is not null)
            {
                state.EntryPages[pages.ContentsKey] = first;
            }

            if (first >= 0)
            {
                state.Bookmark(canvas.Document, state.AnnexLevel, pages.Bookmark, canvas.Document.Pages[first], 0);
            }
        }
    }

    private static void Footers(PdfDocument document, DocumentSpec spec)
    {
        var font = new XFont(PdfFonts.Family, 8);
        var brush = new XSolidBrush(PdfCanvas.Muted);
        for (var i = 0; i < document.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var width = g.PageSize.Width;
            var y = g.PageSize.Height - 36;
            var pageOf = string.Format(CultureInfo.CurrentCulture, spec.PageOf, i + 1, document.PageCount);
            var room = width - 80 - g.MeasureString(pageOf, font).Width - 20;
            var footer = spec.Footer;
            while (footer.Length > 10 && g.MeasureString(footer, font).Width > room)
            {
                footer = footer[..^2] + "…";
                footer = footer.Replace("……", "…", StringComparison.Ordinal);
            }

            g.DrawLine(new XPen(XColor.FromArgb(177, 180, 182), 0.5), 40, y - 6, width - 40, y - 6);
            g.DrawString(footer, font, brush, new XPoint(40, y), XStringFormats.TopLeft);
            g.DrawString(pageOf, font, brush, new XRect(40, y, width - 80, 12), XStringFormats.TopRight);
        }
    }

    private sealed record ContentsSlot(int Page, double Top, double Height);

    /// <summary>A line of the contents: a heading's (keyed by its place in the document) or a <see cref="DocContentsEntry"/>'s.</summary>
    private sealed record ContentsLine(int Level, string Text, string Key);

    private sealed class LayoutState(DocumentSpec spec)
    {
        private readonly List<(int Level, PdfOutline Outline)> _open = [];

        public List<ContentsLine> ContentsEntries { get; } = spec.Blocks
            .Select((block, i) => block switch
            {
                DocHeading { InContents: true } h => new ContentsLine(h.Level, h.Text, HeadingKey(i)),
                DocContentsEntry e => new ContentsLine(e.Level, e.Text, e.Key),
                _ => null,
            })
            .OfType<ContentsLine>()
            .ToList();

        public List<ContentsSlot> ContentsSlots { get; } = [];

        /// <summary>The page (from 0) each contents entry leads to, by its key.</summary>
        public Dictionary<string, int> EntryPages { get; } = new(StringComparer.Ordinal);

        /// <summary>The index of the block being laid out.</summary>
        public int Block { get; set; }

        public static string HeadingKey(int block) => "\u0001heading:" + block.ToString(CultureInfo.InvariantCulture);

        /// <summary>An annex's bookmark sits under the heading before it.</summary>
        public int AnnexLevel { get; private set; } = 1;

        /// <summary>Annexes' bookmarks go one level below the last heading's.</summary>
        public void HeadingBookmarked(int level) => AnnexLevel = level + 1;

        public void Bookmark(PdfDocument document, int level, string title, PdfPage page, double top)
        {
            while (_open.Count > 0 && _open[^1].Level >= level)
            {
                _open.RemoveAt(_open.Count - 1);
            }

            var outlines = _open.Count == 0 ? document.Outlines : _open[^1].Outline.Outlines;
            var outline = outlines.Add(title, page, _open.Count == 0);
            _ = top;
            _open.Add((level, outline));

        }
    }
}
