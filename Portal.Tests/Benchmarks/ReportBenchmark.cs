using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Search;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// Five thousand published reports (every section written, about 300 words each) in the York
/// demo: search through FTS5 with ranking and snippets (target p95 under 50 ms) beside a bare
/// FTS5 match of the same words, and the agenda pack of a twelve-item meeting rendered on the
/// server (target under 100 ms) beside the home page; over HTTP on the real app. Run every time.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class ReportBenchmark(ITestOutputHelper output)
{
    private const int Reports = 5_000;
    private const int Runs = 40;

    private static readonly string[] Words =
    [
        "council", "budget", "housing", "transport", "strategy", "performance", "community", "service", "review", "plan", "risk", "school",
        "library", "waste", "recycling", "planning", "licence", "parking", "library", "finance", "savings", "consultation", "residents", "ward",
        "children", "adult", "care", "health", "leisure", "culture", "economy", "jobs", "skills", "climate", "energy", "flooding", "roads",
        "bridges", "procurement", "contract", "partnership", "equalities", "safeguarding", "workforce", "training", "digital", "customer",
        "complaints", "tenants", "rent", "repairs", "grant", "capital", "revenue", "reserves", "audit", "governance", "scrutiny", "policy",
        "cemetery", "allotments", "market", "tourism", "museum", "parks", "trees", "air", "quality", "noise", "enforcement", "homelessness",
    ];

    [Fact]
    public async Task MeasuresSearchOverFiveThousandReportsAndATwelveItemAgendaPack()
    {
        var ct = TestContext.Current.CancellationToken;
        // The search page is read many times a second from one address, which its rate limit is there to stop.
        await using var app = new PortalApp(demo: "en", settings: new Dictionary<string, string> { ["Portal:RateLimits:SearchPerAddress"] = "0" });
        app.Start();
        var generating = Stopwatch.StartNew();
        var (pack, words) = await GenerateAsync(app.Services, ct);
        output.WriteLine($"Generated {Reports} published reports ({words / 1000}k words) and a 12-item meeting in {generating.Elapsed.TotalSeconds:F1} s");

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        async Task<string> GetAsync(string path, string contains)
        {
            using var response = await client.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.Contains(contains, body, StringComparison.Ordinal);
            return body;
        }

        string[] queries = ["flooding", "housing repairs", "climate energy savings", "procure", "budget consultation residents"];
        var turn = 0;
        string Next() => queries[turn++ % queries.Length];

        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        async Task BareMatchAsync()
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH $q LIMIT 50";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$q";
            parameter.Value = SearchService.ToMatch(Next());
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
            }
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.NotEmpty((await search.SearchAsync(Next(), ct)).Results);
            await BareMatchAsync();
            await GetAsync($"/search?q={Uri.EscapeDataString(Next())}", "search-results");
            await GetAsync($"/meetings/{pack}/pack", "item-12");
            await GetAsync("/", "</html>");
        }

        var ranked = await BenchmarkReport.MeasureAsync(Runs, async () => Assert.NotEmpty((await search.SearchAsync(Next(), ct)).Results));
        var bare = await BenchmarkReport.MeasureAsync(Runs, BareMatchAsync);
        output.WriteLine(BenchmarkReport.Format($"search service, ranked with snippets ({Reports} reports, 50 results)", ranked, bare, "bare FTS5 match, no rank or snippet", targetMs: 50));
        var page = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync($"/search?q={Uri.EscapeDataString(Next())}", "search-results"));
        var home = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync("/", "</html>"));
        output.WriteLine(BenchmarkReport.Format($"search page server render ({Reports} reports)", page, home, "home page render", targetMs: 50));
        var rendered = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync($"/meetings/{pack}/pack", "item-12"));
        output.WriteLine(BenchmarkReport.Format("agenda pack server render (12 items, 12 full reports)", rendered, home, "home page render", targetMs: 100));
    }

    private static async Task<(int Meeting, int Words)> GenerateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("benchmark");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var random = new Random(42);
        var body = await db.Bodies.SingleAsync(b => b.Slug == "emap-cs", ct);
        var author = await db.People.Where(p => p.DisplayName == "Barbara Boyce").Select(p => p.Id).SingleAsync(ct);
        var chief = await db.People.Where(p => p.DisplayName == "Heather Rice").Select(p => p.Id).SingleAsync(ct);
        var words = 0;
        string Sentence(int length)
        {
            var text = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                text.Append(i == 0 ? "The" : Words[random.Next(Words.Length)]).Append(' ');
            }

            words += length;
            return text.ToString().TrimEnd() + ".";
        }

        // One meeting every fortnight back through the years, twelve reports each: the last is the benchmark's pack.
        var meetings = new List<Meeting>();
        for (var n = 0; n < Reports / 12 + 1; n++)
        {
            meetings.Add(Meeting.Schedule(body, new DateOnly(2030, 1, 7).AddDays(-14 * n), new TimeOnly(17, 0), new TimeOnly(19, 0), "The Guildhall"));
        }

        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync(ct);
        for (var start = 0; start < Reports; start += 250)
        {
            var batch = new List<Report>();
            for (var i = start; i < Math.Min(Reports, start + 250); i++)
            {
                var meeting = meetings[i / 12];
                var report = Report.Draft($"GEN/{i:0000}", $"{Sentence(3)} {Words[i % Words.Length]} report {i}", author);
                report.Describe(new ReportParticulars(report.Reference, report.Title, chief, "Barbara Boyce, 01904 552014", true, null, false, "None"));
                report.PlaceBefore(meeting.Id, body.Id, null);
                foreach (var kind in ReportTemplate.Sections)
                {
                    report.WriteSection(kind, $"{Sentence(12)}\n\n{Sentence(10)}");
                }

                report.Recommend(Sentence(15), Sentence(10));
                report.Submit(new DateOnly(2020, 1, 1));
                report.Clear(chief, new DateOnly(2020, 1, 2));
                report.Publish(new DateOnly(2020, 1, 3), null, null);
                batch.Add(report);
            }

            db.Reports.AddRange(batch);
            await db.SaveChangesAsync(ct);
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                foreach (var report in batch)
                {
                    await SearchIndex.ReportAsync(db, report, ct);
                }

                await transaction.CommitAsync(ct);
            }

            db.ChangeTracker.Clear();
        }

        // The pack: the newest meeting's twelve reports, each on its own agenda item.
        var last = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.Id == meetings[0].Id, ct);
        var reports = await db.Reports.Where(r => r.MeetingId == last.Id).OrderBy(r => r.Id).ToListAsync(ct);
        var items = reports.Select(r => last.AddItem(r.Title, "Barbara Boyce", 20, false)).ToList();
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < reports.Count; i++)
        {
            reports[i].TakeAgendaItem(items[i].Id);
        }

        await db.SaveChangesAsync(ct);
        Assert.Equal(12, reports.Count);
        return (last.Id, words);
    }
}
