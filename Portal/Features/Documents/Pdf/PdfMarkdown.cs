using System.Globalization;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PdfSharp.Drawing;

namespace Portal.Features.Documents.Pdf;

/// <summary>
/// Lays Markdown out from Markdig's syntax tree (the same parse the HTML renderer numbers), never from
/// HTML: paragraphs and headings with their bold and italic, lists (nested, numbered or not), quotes,
/// code, rules and tables. Raw HTML is off in the portal's pipeline, so there is none to meet.
/// </summary>
internal static class PdfMarkdown
{
    public static void Lay(PdfCanvas canvas, Block block, string? number) => Lay(canvas, block, number, PdfCanvas.Left + (number is null ? 0 : 30));

    private static void Lay(PdfCanvas canvas, Block block, string? number, double left)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var runs = Runs(heading.Inline).Select(r => r with { Bold = true }).ToList();
                PdfLayout.Paragraph(canvas, runs, number, DocTone.Normal, left);
                break;
            case ParagraphBlock paragraph:
                PdfLayout.Paragraph(canvas, Runs(paragraph.Inline), number, DocTone.Normal, left);
                break;
            case ListBlock list:
                Number(canvas, number);
                List(canvas, list, left);
                canvas.Y += 4;
                break;
            case QuoteBlock quote:
                Number(canvas, number);
                foreach (var child in quote)
                {
                    Lay(canvas, child, null, left + 14);
                }

                break;
            case CodeBlock code:
                var text = string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()));
                PdfLayout.Paragraph(canvas, [new DocRun(text)], number, DocTone.Normal, left);
                break;
            case ThematicBreakBlock:
                canvas.Need(12);
                canvas.Graphics.DrawLine(new XPen(PdfCanvas.Muted, 0.5), left, canvas.Y + 5, PdfCanvas.Left + PdfCanvas.Width, canvas.Y + 5);
                canvas.Y += 12;
                break;
            case Table table:
                Number(canvas, number);
                var rows = table.OfType<TableRow>().Select(r => (IReadOnlyList<string>)r.OfType<TableCell>().Select(Text).ToList()).ToList();
                var header = table.OfType<TableRow>().FirstOrDefault()?.IsHeader == true ? rows[0] : [];
                PdfLayout.Table(canvas, header, header.Count > 0 ? rows.Skip(1).ToList() : rows, null, left, PdfCanvas.Left + PdfCanvas.Width - left);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Lay(canvas, child, number, left);
                    number = null;
                }

                break;
            default:
                break;
        }
    }

    /// <summary>A number for a block that is not a paragraph of its own (a list, a table) stands alone on its line.</summary>
    private static void Number(PdfCanvas canvas, string? number)
    {
        if (number is null)
        {
            return;
        }

        canvas.Need(PdfCanvas.LineHeight(canvas.Font(PdfCanvas.BodySize)) * 2);
        canvas.Graphics.DrawString(number, canvas.Font(PdfCanvas.BodySize, bold: true), new XSolidBrush(PdfCanvas.Ink), new XPoint(PdfCanvas.Left, canvas.Y), XStringFormats.TopLeft);
    }

    private static void List(PdfCanvas canvas, ListBlock list, double left)
    {
        var index = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{index.ToString(CultureInfo.InvariantCulture)}{list.OrderedDelimiter}" : "•";
            index++;
            var first = true;
            foreach (var child in item)
            {
                if (first && child is ParagraphBlock paragraph)
                {
                    PdfLayout.Item(canvas, marker, Runs(paragraph.Inline), left);
                }
                else if (child is ListBlock nested)
                {
                    List(canvas, nested, left + 18);
                }
                else
                {
                    Lay(canvas, child, null, left + 18);
                }

                first = false;
            }
        }
    }

    private static string Text(TableCell cell) =>
        string.Join(' ', cell.OfType<LeafBlock>().Select(b => string.Concat(Runs(b.Inline).Select(r => r.Text)))).Trim();

    /// <summary>The runs of text in <paramref name="inline"/>, each with its emphasis.</summary>
    internal static List<DocRun> Runs(ContainerInline? inline)
    {
        var runs = new List<DocRun>();
        if (inline is not null)
        {
            Collect(inline, bold: false, italic: false, runs);
        }

        return runs;
    }

    private static void Collect(Inline inline, bool bold, bool italic, List<DocRun> runs)
    {
        switch (inline)
        {
            case LiteralInline literal:
                runs.Add(new DocRun(literal.Content.ToString(), bold, italic));
                break;
            case CodeInline code:
                runs.Add(new DocRun(code.Content, bold, italic));
                break;
            case LineBreakInline lineBreak:
                runs.Add(new DocRun(lineBreak.IsHard ? "\n" : " ", bold, italic));
                break;
            case AutolinkInline link:
                runs.Add(new DocRun(link.Url, bold, italic));
                break;
            case HtmlEntityInline entity:
                runs.Add(new DocRun(entity.Transcoded.ToString(), bold, italic));
                break;
            case EmphasisInline emphasis:
                var strong = emphasis.DelimiterCount >= 2 && emphasis.DelimiterChar is '*' or '_';
                foreach (var child in emphasis)
                {
                    Collect(child, bold || strong, italic || (!strong && emphasis.DelimiterChar is '*' or '_'), runs);
                }

                break;
            case LinkInline link:
                foreach (var child in link)
                {
                    Collect(child, bold, italic, runs);
                }

                if (!link.IsImage && link.Url is { Length: > 0 } url && !runs.LastOrDefault()?.Text.Contains(url, StringComparison.Ordinal) == true)
                {
                    runs.Add(new DocRun($" ({url})", bold, italic));
                }

                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Collect(child, bold, italic, runs);
                }

                break;
            default:
                break;
        }
    }
}
