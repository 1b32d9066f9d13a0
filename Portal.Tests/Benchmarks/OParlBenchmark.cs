using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// Twenty public bodies with ten years of monthly and fortnightly meetings (about 3,500), each
/// with five agenda items: a page of OParl's meeting list (100 meetings with their agendas,
/// locations and created/modified times from the audit trail, served as JSON over HTTP; target
/// p95 under 50 ms) beside a raw SQL read of the same rows (the page's meetings and their items).
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class OParlBenchmark(ITestOutputHelper output)
{
    private const int Runs = 40;

    [Fact]
    public async Task MeasuresAPageOfTheOParlMeetingList()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new PortalApp(demo: "none", settings: new Dictionary<string, string> { ["Portal:RateLimits:OpenDataPerAddress"] = "0" });
        app.Start();
        var generating = Stopwatch.StartNew();
        var meetings = await GenerateAsync(app.Services, DateOnly.FromDateTime(DateTime.Now), ct);
        output.WriteLine($"Generated 20 bodies and {meetings} meetings with 5 items each in {generating.Elapsed.TotalSeconds:F1} s");

        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var page = meetings / 100 / 2;
        var path = $"/oparl/v1/body/1/meeting?page={page}";
        async Task<int> GetAsync()
        {
            using var response = await client.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
            return json.RootElement.GetProperty("data").GetArrayLength();
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(100, await GetAsync());
        }

        var served = await BenchmarkReport.MeasureAsync(Runs, GetAsync);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var floor = await BenchmarkReport.MeasureAsync(Runs, () => ReadPageAsync(connection, (page - 1) * 100, ct));
        output.WriteLine(BenchmarkReport.Format($"OParl meeting list, page {page} of 100 meetings with their agendas ({meetings} meetings)", served, floor, "raw SQL read of the same rows", targetMs: 50));
    }

    private static async Task<int> GenerateAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("benchmark");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var from = today.AddYears(-9).AddMonths(-6);
        var count = 0;
        for (var n = 1; n <= 20; n++)
        {
            var body = Body.Create($"Body {n:00}", $"B{n:00}", BodyKind.MemberPanel, Regime.England, "A generated body.", null, isPublic: true);
            db.Bodies.Add(body);
            await db.SaveChangesAsync(ct);
            var step = n <= 10 ? 14 : 28;
            for (var date = from.AddDays(n); date < today.AddMonths(6); date = date.AddDays(step))
            {
                var meeting = Meeting.Schedule(body, date, new TimeOnly(10, 0), new TimeOnly(12, 0), $"Committee Room {n % 5 + 1}");
                for (var i = 1; i <= 5; i++)
                {
                    meeting.AddItem($"Item {i} for {date:yyyy-MM-dd}", null, 15, isPrivate: i == 5);
                }

                db.Meetings.Add(meeting);
                count++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return count;
    }

    private static async Task ReadPageAsync(DbConnection connection, int skip, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT m.Id, m.Date, m.StartTime, m.EndTime, m.Venue, m.Status, b.Name, i.Id, i.Number, i.Title, i.IsPrivate, i.Notes " +
            "FROM (SELECT * FROM Meetings ORDER BY Id LIMIT 100 OFFSET $skip) m JOIN Bodies b ON b.Id = m.BodyId AND b.IsPublic = 1 " +
            "LEFT JOIN AgendaItems i ON i.MeetingId = m.Id ORDER BY m.Id, i.Number";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$skip";
        parameter.Value = skip;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = 0;
        while (await reader.ReadAsync(ct))
        {
            _ = (reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetValue(4), reader.GetString(5), reader.GetString(6),
                reader.GetValue(7), reader.GetValue(8), reader.GetValue(9), reader.GetValue(10), reader.GetValue(11));
            rows++;
        }

        Assert.Equal(500, rows);
    }
}
