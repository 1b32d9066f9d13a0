using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Members;
using Portal.Domain.Organisation;
using Portal.Domain.Reports;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;
using Portal.Tests.Security;

namespace Portal.Tests.OpenData;

/// <summary>
/// What the public once saw and no longer may is served as deleted, as OParl 1.1 asks, so a client
/// that synced it learns it is gone: a paper withdrawn, an annex made exempt (alone or with its
/// report), a party, a party membership, a person who no longer sits anywhere public. A tombstone
/// says nothing the item said, and passes its schema. An agenda item changes when a vote under it does.
/// The changes are written straight into the database, as any way of making them would leave them.
/// </summary>
public sealed class OParlTombstoneTests : HttpTest
{
    protected override PortalApp CreateApp() => new(settings: new Dictionary<string, string> { ["Portal:RateLimits:OpenDataPerAddress"] = "0" });

    [Fact]
    public async Task AReportWithdrawnAfterPublicationIsADeletedPaperAndItsAnnexesDeletedFiles()
    {
        var ((report, annex, title, annexTitle), since) = await SinceAsync(async () => await ChangeAsync(async db =>
        {
            var r = await OpenReportWithAnnexAsync(db);
            var a = await db.Annexes.Where(x => x.ReportId == r.Id && !x.IsExempt).OrderBy(x => x.Id).FirstAsync(Ct);
            db.Entry(r).Property(x => x.Status).CurrentValue = ReportStatus.Draft;
            return (r.Id, a.Id, r.Title!, a.Title);
        }));
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);

        var paper = await JsonAsync(client, $"/oparl/v1/paper/{report}");
        AssertTombstone(paper, $"/paper/{report}");
        AssertTombstone(await JsonAsync(client, $"/oparl/v1/file/{annex}"), $"/file/{annex}");
        AssertTombstone(await JsonAsync(client, $"/oparl/v1/consultation/{report}"), $"/consultation/{report}");
        Assert.True(DateTimeOffset.Parse(paper.GetProperty("modified").GetString()!, CultureInfo.InvariantCulture) >= since);

