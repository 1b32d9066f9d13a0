using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every open-data endpoint (OParl, <c>/api/v1</c>, the OpenAPI document, the Atom feeds),
/// requested as each role, against one table of what it answers. Open data is the public's
/// view whoever asks: every role gets the same status and byte for byte the same answer as an
/// anonymous visitor, so no cookie ever widens it. An endpoint added without a row fails the test.
/// </summary>
public sealed class OpenDataAuthorisationMatrixTests : HttpTest
{
    private static readonly string?[] Roles = [null, DemoUsers.Officer, DemoUsers.Member, DemoUsers.Director, DemoUsers.Administrator];

    // Route template | sample path | status for everyone.
    private static readonly (string Template, string Sample, int Status)[] Table =
    [
        ("/oparl/v1/system", "/oparl/v1/system", 200),
        ("/oparl/v1/body", "/oparl/v1/body", 200),
        ("/oparl/v1/body/{id:int}", "/oparl/v1/body/1", 200),
        ("/oparl/v1/body/{id:int}", "/oparl/v1/body/2", 404),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/organization", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/person", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/membership", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/meeting", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/agendaItem", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/location", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/paper", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/consultation", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/file", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/legislativeTerm", 200),
        ("/oparl/v1/body/{id:int}/{list}", "/oparl/v1/body/1/nothing", 404),
        ("/oparl/v1/organization/{id:int}", "/oparl/v1/organization/{emap-cs}", 200),
        ("/oparl/v1/organization/{id:int}", "/oparl/v1/organization/{emg}", 404),
        ("/oparl/v1/organization/{id:int}/meeting", "/oparl/v1/organization/{emap-cs}/meeting", 200),
        ("/oparl/v1/organization/{id:int}/meeting", "/oparl/v1/organization/{emg}/meeting", 404),
        ("/oparl/v1/person/{id:int}", "/oparl/v1/person/{member}", 200),
        ("/oparl/v1/person/{id:int}", "/oparl/v1/person/{emg-only}", 404),
        ("/oparl/v1/membership/{kind}/{id:int}", "/oparl/v1/membership/seat/{public-seat}", 200),
        ("/oparl/v1/membership/{kind}/{id:int}", "/oparl/v1/membership/seat/{emg-seat}", 404),
        ("/oparl/v1/meeting/{id:int}", "/oparl/v1/meeting/{august}", 200),
        ("/oparl/v1/meeting/{id:int}", "/oparl/v1/meeting/{emg-meeting}", 404),
        ("/oparl/v1/agendaitem/{id:int}", "/oparl/v1/agendaitem/{august-item}", 200),
        ("/oparl/v1/agendaitem/{id:int}", "/oparl/v1/agendaitem/{emg-item}", 404),
        ("/oparl/v1/location/{id:int}", "/oparl/v1/location/{august}", 200),
        ("/oparl/v1/location/{id:int}", "/oparl/v1/location/{emg-meeting}", 404),
        ("/oparl/v1/paper/{id:int}", "/oparl/v1/paper/{york}", 200),
        ("/oparl/v1/paper/{id:int}", "/oparl/v1/paper/{exempt}", 200),
        ("/oparl/v1/paper/{id:int}", "/oparl/v1/paper/{draft}", 404),
        ("/oparl/v1/consultation/{id:int}", "/oparl/v1/consultation/{york}", 200),
        ("/oparl/v1/consultation/{id:int}", "/oparl/v1/consultation/{draft}", 404),
        ("/oparl/v1/file/{id:int}", "/oparl/v1/file/{open-annex}", 200),
        ("/oparl/v1/file/{id:int}", "/oparl/v1/file/{exempt-annex}", 404),
        ("/oparl/v1/{**path}", "/oparl/v1/system", 200),
        ("/oparl/v1/organization/party/{id:int}", "/oparl/v1/organization/party/{party}", 200),
        ("/oparl/v1/organization/party/{id:int}", "/oparl/v1/organization/party/999999", 404),
        ("/oparl/v1/legislativeterm/{id:int}", "/oparl/v1/legislativeterm/{term}", 200),
        ("/oparl/v1/legislativeterm/{id:int}", "/oparl/v1/legislativeterm/20000101", 404),
        ("/oparl/v1/membership/{kind}/{id:int}", "/oparl/v1/membership/party/{party-member}", 200),
        ("/api/v1/forward-plan", "/api/v1/forward-plan", 200),
        ("/api/v1/decisions", "/api/v1/decisions", 200),
        ("/api/v1/protokoll", "/api/v1/protokoll", 200),
        ("/api/v1/officer-decisions", "/api/v1/officer-decisions", 200),
        ("/api/v1/{**path}", "/api/v1/decisions", 200),
        ("/openapi/{documentName}.json", "/openapi/v1.json", 200),
        ("/decisions.atom", "/decisions.atom", 200),
        ("/meetings/bodies/{slug}/decisions.atom", "/meetings/bodies/emap-cs/decisions.atom", 200),
        ("/meetings/bodies/{slug}/decisions.atom", "/meetings/bodies/emg/decisions.atom", 404),
        ("/meetings/bodies/{slug}/papers.atom", "/meetings/bodies/employment-panel/papers.atom", 200),
        ("/meetings/bodies/{slug}/papers.atom", "/meetings/bodies/emg/papers.atom", 404),
    ];

    protected override PortalApp CreateApp() => new(settings: new Dictionary<string, string> { ["Portal:RateLimits:OpenDataPerAddress"] = "0" });

    [Fact]
    public void EveryOpenDataEndpointHasARowInTheTable()
    {
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/oparl/", StringComparison.Ordinal) || r.StartsWith("/api/", StringComparison.Ordinal)
                || r.StartsWith("/openapi/", StringComparison.Ordinal) || r.EndsWith(".atom", StringComparison.Ordinal))
            .Distinct().ToList();

        Assert.Empty(routes.Except(Table.Select(r => r.Template)));
        Assert.Empty(Table.Select(r => r.Template).Except(routes));
    }

    [Fact]
    public async Task EveryRoleGetsWhatAVisitorGetsFromEveryEndpoint()
    {
        var samples = await SamplesAsync();
        var mismatches = new List<string>();
        var visitor = new Dictionary<string, byte[]>();
        foreach (var email in Roles)
        {
            using var client = await PortalHttp.ClientAsync(App.BaseUrl, email);
            foreach (var (_, sample, status) in Table)
            {
                var path = PageAuthorisationMatrixTests.Fill(sample, samples);
                using var response = await client.GetAsync(path, Ct);
                var body = await response.Content.ReadAsByteArrayAsync(Ct);
                if ((int)response.StatusCode != status)
                {
                    mismatches.Add($"{email ?? "anonymous"} {path}: expected {status}, got {(int)response.StatusCode}");
                }

                if (email is null)
                {
                    visitor[path] = body;
                }
                else if (!body.AsSpan().SequenceEqual(visitor[path]))
                {
                    mismatches.Add($"{email} {path}: the answer differs from a visitor's");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private Task<Dictionary<string, string>> SamplesAsync() => App.QueryAsync(async db =>
    {
        string S(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var emg = await db.Bodies.Where(b => b.Slug == "emg").Select(b => b.Id).SingleAsync(Ct);
        var publicBodies = await db.Bodies.Where(b => b.IsPublic).Select(b => b.Id).ToListAsync(Ct);
        var august = await db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync(Ct);
        var emgMeeting = await db.Meetings.Where(m => m.BodyId == emg).Select(m => m.Id).FirstAsync(Ct);
        var publicPeople = await db.BodyMembers.Where(m => publicBodies.Contains(m.BodyId) && m.PersonId != null).Select(m => m.PersonId!.Value).ToListAsync(Ct);
        var exempt = await db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.Id).SingleAsync(Ct);
        var openReports = await db.Reports.Where(r => !r.IsExempt && r.Status == Portal.Domain.Reports.ReportStatus.Published).Select(r => r.Id).ToListAsync(Ct);
        return new Dictionary<string, string>
        {
            ["emg"] = S(emg),
            ["emap-cs"] = S(await db.Bodies.Where(b => b.Slug == "emap-cs").Select(b => b.Id).SingleAsync(Ct)),
            ["member"] = S(publicPeople.First()),
            ["emg-only"] = S(await db.BodyMembers.Where(m => !publicBodies.Contains(m.BodyId) && m.PersonId != null && !publicPeople.Contains(m.PersonId.Value) && !db.Councillors.Any(c => c.PersonId == m.PersonId)).Select(m => m.PersonId!.Value).FirstAsync(Ct)),
            ["public-seat"] = S(await db.BodyMembers.Where(m => publicBodies.Contains(m.BodyId)).Select(m => m.Id).FirstAsync(Ct)),
            ["emg-seat"] = S(await db.BodyMembers.Where(m => m.BodyId == emg).Select(m => m.Id).FirstAsync(Ct)),
            ["august"] = S(august),
            ["party"] = S(await db.Parties.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct)),
            ["party-member"] = S(await db.Councillors.Where(c => c.PartyId != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct)),
            ["term"] = (await db.TermsOfOffice.MinAsync(t => t.From, Ct)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            ["emg-meeting"] = S(emgMeeting),
            ["august-item"] = S(await db.AgendaItems.Where(i => i.MeetingId == august).Select(i => i.Id).FirstAsync(Ct)),
            ["emg-item"] = S(await db.AgendaItems.Where(i => db.Meetings.Any(m => m.Id == i.MeetingId && m.BodyId == emg)).Select(i => i.Id).FirstAsync(Ct)),
            ["york"] = S(await db.Reports.Where(r => r.Reference == "CE/DP/2008").Select(r => r.Id).SingleAsync(Ct)),
            ["exempt"] = S(exempt),
            ["draft"] = S(await db.Reports.Where(r => r.Reference == "CE/DP/PROGRESS").Select(r => r.Id).SingleAsync(Ct)),
            ["open-annex"] = S(await db.Annexes.Where(a => openReports.Contains(a.ReportId) && !a.IsExempt).Select(a => a.Id).FirstAsync(Ct)),
            ["exempt-annex"] = S(await db.Annexes.Where(a => a.ReportId == exempt || a.IsExempt).Select(a => (int?)a.Id).FirstOrDefaultAsync(Ct) ?? 999_999),
        };
    });
}
