using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Documents;
using Portal.Features.Documents.Pdf;
using Portal.Features.Reports;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;
using Portal.Tests.Features.Documents;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// The agenda pack as PDF for a meeting of twelve full reports with six PDF annexes (about 80 pages),
/// over HTTP on the real app: the first build (the cache dropped before each, as a report change drops
/// it; target p95 under 2 s) and a cached one (under 50 ms), each beside the HTML pack's download
/// rendered in the same run.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class PackPdfBenchmark(ITestOutputHelper output)
{
    private static readonly string[] Words =
    [
        "council", "budget", "housing", "transport", "strategy", "performance", "community", "service", "review", "plan", "risk", "school",
        "library", "waste", "recycling", "planning", "licence", "parking", "finance", "savings", "consultation", "residents", "ward",
        "children", "adult", "care", "health", "leisure", "culture", "economy", "jobs", "skills", "climate", "energy", "flooding", "roads",
    ];

    [Fact]
    public async Task MeasuresTheFirstAndTheCachedPdfPackOfTwelveReportsWithSixAnnexes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new PortalApp(demo: "en");
        app.Start();
        var meeting = await GenerateAsync(app.Services, ct);
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var changes = app.Services.GetRequiredService<ChangeFeed>();

        async Task<byte[]> GetAsync(string path)
        {
            using var response = await client.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsByteArrayAsync(ct);
        }

        async Task FirstAsync()
        {
            changes.Publish(new ReportChanged(0, meeting));
            await GetAsync($"/meetings/{meeting}/pack.pdf");
        }

        var pdf = PdfText.Read(await GetAsync($"/meetings/{meeting}/pack.pdf"));
        output.WriteLine($"The pack has {pdf.Count} pages and {pdf.Bookmarks.Count} bookmarks.");
        Assert.InRange(pdf.Count, 70, 100);
        for (var i = 0; i < 3; i++)
        {
            await FirstAsync();
            await GetAsync($"/meetings/{meeting}/pack.html");
        }

        var html = await BenchmarkReport.MeasureAsync(20, () => GetAsync($"/meetings/{meeting}/pack.html"));
        var first = await BenchmarkReport.MeasureAsync(12, FirstAsync);
        output.WriteLine(BenchmarkReport.Format($"agenda pack PDF, first build (12 reports, 6 PDF annexes, {pdf.Count} pages)", first, html, "HTML pack download render", targetMs: 2000));
        await GetAsync($"/meetings/{meeting}/pack.pdf");
        var cached = await BenchmarkReport.MeasureAsync(40, () => GetAsync($"/meetings/{meeting}/pack.pdf"));
        output.WriteLine(BenchmarkReport.Format("agenda pack PDF, cached", cached, html, "HTML pack download render", targetMs: 50));
    }

    private static async Task<int> GenerateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("benchmark");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var random = new Random(42);
        var body = await db.Bodies.SingleAsync(b => b.Slug == "emap-cs", ct);
        var author = await db.People.Where(p => p.DisplayName == "Barbara Boyce").Select(p => p.Id).SingleAsync(ct);
        var chief = await db.People.Where(p => p.DisplayName == "Heather Rice").Select(p => p.Id).SingleAsync(ct);
        string Sentences(int count)
        {
            var text = new StringBuilder();
            for (var s = 0; s < count; s++)
            {
                text.Append("The");
                for (var i = 0; i < 14; i++)
                {
                    text.Append(' ').Append(i == 5 ? $"**{Words[random.Next(Words.Length)]}**" : Words[random.Next(Words.Length)]);
                }

                text.Append(". ");
            }

            return text.ToString().TrimEnd();
        }

        var meeting = Meeting.Schedule(body, new DateOnly(2030, 3, 4), new TimeOnly(17, 0), new TimeOnly(19, 0), "The Guildhall");
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        var reports = new List<Report>();
        for (var r = 0; r < 12; r++)
        {
            var report = Report.Draft($"BENCH/{r:00}", $"Benchmark report {r + 1}: {Words[r]} and {Words[r + 12]}", author);
            report.Describe(new ReportParticulars(report.Reference, report.Title, chief, "Barbara Boyce, 01904 552014", true, null, false, "None"));
            report.PlaceBefore(meeting.Id, body.Id, null);
            foreach (var kind in ReportTemplate.Sections)
            {
                report.WriteSection(kind, $"{Sentences(2)}\n\n{Sentences(2)}\n\n- {Sentences(1)}\n- {Sentences(1)}");
            }

            report.Recommend(Sentences(1), Sentences(1));
            report.Recommend(Sentences(1), Sentences(1));
            db.Reports.Add(report);
            await db.SaveChangesAsync(ct);
            if (r % 2 == 0)
            {
                var blocks = Enumerable.Range(0, 40).Select(i => (DocBlock)new DocParagraph($"Annex line {i}: {Sentences(2)}")).Prepend(new DocHeading(1, $"Annex to report {r + 1}")).ToList();
                var bytes = PdfLayout.Render(new DocumentSpec($"Annex {r}", "en-GB", "Annex", "Page {0} of {1}", blocks));
                var annex = Annex.Attach(report, 1, $"Supporting figures {r + 1}", $"Annex {r + 1}.pdf", bytes, null);
                db.Annexes.Add(annex);
                await db.SaveChangesAsync(ct);
                db.AnnexContents.Add(AnnexContent.For(annex, bytes));
            }

            report.Submit(new DateOnly(2030, 2, 1));
            report.Clear(chief, new DateOnly(2030, 2, 2));
            report.Publish(new DateOnly(2030, 2, 3), null, null);
            await db.SaveChangesAsync(ct);
            reports.Add(report);
        }

        var tracked = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.Id == meeting.Id, ct);
        var items = reports.Select(r => tracked.AddItem(r.Title, "Barbara Boyce", 20, false)).ToList();
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < reports.Count; i++)
        {
            reports[i].TakeAgendaItem(items[i].Id);
        }

        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }
}
