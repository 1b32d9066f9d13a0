using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Plans;
using Portal.Features.Plans.Reports;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Documents;

/// <summary>
/// A performance report made up to a chosen period of the plan year, on the York demo (its clock on
/// 25 November 2026, so 2026/27 is open and its second quarter's figures are in): each action's
/// progress and latest update as at the period's end, each indicator's figures for the latest of its
/// periods ended by then, in Word and PDF alike.
/// </summary>
public sealed class PlanReportPeriodTests : IAsyncLifetime
{
    private const string FirstQuarterWords = "Steady start recorded before July";
    private const string SecondQuarterWords = "Slipping behind recorded before October";

    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task EachPeriodsReportHasTheFiguresAndUpdatesAsAtItsEnd()
    {
        var (planId, year, action) = await SetUpAsync();
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var reports = director.Get<PlanReportService>();

        var q1 = WordText(await reports.PlanReportWordAsync(planId, year, "q1", Ct));
        Assert.Contains("performance report Q1 2026/27", q1.Headings[0], StringComparison.Ordinal);
        Assert.Contains("30 June 2026", q1.Body, StringComparison.Ordinal);
        var q1Row = q1.RowOf(action);
        Assert.Contains(FirstQuarterWords, q1Row, StringComparison.Ordinal);
        Assert.Contains("35 %", q1Row, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondQuarterWords, q1.Body, StringComparison.Ordinal);
        Assert.Contains("Q1 2026/27", q1.IndicatorPeriods);
        Assert.DoesNotContain("Q2 2026/27", q1.IndicatorPeriods);
        // The seeded commentary is on the second quarter's figure: not yet written at the end of the first.
        Assert.DoesNotContain("Latest quarter.", q1.Body, StringComparison.Ordinal);

        var q2 = WordText(await reports.PlanReportWordAsync(planId, year, "q2", Ct));
        var q2Row = q2.RowOf(action);
        Assert.Contains(SecondQuarterWords, q2Row, StringComparison.Ordinal);
        Assert.Contains("70 %", q2Row, StringComparison.Ordinal);
        Assert.Contains("At risk", q2Row, StringComparison.Ordinal);
        Assert.Contains("Q2 2026/27", q2.IndicatorPeriods);
        Assert.Contains("Latest quarter.", q2.Body, StringComparison.Ordinal);

        // A month: at the end of May nothing of the first quarter's update was written, and the
        // quarterly indicators' latest ended quarter is the last of the year before.
        var may = WordText(await reports.PlanReportWordAsync(planId, year, "m2", Ct));
        Assert.Contains("May 2026", may.Headings[0], StringComparison.Ordinal);
        Assert.DoesNotContain(FirstQuarterWords, may.Body, StringComparison.Ordinal);
        Assert.All(may.IndicatorPeriods, p => Assert.Equal("Q4 2025/26", p));

        var pdf = PdfText.Read((await reports.PlanReportPdfAsync(planId, year, "q1", Ct))!.Bytes);
        PackPdfHttpTests.Save("performance-report-q1.pdf", (await reports.PlanReportPdfAsync(planId, year, "q1", Ct))!.Bytes);
        var text = pdf.All.Replace("\n", " ", StringComparison.Ordinal);
        Assert.Contains("Q1 2026/27", pdf.Page(1), StringComparison.Ordinal);
        Assert.Contains("Steady start", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Slipping behind", text, StringComparison.Ordinal);

        // A period the report does not know is the report as it stands, not an error.
        var plain = WordText(await reports.PlanReportWordAsync(planId, year, "q9", Ct));
        Assert.DoesNotContain("Q9", plain.Headings[0], StringComparison.Ordinal);
        Assert.Contains("2026/27", plain.Headings[0], StringComparison.Ordinal);

        var choices = await reports.PeriodChoicesAsync(planId, year, Ct);
        Assert.Equal(["q1", "q2", "q3"], choices.Where(c => c.IsQuarter).Select(c => c.Code));
        Assert.Equal("m8", choices.Where(c => !c.IsQuarter && c.Code != "year").Last().Code);
        Assert.Contains(choices, c => c.Code == "year");
    }

    /// <summary>Two dated updates on one action of the open year: one in the first quarter, one in the second.</summary>
    private async Task<(int PlanId, int Year, string Action)> SetUpAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync(Ct);
        Assert.Equal(2026, plan.OpenYear);
        var action = await db.Actions.Include(a => a.Updates).Include(a => a.Milestones).AsSplitQuery()
            .Where(a => a.PlanId == plan.Id && a.Year == plan.OpenYear && a.DueDate > new DateOnly(2026, 12, 31))
            .Where(a => !a.Updates.Any(u => u.Date < new DateOnly(2026, 10, 1)))
            .OrderBy(a => a.Title).FirstAsync(Ct);
        var utc = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        action.RecordProgress(ActionStatus.OnTrack, 35, FirstQuarterWords, "Test", new DateOnly(2026, 6, 20), utc);
        action.RecordProgress(ActionStatus.AtRisk, 70, SecondQuarterWords, "Test", new DateOnly(2026, 9, 20), utc.AddMinutes(1));
        await db.SaveChangesAsync(Ct);
        return (plan.Id, plan.OpenYear, action.Title);
    }

    private static WordReport WordText(Portal.Features.Documents.DocumentFile? file)
    {
        Assert.NotNull(file);
        using var document = WordprocessingDocument.Open(new MemoryStream(file.Bytes), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText).ToList();
        var rows = body.Elements<Table>().SelectMany(t => t.Elements<TableRow>())
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        // An indicator's row: its second cell is the period ("Q1 2026/27").
        var periods = rows.Where(r => r.Count == 6 && r[1].StartsWith('Q') && r[1].Contains('/', StringComparison.Ordinal)).Select(r => r[1]).ToList();
        Assert.NotEmpty(periods);
        return new WordReport(headings, body.InnerText, rows, periods);
    }

    private sealed record WordReport(IReadOnlyList<string> Headings, string Body, IReadOnlyList<List<string>> Rows, IReadOnlyList<string> IndicatorPeriods)
    {
        public string RowOf(string action) => string.Join(" | ", Rows.First(r => r.Count > 0 && r[0] == action));
    }
}
