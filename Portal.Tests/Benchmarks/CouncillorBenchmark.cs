using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Members;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// A council of 150 councillors in 30 wards and five parties, sitting on 15 committees of ten
/// and the full council, with ten years of monthly meetings and everyone's attendance recorded
/// (about 2,000 meetings and 29,700 attendance records): the public councillors list and one
/// councillor's page (their attendance computed from the records every time), each a GET
/// prerendered in full, beside the home page. Target p95 50 ms. Small enough to run every time.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class CouncillorBenchmark(ITestOutputHelper output)
{
    private const int Runs = 30;
    private const int Councillors = 150;

    [Fact]
    public async Task MeasuresTheCouncillorsListAndACouncillorsPageAtOneHundredAndFiftyCouncillors()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new PortalApp(demo: "none");
        app.Start();
        var generating = Stopwatch.StartNew();
        var (sample, records) = await GenerateAsync(app.Services, ct);
        output.WriteLine($"Generated {Councillors} councillors and {records} attendance records in {generating.Elapsed.TotalSeconds:F1} s");

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        async Task GetAsync(string path, string contains)
        {
            using var response = await client.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(contains, await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        for (var i = 0; i < 5; i++)
        {
            await GetAsync("/councillors", "councillor-table");
            await GetAsync($"/councillors/{sample}", "attendance-title");
            await GetAsync("/", "</html>");
        }

        var list = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync("/councillors", "councillor-table"));
        var page = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync($"/councillors/{sample}", "attendance-title"));
        var home = await BenchmarkReport.MeasureAsync(Runs, () => GetAsync("/", "</html>"));
        output.WriteLine(BenchmarkReport.Format($"councillors list ({Councillors} councillors)", list, home, "home page render", targetMs: 50));
        output.WriteLine(BenchmarkReport.Format($"a councillor's page (ten years of attendance, {records} records in all)", page, home, "home page render", targetMs: 50));
    }

    private static async Task<(int Sample, int Records)> GenerateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("benchmark");
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var council = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.ParentId == null, ct) ?? OrganisationUnit.CreateCouncil("Bench Council");
        if (council.Id == 0)
        {
            db.OrganisationUnits.Add(council);
        }

        var members = OrganisationUnit.CreateUnder(council, UnitKind.Directorate, "Elected Members");
        var parties = Enumerable.Range(1, 5).Select(i => Party.Create($"Party {i}", $"P{i}")).ToList();
        var wards = Enumerable.Range(1, 30).Select(i => Ward.Create($"Ward {i}")).ToList();
        db.OrganisationUnits.Add(members);
        db.Parties.AddRange(parties);
        db.Wards.AddRange(wards);
        var people = Enumerable.Range(1, Councillors).Select(i => Person.Create($"Cllr Bench {i:000}", "Councillor", null, members, isCouncillor: true)).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync(ct);
        var start = new DateOnly(DateTime.UtcNow.Year - 10, 1, 1);
        for (var i = 0; i < people.Count; i++)
        {
            var councillor = Councillor.Create(people[i].Id, wards[i % wards.Count].Id, parties[i % 7 % 5].Id);
            councillor.PublishContact($"bench{i}@example.test", null, null);
            councillor.AddTerm(start, null);
            db.Councillors.Add(councillor);
        }

        var bodies = Enumerable.Range(0, 16)
            .Select(b => Body.Create(b == 0 ? "Full Council" : $"Committee {b}", null, b == 0 ? BodyKind.FullCouncil : BodyKind.MemberPanel, Regime.England, null, null, isPublic: true))
            .ToList();
        db.Bodies.AddRange(bodies);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < people.Count; i++)
        {
            bodies[0].AddMember(people[i].Id, null, MemberRole.Member);
            bodies[1 + (i / 10)].AddMember(people[i].Id, null, i % 10 == 0 ? MemberRole.Chair : MemberRole.Member);
        }

        await db.SaveChangesAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var records = 0;
        foreach (var body in bodies)
        {
            var seated = body.Members.Select(m => m.PersonId!.Value).ToList();
            var every = body.Kind == BodyKind.FullCouncil ? 2 : 1;
            for (var month = start; month < today; month = month.AddMonths(every))
            {
                var meeting = Meeting.Schedule(body, month.AddDays(9), new TimeOnly(18, 0), new TimeOnly(20, 0), "Council Chamber");
                db.Meetings.Add(meeting);
                foreach (var (person, n) in seated.Select((p, n) => (p, n)))
                {
                    meeting.RecordAttendance(person, (n + month.Month) % 9 == 0 ? AttendanceKind.Apologies : AttendanceKind.Present);
                    records++;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        return (people[42].Id, records);
    }
}
