using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Establishment;
using Portal.Domain.Organisation;
using Portal.Features.Establishment.Establishment;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// A structure of 3,000 posts in 60 units, six levels deep, four in five filled: the structure
/// chart's first render (a signed-in GET, prerendered in full; target p95 under 100 ms) beside
/// the home page, the chart drawn as boxes and lines beside the list view, and the whole-council establishment roll-up through the service (target p95
/// under 50 ms) beside one raw SQL aggregate over the same tables. Small enough to run every time.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class EstablishmentBenchmark(ITestOutputHelper output)
{
    private const int Runs = 30;
    private const string Email = "bench.establishment@example.test";
    private const string Password = "Bench-Password-2026";

    [Fact]
    public async Task MeasuresTheChartAndTheEstablishmentRollUpOnThreeThousandPosts()
    {
        var ct = TestContext.Current.CancellationToken;
        // A council's own database, whose administrators must otherwise set up a second factor first; the benchmark measures the pages, not signing in.
        await using var app = new PortalApp(demo: "none", settings: new Dictionary<string, string> { ["Portal:Authentication:RequireTwoFactor"] = "None" });
        app.Start();
        var generating = Stopwatch.StartNew();
        var posts = await GenerateAsync(app.Services, ct);
        output.WriteLine($"Generated {posts} posts in {generating.Elapsed.TotalSeconds:F1} s");

        var browser = new BrowserSession();
        await browser.InitializeAsync();
        try
        {
            var context = await browser.Require().NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-GB" });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login?returnUrl=%2F");
            await page.Locator("#email").FillAsync(Email);
            await page.Locator("#password").FillAsync(Password);
            await page.Locator("button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            foreach (var cookie in await context.CookiesAsync())
            {
                handler.CookieContainer.Add(new Uri(app.BaseUrl), new System.Net.Cookie(cookie.Name, cookie.Value, "/"));
            }

            using var client = new HttpClient(handler) { BaseAddress = new Uri(app.BaseUrl) };
            async Task GetAsync(string path, string contains)
            {
                using var response = await client.GetAsync(path, ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(contains, await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            }

            for (var i = 0; i < 5; i++)
            {
                await GetAsync("/organisation/chart", "chart-node");
                await GetAsync("/", "</html>");
            }

            var chart = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync("/organisation/chart", "chart-node"));
            var home = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync("/", "</html>"));
            output.WriteLine(BenchmarkReport.Format($"structure chart first render ({posts} posts, top two levels open)", chart, home, "home page render", targetMs: 100));
            await GetAsync("/organisation/chart?view=boxes", "structure-picture");
            var boxes = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync("/organisation/chart?view=boxes", "structure-picture"));
            output.WriteLine(BenchmarkReport.Format($"structure chart as boxes and lines, first render ({posts} posts)", boxes, chart, "the list view (top two levels open)", targetMs: 100));
        }
        finally
        {
            await browser.DisposeAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var currentUser = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        currentUser.RunAsSystem("benchmark");
        var service = scope.ServiceProvider.GetRequiredService<EstablishmentService>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        async Task FloorAsync()
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT p.UnitId, COUNT(*), SUM(p.Fte), SUM(g.BandMinimum * p.Fte), SUM(g.BandMaximum * p.Fte), COUNT(h.Id)
                FROM Posts p JOIN Grades g ON g.Id = p.GradeId
                LEFT JOIN PostHoldings h ON h.PostId = p.Id AND h."To" IS NULL
                GROUP BY p.UnitId
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var units = 0;
            while (await reader.ReadAsync(ct))
            {
                units++;
            }

            Assert.True(units > 0);
        }

        var rollUp = await BenchmarkReport.MeasureAsync(Runs, async () => Assert.Equal(posts, (await service.EstablishmentAsync(null, ct)).Council.Posts));
        var floor = await BenchmarkReport.MeasureAsync(Runs, FloorAsync);
        output.WriteLine(BenchmarkReport.Format($"establishment roll-up for the council ({posts} posts, every unit)", rollUp, floor, "one SQL aggregate per unit", targetMs: 50));
    }

    private static async Task<int> GenerateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("benchmark");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var council = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.ParentId == null, ct) ?? OrganisationUnit.CreateCouncil("Bench Council");
        if (council.Id == 0)
        {
            db.OrganisationUnits.Add(council);
            await db.SaveChangesAsync(ct);
        }

        var units = new List<OrganisationUnit>();
        for (var d = 1; d <= 10; d++)
        {
            var directorate = OrganisationUnit.CreateUnder(council, UnitKind.Directorate, $"Directorate {d:00}");
            units.Add(directorate);
            for (var s = 1; s <= 5; s++)
            {
                units.Add(OrganisationUnit.CreateUnder(directorate, UnitKind.Service, $"Service {d:00}.{s}"));
            }
        }

        db.OrganisationUnits.AddRange(units);
        var grades = Enumerable.Range(1, 12).Select(g => Grade.Create($"Grade {g}", 18_000m + (g * 4_000m), 21_000m + (g * 4_500m))).ToList();
        db.Grades.AddRange(grades);
        await db.SaveChangesAsync(ct);

        var person = Person.Create("Bench Administrator", null, Email, units[0]);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = person.DisplayName, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Administrator);
        person.LinkSignIn(user.Id);

        // A tree: the chief executive, 10 directors, 50 heads of service, then teams of managers and staff beneath.
        var from = new DateOnly(2020, 4, 1);
        var count = 0;
        var level = new List<Post>();
        Post NewPost(OrganisationUnit unit, Grade grade) => Post.Establish($"B{++count:00000}", $"Post {count}", unit.Id, grade.Id, count % 7 == 0 ? 0.5m : 1m, from);
        var ce = NewPost(council, grades[^1]);
        db.Posts.Add(ce);
        await db.SaveChangesAsync(ct);
        var parents = new List<(Post Post, OrganisationUnit Unit)> { (ce, council) };
        var lines = new List<PostReporting> { PostReporting.Start(ce.Id, null, from) };
        var holdings = new List<PostHolding>();
        var depth = 0;
        while (count < 3_000)
        {
            depth++;
            var next = new List<(Post Post, OrganisationUnit Unit)>();
            foreach (var (parent, unit) in parents)
            {
                var fanOut = depth == 1 ? 10 : depth == 2 ? 5 : 4;
                for (var i = 0; i < fanOut && count < 3_000; i++)
                {
                    var childUnit = depth == 1 ? units[i * 6] : depth == 2 ? units[units.IndexOf(unit) + 1 + i] : unit;
                    next.Add((NewPost(childUnit, grades[Math.Max(0, grades.Count - 2 - (depth * 2))]), childUnit));
                }
            }

            db.Posts.AddRange(next.Select(n => n.Post));
            await db.SaveChangesAsync(ct);
            var parentOf = new Queue<Post>(parents.SelectMany(p => Enumerable.Repeat(p.Post, depth == 1 ? 10 : depth == 2 ? 5 : 4)));
            foreach (var (post, _) in next)
            {
                lines.Add(PostReporting.Start(post.Id, parentOf.Dequeue().Id, from));
                if (post.Id % 5 != 0)
                {
                    holdings.Add(PostHolding.Start(post.Id, person.Id, acting: false, from));
                }
            }

            parents = next;
        }

        db.PostReportingLines.AddRange(lines);
        db.PostHoldings.AddRange(holdings);
        await db.SaveChangesAsync(ct);
        return count;
    }
}
