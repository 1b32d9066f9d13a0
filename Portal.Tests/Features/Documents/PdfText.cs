using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Outline;

namespace Portal.Tests.Features.Documents;

/// <summary>A PDF read back with PdfPig: each page's words in drawing order, the outline, the title and language.</summary>
internal sealed class PdfText
{
    private PdfText(IReadOnlyList<IReadOnlyList<Word>> pages, IReadOnlyList<string> bookmarks, string? title)
    {
        Pages = pages;
        Bookmarks = bookmarks;
        Title = title;
    }

    public IReadOnlyList<IReadOnlyList<Word>> Pages { get; }

    public IReadOnlyList<string> Bookmarks { get; }

    public string? Title { get; }

    public int Count => Pages.Count;

    public static PdfText Read(byte[] pdf)
    {
        Assert.True(pdf.Length > 4 && pdf[0] == '%' && pdf[1] == 'P' && pdf[2] == 'D' && pdf[3] == 'F', "Not a PDF.");
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => (IReadOnlyList<Word>)p.GetWords().ToList()).ToList();
        var bookmarks = new List<string>();
        if (document.TryGetBookmarks(out var outline))
        {
            foreach (var node in outline.GetNodes())
            {
                bookmarks.Add(node.Title);
            }
        }

        return new PdfText(pages, bookmarks, document.Information.Title);
    }

    /// <summary>Page <paramref name="number"/> (from 1) as one line of words.</summary>
    public string Page(int number) => string.Join(' ', Pages[number - 1].Select(w => w.Text));

    public string All => string.Join('\n', Enumerable.Range(1, Count).Select(Page));

    /// <summary>The word on the same line as <paramref name="word"/> furthest to the right (a contents entry's page number).</summary>
    public static Word LastOnLine(IReadOnlyList<Word> words, Word word) =>
        words.Where(w => Math.Abs(w.BoundingBox.Bottom - word.BoundingBox.Bottom) < 2).MaxBy(w => w.BoundingBox.Right)!;
}
