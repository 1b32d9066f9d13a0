using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Browser;
using Portal.Tests.Browser.Journeys;
using Portal.Tests.Security;

namespace Portal.Tests.OpenData;

/// <summary>
/// The members' data through the open data, against the running York demo: councillors as OParl
/// Persons with their party Membership (the party an Organization of type Fraktion or Partei), the
/// electoral terms as LegislativeTerms, and officer and executive member decisions under
/// <c>/api/v1</c>, an exempt one as its title and paragraph only; each OParl object valid against its schema.
/// </summary>
public sealed class MembersOpenDataTests : HttpTest
{
    protected override PortalApp CreateApp() => new(settings: new Dictionary<string, string> { ["Portal:RateLimits:OpenDataPerAddress"] = "0" });

    [Fact]
    public async Task ACouncillorIsAPersonWithTheirPartyAndTheTermsAreTheElections()
    {
        var (personId, councillorId, partyId, partyName, email) = await App.QueryAsync(async db =>
        {
            var c = await db.Councillors.Where(c => c.PartyId != null && c.PublicEmail != null).OrderBy(c => c.Id).FirstAsync(Ct);
            var party = await db.Parties.SingleAsync(p => p.Id == c.PartyId, Ct);
            return (c.PersonId, c.Id, party.Id, party.Name, c.PublicEmail!);
        });
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);

        var person = await JsonAsync(client, $"/oparl/v1/person/{personId}");
        Assert.Empty(OParlSchemas.Problems(person, "person"));
        Assert.Equal(email, person.GetProperty("email")[0].GetString());
        Assert.EndsWith($"/councillors/{personId}", person.GetProperty("web").GetString(), StringComparison.Ordinal);
        var partyMembership = Assert.Single(person.GetProperty("membership").EnumerateArray(), m => m.GetProperty("id").GetString()!.EndsWith($"/membership/party/{councillorId}", StringComparison.Ordinal));
        Assert.EndsWith($"/organization/party/{partyId}", partyMembership.GetProperty("organization").GetString(), StringComparison.Ordinal);
        Assert.Equal("2007-05-07", partyMembership.GetProperty("startDate").GetString());
        Assert.Equal("Councillor", partyMembership.GetProperty("role").GetString());

        var party = await JsonAsync(client, $"/oparl/v1/organization/party/{partyId}");
        Assert.Empty(OParlSchemas.Problems(party, "party"));
        Assert.Equal(partyName, party.GetProperty("name").GetString());
        Assert.Contains(party.GetProperty("organizationType").GetString(), new[] { "Fraktion", "Partei" });
        Assert.Contains(party.GetProperty("membership").EnumerateArray(), m => m.GetString() == partyMembership.GetProperty("id").GetString());
        var alone = await JsonAsync(client, $"/oparl/v1/membership/party/{councillorId}");
        Assert.Empty(OParlSchemas.Problems(alone, "party membership"));

        // The lists carry them beside the bodies and the seats.
        var organizations = await JsonAsync(client, "/oparl/v1/body/1/organization?limit=100");
        Assert.Contains(organizations.GetProperty("data").EnumerateArray(), o => o.GetProperty("id").GetString() == party.GetProperty("id").GetString());
        Assert.Contains(organizations.GetProperty("data").EnumerateArray(), o => o.GetProperty("organizationType").GetString() == "Gremium");
        var people = await JsonAsync(client, "/oparl/v1/body/1/person?limit=100");
        Assert.Contains(people.GetProperty("data").EnumerateArray(), p => p.GetProperty("id").GetString() == person.GetProperty("id").GetString());
        var memberships = await AllAsync(client, "/oparl/v1/body/1/membership?limit=20");
        Assert.Contains(memberships, m => m.GetProperty("id").GetString() == partyMembership.GetProperty("id").GetString());
        Assert.Equal(memberships.Count, memberships.Select(m => m.GetProperty("id").GetString()).Distinct().Count());

