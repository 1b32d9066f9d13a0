using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Tests.Security;

namespace Portal.Tests.Features.Documents;

/// <summary>
/// The agenda pack's contents name each annex under its report with the page it starts on (its own first
/// page, merged into the pack), and the HTML pack a reader downloads links to the PDF at the portal's full address.
/// </summary>
public sealed partial class PackContentsTests : HttpTest
{
    [Fact]
    public async Task TheContentsListEachAnnexUnderItsReportWithThePageItStartsOn()
    {
        var july = await App.QueryAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(2008, 7, 14)).Select(m => m.Id).SingleAsync(Ct));
        var annexes = await App.QueryAsync(db => db.Annexes
            .Where(a => !a.IsExempt && a.FileName.EndsWith(".pdf") && db.Reports.Any(r => r.Id == a.ReportId && r.MeetingId == july && !r.IsExempt))
            .Join(db.AnnexContents, a => a.Id, c => c.AnnexId, (a, c) => new { a.Title, c.Bytes })
            .ToListAsync(Ct));
        Assert.NotEmpty(annexes);
        using var visitor = await PortalHttp.ClientAsync(App.BaseUrl);
        using var response = await visitor.GetAsync($"/meetings/{july}/pack.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync(Ct));

        var contents = pdf.Pages[1];
        foreach (var annex in annexes)
        {
            var first = contents.First(w => w.Text is "Annex" or "Appendix" && LineOf(contents, w).Contains(annex.Title.Split(' ')[0], StringComparison.Ordinal));
            var page = int.Parse(PdfText.LastOnLine(contents, first).Text, CultureInfo.InvariantCulture);
            var own = PdfText.Read(annex.Bytes);
            var opening = string.Join(' ', own.Page(1).Split(' ').Take(6));
            Assert.StartsWith(opening, pdf.Page(page), StringComparison.Ordinal);

            // Under its report: indented beyond the items' entries, after the item it belongs to.
            var item = contents.Where(w => ItemNumber().IsMatch(w.Text) && w.BoundingBox.Left < 100 && w.BoundingBox.Bottom > first.BoundingBox.Bottom).MinBy(w => w.BoundingBox.Bottom - first.BoundingBox.Bottom)!;
            Assert.True(first.BoundingBox.Left > item.BoundingBox.Left + 5, "The annex's entry is not indented under its report.");
            var itemPage = int.Parse(PdfText.LastOnLine(contents, item).Text, CultureInfo.InvariantCulture);
            Assert.True(itemPage < page, $"The annex starts on page {page}, its item on {itemPage}.");
        }
    }

    [Fact]
    public async Task TheDownloadedHtmlPackLinksToThePdf()
    {
        var july = await App.QueryAsync(db => db.Meetings.Where(m => m.Date == new DateOnly(2008, 7, 14)).Select(m => m.Id).SingleAsync(Ct));
        using var visitor = await PortalHttp.ClientAsync(App.BaseUrl);
        var html = await visitor.GetStringAsync($"/meetings/{july}/pack.html", Ct);
        var link = PdfLink().Match(html);
        Assert.True(link.Success, "No link to the PDF in the downloaded pack.");
        var address = new Uri(link.Groups[1].Value);
        Assert.True(address.IsAbsoluteUri);
        Assert.Equal($"/meetings/{july}/pack.pdf", address.AbsolutePath);
        using var plain = new HttpClient();
        using var response = await plain.GetAsync(address, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    private static string LineOf(IReadOnlyList<UglyToad.PdfPig.Content.Word> words, UglyToad.PdfPig.Content.Word word) =>
        string.Join(' ', words.Where(w => Math.Abs(w.BoundingBox.Bottom - word.BoundingBox.Bottom) < 2).OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));

    [GeneratedRegex("^\\d+\\.$")]
    private static partial Regex ItemNumber();

    [GeneratedRegex("<a href=\"(https?://[^\"]+/pack\\.pdf)\">")]
    private static partial Regex PdfLink();
}
