using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Plans.Reports;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Documents;

/// <summary>A plan's performance report through the real service on the York demo: Word read back with Open XML, PDF with PdfPig, refused to a visitor.</summary>
public sealed class PlanReportTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task TheWordReportHasHeadingStylesAndTablesAndThePdfTheSameFigures()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync(Ct);
        var action = await db.Actions.Where(a => a.PlanId == plan.Id && a.Year == plan.OpenYear).OrderBy(a => a.Title).Select(a => a.Title).FirstAsync(Ct);
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);

        var word = (await director.Get<PlanReportService>().PlanReportWordAsync(plan.Id, null, null, Ct))!;
        Assert.EndsWith(".docx", word.FileName, StringComparison.Ordinal);
        File.WriteAllBytes("/tmp/pdf-look/performance-report.docx", word.Bytes);
        using (var document = WordprocessingDocument.Open(new MemoryStream(word.Bytes), false))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            var headings = body.Elements<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
                .Select(p => (Style: p.ParagraphProperties!.ParagraphStyleId!.Val!.Value!, Text: p.InnerText)).ToList();
            Assert.Contains(headings, h => h.Style == "Heading1" && h.Text.Contains("performance report", StringComparison.Ordinal));
            Assert.Contains(headings, h => h.Style == "Heading3" && h.Text == "Key actions");
            Assert.Contains(headings, h => h.Style == "Heading2" && h.Text.StartsWith("Risks above", StringComparison.Ordinal));
            var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToList();
            Assert.Contains("Heading1", styles);
            var tables = body.Elements<Table>().ToList();
            Assert.True(tables.Count >= 4, $"Only {tables.Count} tables.");
            Assert.Contains(tables, t => t.InnerText.Contains(action, StringComparison.Ordinal));
            Assert.Contains(tables, t => t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>() is not null && t.InnerText.Contains("Latest update", StringComparison.Ordinal));
        }

        var pdf = (await director.Get<PlanReportService>().PlanReportPdfAsync(plan.Id, null, null, Ct))!;
        PackPdfHttpTests.Save("performance-report.pdf", pdf.Bytes);
        var text = PdfText.Read(pdf.Bytes).All;
        Assert.Contains("Key actions", text, StringComparison.Ordinal);
        Assert.Contains(string.Join(' ', action.Split(' ').Take(2)), text, StringComparison.Ordinal);

        await using var visitor = _portal.Anonymous();
        await Assert.ThrowsAsync<AccessDeniedException>(() => visitor.Get<PlanReportService>().PlanReportPdfAsync(plan.Id, null, null, Ct));
    }
}