        var body = await JsonAsync(client, "/oparl/v1/body/1");
        var term = Assert.Single(body.GetProperty("legislativeTerm").EnumerateArray());
        Assert.Equal("2007-05-07", term.GetProperty("startDate").GetString());
        Assert.EndsWith("/legislativeterm/20070507", term.GetProperty("id").GetString(), StringComparison.Ordinal);
        var terms = await JsonAsync(client, "/oparl/v1/body/1/legislativeTerm");
        Assert.Equal(1, terms.GetProperty("pagination").GetProperty("totalElements").GetInt32());
        Assert.Empty(OParlSchemas.Problems(await JsonAsync(client, "/oparl/v1/legislativeterm/20070507"), "term"));
    }

    [Fact]
    public async Task OfficerDecisionsAreInTheApiAndAnExemptOneIsItsTitleAndParagraphOnly()
    {
        var secrets = await PrivateText.ReadAsync(App);
        var (open, exempt) = await App.QueryAsync(async db => (
            await db.OfficerDecisions.Where(d => d.ExemptParagraph == null).OrderBy(d => d.Id).FirstAsync(Ct),
            await db.OfficerDecisions.Where(d => d.ExemptParagraph != null).OrderBy(d => d.Id).FirstAsync(Ct)));
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        using var response = await client.GetAsync("/api/v1/officer-decisions?pageSize=200", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        secrets.AssertNoneIn(text, "/api/v1/officer-decisions");

        var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
        var shown = Assert.Single(items, i => i.GetProperty("id").GetInt32() == open.Id);
        Assert.Equal(open.Reasons, shown.GetProperty("reasons").GetString());
        Assert.Equal(open.DecisionText, shown.GetProperty("decision").GetString());
        Assert.Equal(open.Title, shown.GetProperty("title").GetString());

        var withheld = Assert.Single(items, i => i.GetProperty("id").GetInt32() == exempt.Id);
        Assert.Equal(exempt.Title, withheld.GetProperty("title").GetString());
        Assert.True(withheld.GetProperty("isExempt").GetBoolean());
        Assert.Equal($"Exempt under paragraph {exempt.ExemptParagraph}", withheld.GetProperty("exemptReason").GetString());
        foreach (var field in new[] { "decision", "reasons", "alternatives", "delegation", "interests", "dispensations", "backgroundPapers" })
        {
            Assert.True(!withheld.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null, $"The exempt decision's {field} is there.");
        }

        // The council's decisions feed carries them, the exempt one by its title and paragraph.
        var feed = await client.GetStringAsync("/decisions.atom", Ct);
        secrets.AssertNoneIn(feed, "/decisions.atom");
        Assert.Contains($"/decisions/officer/{open.Id}", feed, StringComparison.Ordinal);
        Assert.Contains($"/decisions/officer/{exempt.Id}", feed, StringComparison.Ordinal);
        Assert.Contains($"Exempt under paragraph {exempt.ExemptParagraph}", feed, StringComparison.Ordinal);

        // Filtered by date like the rest of the API.
        var future = await JsonAsync(client, "/api/v1/officer-decisions?from=2199-01-01");
        Assert.Equal(0, future.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AVoteIsPartOfItsAgendaItemsResultButNeverOnAnExemptItem()
    {
        const string SecretMotion = "That the redeployment of the post holder named in the exempt report be confirmed";
        var (openItem, exemptItem, meeting, councillor) = await App.QueryAsync(async db =>
        {
            var open = await db.Votes.OrderBy(v => v.Id).Select(v => v.AgendaItemId).FirstAsync(Ct);
            var exempt = await db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.AgendaItemId!.Value).SingleAsync(Ct);
            var meetingId = await db.AgendaItems.Where(i => i.Id == exempt).Select(i => i.MeetingId).SingleAsync(Ct);
            var person = await db.Councillors.OrderBy(c => c.Id).Select(c => c.PersonId).FirstAsync(Ct);
            return (open, exempt, meetingId, person);
        });

        // A recorded vote on the exempt item, written straight into the database as the votes form would.
        await App.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO Votes (MeetingId, AgendaItemId, Motion, IsRecorded, ForCount, AgainstCount, AbstainCount, Result, Version) VALUES ({meeting}, {exemptItem}, {SecretMotion}, 1, 1, 0, 0, 'Carried', 1)", Ct);
            var vote = await db.Votes.Where(v => v.AgendaItemId == exemptItem).Select(v => v.Id).SingleAsync(Ct);
            return await db.Database.ExecuteSqlAsync($"INSERT INTO VoteBallots (VoteId, PersonId, Choice, Reservation) VALUES ({vote}, {councillor}, 'For', 0)", Ct);
        });

        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        var item = await JsonAsync(client, $"/oparl/v1/agendaitem/{openItem}");
        Assert.Empty(OParlSchemas.Problems(item, "agenda item with a vote"));
        Assert.StartsWith("Carried: 2 for", item.GetProperty("result").GetString(), StringComparison.Ordinal);
        var vote = Assert.Single(item.GetProperty("portal:votes").EnumerateArray());
        Assert.True(vote.GetProperty("recorded").GetBoolean());
        Assert.All(vote.GetProperty("ballots").EnumerateArray(), b => Assert.Contains("/oparl/v1/person/", b.GetProperty("person").GetString(), StringComparison.Ordinal));

        var exempt = await JsonAsync(client, $"/oparl/v1/agendaitem/{exemptItem}");
        Assert.False(exempt.TryGetProperty("result", out _));
        Assert.False(exempt.TryGetProperty("portal:votes", out _));
        foreach (var path in new[] { $"/oparl/v1/meeting/{meeting}", $"/oparl/v1/agendaitem/{exemptItem}", "/oparl/v1/body/1/agendaItem?limit=500", "/decisions.atom", "/meetings/bodies/employment-panel/decisions.atom", "/api/v1/decisions?pageSize=200" })
        {
            var text = await client.GetStringAsync(path, Ct);
            Assert.DoesNotContain("redeployment of the post holder", text, StringComparison.Ordinal);
        }

        // The agenda pack as a visitor downloads it (this 2009 meeting has no final minutes to download).
        using (var response = await client.GetAsync($"/meetings/{meeting}/pack.pdf", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var pdf = Portal.Tests.Features.Documents.PdfText.Read(await response.Content.ReadAsByteArrayAsync(Ct)).All.Replace("\n", " ", StringComparison.Ordinal);
            Assert.DoesNotContain("redeployment of the post holder", pdf, StringComparison.Ordinal);
        }
    }

    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string first)
    {
        var all = new List<JsonElement>();
        string? next = first;
        while (next is not null)
        {
            var page = await JsonAsync(client, next);
            Assert.Empty(OParlSchemas.Problems(page, next));
            all.AddRange(page.GetProperty("data").EnumerateArray());
            next = page.GetProperty("links").TryGetProperty("next", out var link) ? new Uri(link.GetString()!).PathAndQuery : null;
        }

        return all;
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
