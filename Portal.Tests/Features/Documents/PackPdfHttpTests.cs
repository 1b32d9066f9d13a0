using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Tests.Security;

namespace Portal.Tests.Features.Documents;

/// <summary>
/// The agenda pack as PDF over HTTP against the running demo, read back with PdfPig: the public's pack
/// has the exempt report's title and paragraph and none of its words, a member's has them; the contents'
/// page numbers lead to the items; paragraph numbers are the HTML pack's; annex pages are in it.
/// </summary>
public sealed partial class PackPdfHttpTests : HttpTest
{
    private const string ExemptWords = "Example";

    [Fact]
    public async Task ThePublicPackWithholdsTheExemptReportAndAMembersPackCarriesIt()
    {
        var august = await MeetingAsync(new DateOnly(2009, 8, 25));
        using var visitor = await PortalHttp.ClientAsync(App.BaseUrl);
        using var member = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Member);

        var open = PdfText.Read(await PdfAsync(visitor, $"/meetings/{august}/pack.pdf"));
        var full = PdfText.Read(await PdfAsync(member, $"/meetings/{august}/pack.pdf"));
        Save("august-public.pdf", await PdfAsync(visitor, $"/meetings/{august}/pack.pdf"));
        Save("august-member.pdf", await PdfAsync(member, $"/meetings/{august}/pack.pdf"));

        Assert.Contains("Staffing matters: redeployment", open.All, StringComparison.Ordinal);
        Assert.Contains("Exempt under paragraph 1", open.All, StringComparison.Ordinal);
        Assert.DoesNotContain(ExemptWords, open.All, StringComparison.Ordinal);
        Assert.Contains(ExemptWords, full.All, StringComparison.Ordinal);
        Assert.True(full.Count > open.Count, $"The member's pack has {full.Count} pages, the public's {open.Count}.");
        Assert.StartsWith("Agenda pack: Employment Panel", open.Title, StringComparison.Ordinal);
        Assert.Contains(open.Bookmarks, b => b.StartsWith("Annex", StringComparison.Ordinal) || b.StartsWith("Appendix", StringComparison.Ordinal));
        Assert.Equal($"Page 1 of {open.Count}", string.Join(' ', open.Pages[0].TakeLast(4).Select(w => w.Text)));
    }

    [Fact]
    public async Task TheContentsPageNumbersLeadToTheItemsAndTheParagraphNumbersAreTheHtmlPacks()
    {
        var july = await MeetingAsync(new DateOnly(2008, 7, 14));
        using var visitor = await PortalHttp.ClientAsync(App.BaseUrl);
        var bytes = await PdfAsync(visitor, $"/meetings/{july}/pack.pdf");
        Save("july-public.pdf", bytes);
        var pdf = PdfText.Read(bytes);
        var html = await visitor.GetStringAsync($"/meetings/{july}/pack.html", Ct);

        // The contents is page 2: each entry "n. Title" with its page number at the right of its line.
        var contents = pdf.Pages[1];
        var items = ItemTitle().Matches(html).Select(m => (Number: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Title: WebUtility.HtmlDecode(m.Groups[2].Value).Trim())).ToList();
        Assert.NotEmpty(items);
        foreach (var (number, title) in items)
        {
            var entry = contents.First(w => w.Text == $"{number}." && w.BoundingBox.Left < 100);
            var page = int.Parse(PdfText.LastOnLine(contents, entry).Text, CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number}. {string.Join(' ', title.Split(' ').Take(3))}", pdf.Page(page), StringComparison.Ordinal);
        }

        // Each numbered paragraph of the HTML starts, in the PDF, after the same number.
        var paragraphs = Paragraph().Matches(html).Select(m => (Number: m.Groups[1].Value, Words: FirstWords(m.Groups[2].Value))).ToList();
        Assert.True(paragraphs.Count > 10, $"Only {paragraphs.Count} numbered paragraphs in the HTML pack.");
        // A numbered list keeps its bullets after the number.
        var all = pdf.All.Replace("\n", " ", StringComparison.Ordinal).Replace("• ", string.Empty, StringComparison.Ordinal);
        Assert.All(paragraphs, p => Assert.Contains($"{p.Number}. {p.Words}", all, StringComparison.Ordinal));

        // The York report's annex, the directorate plan, is in the pack page by page after its report.
        Assert.Contains(pdf.Bookmarks, b => b.Contains("Directorate Plan 2008-2011", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMeetingTheReaderMayNotSeeIsNotFoundAndTheSwedishPackIsInSwedish()
    {
        var emg = await App.QueryAsync(db => db.Meetings.Where(m => db.Bodies.Any(b => b.Id == m.BodyId && b.Slug == "emg")).Select(m => m.Id).FirstAsync(Ct));
        using var visitor = await PortalHttp.ClientAsync(App.BaseUrl);
        using var officer = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Officer);
        using (var hidden = await visitor.GetAsync($"/meetings/{emg}/pack.pdf", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/meetings/{emg}/pack.pdf", Ct)).StatusCode);
        var august = await MeetingAsync(new DateOnly(2009, 8, 25));
        using var swedish = new HttpRequestMessage(HttpMethod.Get, $"/meetings/{august}/pack.pdf");
        swedish.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dsv-SE%7Cuic%3Dsv-SE");
        using var plain = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        using var response = await plain.SendAsync(swedish, Ct);
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Handlingar", pdf.Page(1), StringComparison.Ordinal);
        Assert.Contains("Sida 1 av", pdf.Page(1), StringComparison.Ordinal);
    }

    internal static void Save(string name, byte[] pdf)
    {
        Directory.CreateDirectory("/tmp/pdf-look");
        File.WriteAllBytes(Path.Combine("/tmp/pdf-look", name), pdf);
    }

    private static string FirstWords(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(3));
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private Task<int> MeetingAsync(DateOnly date) => App.QueryAsync(db => db.Meetings.Where(m => m.Date == date).Select(m => m.Id).SingleAsync(Ct));

    [GeneratedRegex("<section class=\"pack-item\" id=\"item-\\d+\">\\s*<h2>(\\d+)\\. ([^<]*)</h2>")]
    private static partial Regex ItemTitle();

    [GeneratedRegex("<div class=\"numbered-para\" id=\"r\\d+-p\\d+\"><span class=\"para-number\">(\\d+)\\.</span><div class=\"para-text markdown-body\">(.*?)</div></div>", RegexOptions.Singleline)]
    private static partial Regex Paragraph();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
