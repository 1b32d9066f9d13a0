namespace Portal.Features.Documents;

/// <summary>
/// A document as a feature describes it, before any layout: headings, paragraphs, Markdown, tables
/// and pages of other PDFs, in reading order. <see cref="Pdf.PdfLayout"/> and <see cref="Word.WordLayout"/>
/// lay the same description out, so a feature never draws a page itself.
/// </summary>
/// <param name="Title">The document's title, also its metadata title.</param>
/// <param name="Language">The language tag of its text (en-GB, sv-SE).</param>
/// <param name="Footer">Words for every page's footer, beside "page n of m".</param>
/// <param name="PageOf">How the footer counts pages: a format with {0} for the page and {1} for the count.</param>
public sealed record DocumentSpec(string Title, string Language, string Footer, string PageOf, IReadOnlyList<DocBlock> Blocks);

/// <summary>One piece of a document.</summary>
public abstract record DocBlock;

/// <summary>
/// A heading. <paramref name="Bookmark"/> gives it an entry in the PDF's outline, nested under the
/// last bookmarked heading of a lower level; <paramref name="InContents"/> lists it in the contents.
/// </summary>
public sealed record DocHeading(int Level, string Text, bool Bookmark = false, bool InContents = false) : DocBlock;

/// <summary>A paragraph of plain runs; a <paramref name="Number"/> stands in the margin (a report's numbered paragraphs).</summary>
public sealed record DocParagraph(IReadOnlyList<DocRun> Runs, string? Number = null, DocTone Tone = DocTone.Normal) : DocBlock
{
    public DocParagraph(string text, DocTone tone = DocTone.Normal)
        : this([new DocRun(text)], null, tone)
    {
    }
}

public sealed record DocRun(string Text, bool Bold = false, bool Italic = false);

/// <summary>How a paragraph stands out: a notice (an exempt report's) is boxed, a note is smaller and grey.</summary>
public enum DocTone
{
    Normal = 0,
    Notice = 1,
    Note = 2,
}

/// <summary>One top-level block of Markdown (as the HTML numbers them), laid out from Markdig's syntax tree.</summary>
public sealed record DocMarkdown(Markdig.Syntax.Block Block, string? Number = null) : DocBlock;

/// <summary>Label and value pairs: a meeting's or a report's particulars.</summary>
public sealed record DocFacts(IReadOnlyList<(string Label, string Value)> Rows) : DocBlock;

/// <summary>A table with a header row; <paramref name="Widths"/> are relative column widths (equal when null).</summary>
public sealed record DocTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double>? Widths = null) : DocBlock;

/// <summary>A list of items, numbered or with bullets.</summary>
public sealed record DocList(IReadOnlyList<string> Items, bool Numbered = false) : DocBlock;

/// <summary>The contents: every heading marked <see cref="DocHeading.InContents"/> and every <see cref="DocContentsEntry"/>, with the page each starts on.</summary>
public sealed record DocContents(string Heading) : DocBlock;

/// <summary>The next block starts on a new page.</summary>
public sealed record DocPageBreak : DocBlock;

/// <summary>
/// Every page of another PDF (an annex), each page as it is, with a bookmark to its first page;
/// <paramref name="Unreadable"/> is said instead when the file cannot be opened (damaged or encrypted).
/// With a <paramref name="ContentsKey"/>, the <see cref="DocContentsEntry"/> of that key leads to its first page.
/// </summary>
public sealed record DocPdfPages(string Bookmark, byte[] Pdf, string Unreadable, string? ContentsKey = null) : DocBlock;

/// <summary>
/// An entry in the contents that is not a heading (an annex under its report): listed where this block
/// stands among the headings, with the page of the <see cref="DocAnchor"/> or <see cref="DocPdfPages"/>
/// that carries the same <paramref name="Key"/>. Draws nothing itself.
/// </summary>
public sealed record DocContentsEntry(int Level, string Text, string Key) : DocBlock;

/// <summary>Marks the page it falls on for the <see cref="DocContentsEntry"/> of the same key. Draws nothing.</summary>
public sealed record DocAnchor(string Key) : DocBlock;

/// <summary>A laid-out document to hand to the reader.</summary>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Bytes)
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
