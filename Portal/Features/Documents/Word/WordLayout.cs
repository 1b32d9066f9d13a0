using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Features.Documents.Pdf;

namespace Portal.Features.Documents.Word;

/// <summary>
/// Lays a <see cref="DocumentSpec"/> out as a Word document (.docx, Open XML): headings in Word's own
/// heading styles (so they land in the council's template and its navigation pane), paragraphs, and
/// real tables with a repeating header row, so the document can be edited and pasted from.
/// </summary>
public static class WordLayout
{
    public static byte[] Render(DocumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var output = new MemoryStream();
        using (var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = spec.Title;
            word.PackageProperties.Language = spec.Language;
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles(spec.Language);
            var body = new Body();
            foreach (var block in spec.Blocks)
            {
                foreach (var element in Lay(block))
                {
                    body.Append(element);
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1247, Right = 1247, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return output.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Lay(DocBlock block)
    {
        switch (block)
        {
            case DocHeading heading:
                yield return Paragraph($"Heading{Math.Clamp(heading.Level, 1, 4)}", [new DocRun(heading.Text)]);
                break;
            case DocParagraph paragraph:
                var runs = paragraph.Number is null ? paragraph.Runs : [new DocRun(paragraph.Number + " ", Bold: true), .. paragraph.Runs];
                yield return Paragraph(paragraph.Tone == DocTone.Normal ? null : "Notice", runs);
                break;
            case DocMarkdown markdown:
                List<DocRun> text = markdown.Block is Markdig.Syntax.LeafBlock leaf ? PdfMarkdown.Runs(leaf.Inline) : [];
                yield return Paragraph(null, markdown.Number is null ? text : [new DocRun(markdown.Number + " ", Bold: true), .. text]);
                break;
            case DocFacts facts:
                yield return Table(null, facts.Rows.Select(r => (IReadOnlyList<string>)[r.Label, r.Value]).ToList(), firstColumnBold: true);
                yield return Paragraph(null, []);
                break;
            case DocTable table:
                yield return Table(table.Header, table.Rows, firstColumnBold: false);
                yield return Paragraph(null, []);
                break;
            case DocList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    yield return Paragraph("ListParagraph", [new DocRun((list.Numbered ? $"{i + 1}. " : "• ") + list.Items[i])]);
                }

                break;
            case DocPageBreak:
                yield return new Paragraph(new Run(new Break { Type = BreakValues.Page }));
                break;
            case DocPdfPages pages:
                yield return Paragraph(null, [new DocRun(pages.Bookmark)]);
                break;
            default:
                break;
        }
    }

    private static Paragraph Paragraph(string? style, IEnumerable<DocRun> runs)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        foreach (var run in runs)
        {
            var lines = run.Text.Split('\n');
            var element = new Run();
            if (run.Bold || run.Italic)
            {
                element.Append(new RunProperties(run.Bold ? new Bold() : new Bold { Val = false }, run.Italic ? new Italic() : new Italic { Val = false }));
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    element.Append(new Break());
                }

                element.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }

            paragraph.Append(element);
        }

        return paragraph;
    }

    private static Table Table(IReadOnlyList<string>? header, IReadOnlyList<IReadOnlyList<string>> rows, bool firstColumnBold)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border));
        if (header is { Count: > 0 })
        {
            var row = new TableRow(new TableRowProperties(new TableHeader()));
            foreach (var cell in header)
            {
                row.Append(new TableCell(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "F3F2F1" }), Paragraph(null, [new DocRun(cell, Bold: true)])));
            }

            table.Append(row);
        }

        foreach (var data in rows)
        {
            var row = new TableRow();
            for (var i = 0; i < data.Count; i++)
            {
                row.Append(new TableCell(Paragraph(null, [new DocRun(data[i], Bold: firstColumnBold && i == 0)])));
            }

            table.Append(row);
        }

        return table;
    }

    private static Styles Styles(string language)
    {
        static Style Heading(int level, int halfPoints) => new(
            new StyleName { Val = $"heading {level}" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 9 },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "22" },
                    new Languages { Val = language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading(1, 36),
            Heading(2, 30),
            Heading(3, 26),
            Heading(4, 22),
            new Style(new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }, new StyleParagraphProperties(new Indentation { Left = "360" })) { Type = StyleValues.Paragraph, StyleId = "ListParagraph" },
            new Style(new StyleName { Val = "Notice" }, new BasedOn { Val = "Normal" }, new StyleRunProperties(new Italic())) { Type = StyleValues.Paragraph, StyleId = "Notice" });
    }
}
