using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Features.Meetings.Bodies;
using Portal.Features.Meetings.Feeds;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// Twenty public bodies with ten years of meetings (weekly, fortnightly and monthly; about
/// 6,500 meetings): the month list's server render (target p95 under 50 ms) beside the home
/// page; the full public iCalendar feed written afresh by Ical.Net (target under 200 ms), and
/// served again unchanged from the feed cache, beside reading the same rows with raw SQL; all
/// over HTTP on the real app. Small enough to run every time.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class MeetingBenchmark(ITestOutputHelper output)
{
    private const int Runs = 30;

    [Fact]
    public async Task MeasuresTheMonthViewAndTheFullFeedOverTenYearsOfMeetings()
    {
        var ct = TestContext.Current.CancellationToken;
        // The feed is read many times a second from one address, which its rate limit is there to stop.
        await using var app = new PortalApp(demo: "none", settings: new Dictionary<string, string> { ["Portal:RateLimits:FeedsPerAddress"] = "0" });
        app.Start();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var generating = Stopwatch.StartNew();
        var meetings = await GenerateAsync(app.Services, today, ct);
        output.WriteLine($"Generated 20 bodies and {meetings} meetings in {generating.Elapsed.TotalSeconds:F1} s");

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var month = $"/meetings?month={today:yyyy-MM}";
        async Task<string> GetAsync(string path, string contains)
        {
            using var response = await client.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.Contains(contains, body, StringComparison.Ordinal);
            return body;
        }

        for (var i = 0; i < 5; i++)
        {
            await GetAsync(month, "Body 20");
            await GetAsync("/", "</html>");
            await GetAsync("/meetings/calendar.ics", "END:VCALENDAR");
        }

        var render = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync(month, "Body 20"));
        var home = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync("/", "</html>"));
        output.WriteLine(BenchmarkReport.Format($"month view server render (20 bodies, {meetings} meetings over 10 years)", render, home, "home page render", targetMs: 50));

        // The feed carries the last year and everything ahead; the meeting pages keep the rest.
        var feed = await GetAsync("/meetings/calendar.ics", "END:VCALENDAR");
        var from = today.AddMonths(-CalendarFeedService.HistoryMonths);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var events = await db.Meetings.CountAsync(m => m.Date >= from, ct);
        Assert.Equal(events, feed.Split("BEGIN:VEVENT").Length - 1);
        var changes = app.Services.GetRequiredService<ChangeFeed>();
        var written = await BenchmarkReport.MeasureAsync(Runs / 2, () =>
        {
            changes.Publish(new BodyChanged(0)); // empties the feed cache, so the feed is written afresh
            return GetAsync("/meetings/calendar.ics", "END:VCALENDAR");
        });
        var cached = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync("/meetings/calendar.ics", "END:VCALENDAR"));
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var floor = await BenchmarkReport.MeasureAsync(Runs / 2, () => ReadAllAsync(connection, from, events, ct));
        output.WriteLine(BenchmarkReport.Format($"full public feed written by Ical.Net ({events} events of {meetings}, {feed.Length / 1024} KB)", written, floor, "raw SQL read of the same rows", targetMs: 200));
        output.WriteLine(BenchmarkReport.Format("full public feed served again, unchanged (feed cache)", cached, floor, "raw SQL read of the same rows", targetMs: 200));
    }

    private static async Task<int> GenerateAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("benchmark");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var settings = await db.MeetingSettings.AsNoTracking().SingleAsync(ct);
        var from = today.AddYears(-9).AddMonths(-6);
        var to = today.AddMonths(6);
        var count = 0;
        for (var n = 1; n <= 20; n++)
        {
            var body = Body.Create($"Body {n:00}", $"B{n:00}", n % 4 == 0 ? BodyKind.FullCouncil : BodyKind.MemberPanel, Regime.England, "A generated body.", null, isPublic: true);
            db.Bodies.Add(body);
            await db.SaveChangesAsync(ct);
            var kind = n <= 8 ? CadenceKind.Weekly : n <= 14 ? CadenceKind.EveryOtherWeek : CadenceKind.MonthlyWeekday;
            var rule = new CadenceRule(kind, (DayOfWeek)(1 + (n % 5)), kind == CadenceKind.MonthlyWeekday ? 1 + (n % 4) : null, null, from, null,
                new TimeOnly(9 + (n % 8), 0), 120, $"Committee Room {n % 5 + 1}", HolidayRule.NextWorkingDay);
            db.Cadences.Add(Cadence.Create(body, rule));
            foreach (var slot in Cadence.SlotsOf(rule, from, to, settings.Holidays))
            {
                var meeting = Meeting.Schedule(body, slot.Date, rule.StartTime, rule.StartTime.AddMinutes(rule.DurationMinutes), rule.Venue, slot.SeriesDate);
                if (count % 97 == 0)
                {
                    meeting.Cancel("Not needed.");
                }

                db.Meetings.Add(meeting);
                count++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return count;
    }

    private static async Task ReadAllAsync(DbConnection connection, DateOnly from, int expected, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.Id, m.Date, m.StartTime, m.EndTime, m.Venue, m.Status, m.Uid, m.Sequence, b.Name FROM Meetings m JOIN Bodies b ON b.Id = m.BodyId WHERE b.IsPublic = 1 AND m.Date >= $from";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$from";
        parameter.Value = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = 0;
        while (await reader.ReadAsync(ct))
        {
            _ = (reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetValue(4), reader.GetString(5), reader.GetValue(6), reader.GetInt32(7), reader.GetString(8));
            rows++;
        }

        Assert.Equal(expected, rows);
    }
}