        foreach (var (list, id) in new[] { ("paper", $"/paper/{report}"), ("file", $"/file/{annex}"), ("consultation", $"/consultation/{report}") })
        {
            var page = await JsonAsync(client, $"/oparl/v1/body/1/{list}?modified_since={Stamp(since)}");
            Assert.Empty(OParlSchemas.Problems(page, list));
            AssertTombstone(Assert.Single(page.GetProperty("data").EnumerateArray(), o => o.GetProperty("id").GetString()!.EndsWith(id, StringComparison.Ordinal)), id);
            var text = page.GetRawText();
            Assert.DoesNotContain(title, text, StringComparison.Ordinal);
            Assert.DoesNotContain(annexTitle, text, StringComparison.Ordinal);

            // Without the filter a withdrawn object is simply not listed.
            var all = await JsonAsync(client, $"/oparl/v1/body/1/{list}?limit=100");
            Assert.DoesNotContain(all.GetProperty("data").EnumerateArray(), o => o.GetProperty("id").GetString()!.EndsWith(id, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnAnnexOrAReportMadeExemptLeavesDeletedFilesAndThePaperSaysOnlyItsTitleAndParagraph()
    {
        var ((report, annexes, secrets), since) = await SinceAsync(async () => await ChangeAsync(async db =>
        {
            var r = await OpenReportWithAnnexAsync(db);
            var open = await db.Annexes.Where(x => x.ReportId == r.Id && !x.IsExempt).OrderBy(x => x.Id).ToListAsync(Ct);
            db.Entry(open[0]).Property(x => x.IsExempt).CurrentValue = true;
            db.Entry(open[0]).Property(x => x.ExemptParagraph).CurrentValue = 1;
            var sections = await db.ReportSections.Where(s => s.ReportId == r.Id && s.Text != null).Select(s => s.Text!).ToListAsync(Ct);
            return (r.Id, open.Select(a => a.Id).ToList(), sections.Where(t => t.Length > 40).Select(t => t[..40]).ToList());
        }));
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);

        // The annex made exempt is gone as a File; the paper is still open and no longer lists it.
        AssertTombstone(await JsonAsync(client, $"/oparl/v1/file/{annexes[0]}"), $"/file/{annexes[0]}");
        var paper = await JsonAsync(client, $"/oparl/v1/paper/{report}");
        Assert.False(paper.TryGetProperty("deleted", out _));
        var files = paper.TryGetProperty("auxiliaryFile", out var aux) ? aux.EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList() : [];
        Assert.DoesNotContain(files, f => f.EndsWith($"/file/{annexes[0]}", StringComparison.Ordinal));

        // Then the report itself is made exempt: still a Paper (its title and paragraph, as the public page shows), every annex a deleted File.
        await ChangeAsync(async db =>
        {
            var r = await db.Reports.SingleAsync(x => x.Id == report, Ct);
            db.Entry(r).Property(x => x.IsExempt).CurrentValue = true;
            db.Entry(r).Property(x => x.ExemptParagraph).CurrentValue = 3;
            return 0;
        });
        paper = await JsonAsync(client, $"/oparl/v1/paper/{report}");
        Assert.Empty(OParlSchemas.Problems(paper, "exempt paper"));
        Assert.Equal(3, paper.GetProperty("portal:exemptParagraph").GetInt32());
        Assert.False(paper.TryGetProperty("auxiliaryFile", out _));
        var changed = await JsonAsync(client, $"/oparl/v1/body/1/file?modified_since={Stamp(since)}");
        Assert.Empty(OParlSchemas.Problems(changed, "files since"));
        foreach (var annex in annexes)
        {
            AssertTombstone(await JsonAsync(client, $"/oparl/v1/file/{annex}"), $"/file/{annex}");
            AssertTombstone(Assert.Single(changed.GetProperty("data").EnumerateArray(), o => o.GetProperty("id").GetString()!.EndsWith($"/file/{annex}", StringComparison.Ordinal)), $"/file/{annex}");
        }

        foreach (var path in new[] { $"/oparl/v1/paper/{report}", $"/oparl/v1/body/1/paper?modified_since={Stamp(since)}", $"/oparl/v1/body/1/file?modified_since={Stamp(since)}" })
        {
            var text = await client.GetStringAsync(path, Ct);
            Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task APartyAPartyMembershipAndAPersonWhoSitsNowhereAreDeleted()
    {
        var (party, person, seat) = await ChangeAsync(async db =>
        {
            var p = Party.Create("Tombstone Test Party", "TTP");
            db.Parties.Add(p);
            var unit = await db.OrganisationUnits.OrderBy(u => u.Id).FirstAsync(Ct);
            var someone = Person.Create("Temporary Co-opted Member", null, null, unit);
            db.People.Add(someone);
            await db.SaveChangesAsync(Ct);
            var body = await db.Bodies.Include(b => b.Members).Where(b => b.IsPublic).OrderBy(b => b.Id).FirstAsync(Ct);
            var member = body.AddMember(someone.Id, null, MemberRole.Member);
            await db.SaveChangesAsync(Ct);
            return (p.Id, someone.Id, member.Id);
        });
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        Assert.False((await JsonAsync(client, $"/oparl/v1/person/{person}")).TryGetProperty("deleted", out _));
        Assert.False((await JsonAsync(client, $"/oparl/v1/organization/party/{party}")).TryGetProperty("deleted", out _));

        var (_, since) = await SinceAsync(() => Task.FromResult(0));
        var councillor = await ChangeAsync(async db =>
        {
            db.Parties.Remove(await db.Parties.SingleAsync(p => p.Id == party, Ct));
            var c = await db.Councillors.Where(x => x.PartyId != null).OrderBy(x => x.Id).FirstAsync(Ct);
            c.Represent(c.WardId, null, c.Seat);
            var body = await db.Bodies.Include(b => b.Members).SingleAsync(b => b.Members.Any(m => m.Id == seat), Ct);
            body.RemoveMember(seat);
            return c.Id;
        });

        AssertTombstone(await JsonAsync(client, $"/oparl/v1/organization/party/{party}"), $"/organization/party/{party}");
        AssertTombstone(await JsonAsync(client, $"/oparl/v1/membership/party/{councillor}"), $"/membership/party/{councillor}");
        AssertTombstone(await JsonAsync(client, $"/oparl/v1/person/{person}"), $"/person/{person}");
        foreach (var (list, id) in new[] { ("organization", $"/organization/party/{party}"), ("membership", $"/membership/party/{councillor}"), ("person", $"/person/{person}") })
        {
            var page = await JsonAsync(client, $"/oparl/v1/body/1/{list}?modified_since={Stamp(since)}");
            Assert.Empty(OParlSchemas.Problems(page, list));
            AssertTombstone(Assert.Single(page.GetProperty("data").EnumerateArray(), o => o.GetProperty("id").GetString()!.EndsWith(id, StringComparison.Ordinal)), id);
            Assert.DoesNotContain("Tombstone Test Party", page.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("Temporary Co-opted Member", page.GetRawText(), StringComparison.Ordinal);
        }

        // Someone who never sat anywhere public was never there: no tombstone, not found.
        using var response = await client.GetAsync($"/oparl/v1/person/{person + 100000}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AVoteChangedAfterItsItemWasLastEditedBringsTheItemAndItsMeetingIntoAnUpdate()
    {
        var ((item, meeting, motion), since) = await SinceAsync(async () => await ChangeAsync(async db =>
        {
            var vote = await db.Votes.OrderBy(v => v.Id).FirstAsync(Ct);
            const string Motion = "That the report be noted, as corrected after the meeting";
            db.Entry(vote).Property(v => v.Motion).CurrentValue = Motion;
            return (vote.AgendaItemId, vote.MeetingId, Motion);
        }));
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);

        var items = await JsonAsync(client, $"/oparl/v1/body/1/agendaItem?modified_since={Stamp(since)}");
        Assert.Empty(OParlSchemas.Problems(items, "agenda items since"));
        var changed = Assert.Single(items.GetProperty("data").EnumerateArray());
        Assert.EndsWith($"/agendaitem/{item}", changed.GetProperty("id").GetString()!, StringComparison.Ordinal);
        Assert.Equal(motion, Assert.Single(changed.GetProperty("portal:votes").EnumerateArray()).GetProperty("motion").GetString());
        Assert.True(DateTimeOffset.Parse(changed.GetProperty("modified").GetString()!, CultureInfo.InvariantCulture) >= since);

        var meetings = await JsonAsync(client, $"/oparl/v1/body/1/meeting?modified_since={Stamp(since)}");
        var only = Assert.Single(meetings.GetProperty("data").EnumerateArray());
        Assert.EndsWith($"/meeting/{meeting}", only.GetProperty("id").GetString()!, StringComparison.Ordinal);
    }

    /// <summary>A published open report before a public body with an open annex.</summary>
    private static async Task<Report> OpenReportWithAnnexAsync(PortalDbContext db)
    {
        var publicBodies = await db.Bodies.Where(b => b.IsPublic).Select(b => b.Id).ToListAsync(Ct);
        return await db.Reports
            .Where(r => r.Status == ReportStatus.Published && !r.IsExempt && r.BodyId != null && publicBodies.Contains(r.BodyId.Value) && r.MeetingId != null)
            .Where(r => db.Annexes.Any(a => a.ReportId == r.Id && !a.IsExempt))
            .OrderBy(r => r.Id).FirstAsync(Ct);
    }

    private static void AssertTombstone(JsonElement node, string id)
    {
        Assert.EndsWith(id, node.GetProperty("id").GetString()!, StringComparison.Ordinal);
        Assert.True(node.GetProperty("deleted").GetBoolean());
        var allowed = new HashSet<string>(["id", "type", "created", "modified", "deleted", "accessUrl", "order"], StringComparer.Ordinal);
        Assert.All(node.EnumerateObject(), p => Assert.Contains(p.Name, allowed));
        Assert.Empty(OParlSchemas.Problems(node, id));
    }

    /// <summary>Runs <paramref name="change"/> a whole second after everything before it, and gives the second it began (what <c>modified_since</c> is given).</summary>
    private static async Task<(T Result, DateTimeOffset Since)> SinceAsync<T>(Func<Task<T>> change)
    {
        await Task.Delay(1100, Ct);
        var now = DateTimeOffset.UtcNow;
        var since = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        return (await change(), since);
    }

    private static string Stamp(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private async Task<T> ChangeAsync<T>(Func<PortalDbContext, Task<T>> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("test");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var result = await change(db);
        await db.SaveChangesAsync(Ct);
        return result;
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
