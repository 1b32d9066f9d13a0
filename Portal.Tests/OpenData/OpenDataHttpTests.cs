using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;
using Portal.Tests.Browser.Journeys;
using Portal.Tests.Security;

namespace Portal.Tests.OpenData;

/// <summary>
/// The open data's protocol: CORS for any site's scripts, ETags, OParl's paging and its update
/// filters (what changed, and what was deleted, since a time), refusals in words, an internal
/// group that does not exist for the API, and the Atom feeds with the pages that link to them.
/// </summary>
public sealed class OpenDataHttpTests : HttpTest
{
    protected override PortalApp CreateApp() => new(settings: new Dictionary<string, string> { ["Portal:RateLimits:OpenDataPerAddress"] = "0" });

    [Theory]
    [InlineData("/oparl/v1/system")]
    [InlineData("/oparl/v1/body/1/meeting")]
    [InlineData("/api/v1/decisions")]
    public async Task AnyOriginMayReadItWithGetAndAScriptsPreflightIsAnswered(string path)
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://elsewhere.example");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var answer = await client.SendAsync(preflight, Ct);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("*", Header(answer, "Access-Control-Allow-Origin"));
        Assert.Equal("GET", Header(answer, "Access-Control-Allow-Methods"));
        Assert.Contains("If-None-Match", Header(answer, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/oparl/v1/body/1/meeting")]
    [InlineData("/oparl/v1/body/1/paper")]
    [InlineData("/api/v1/forward-plan")]
    [InlineData("/api/v1/decisions")]
    [InlineData("/decisions.atom")]
    public async Task AnUnchangedAnswerIsNotSentAgain(string path)
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        using var first = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));

        using var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var sent = await client.SendAsync(other, Ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    [Fact]
    public async Task AListComesInPagesThatKeepTheFiltersAndCoverEveryObjectOnce()
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        var total = (await JsonAsync(client, "/oparl/v1/body/1/meeting")).GetProperty("pagination").GetProperty("totalElements").GetInt32();
        Assert.True(total > 4, "The demo has enough meetings for several pages.");
        var ids = new List<string>();
        string? next = "/oparl/v1/body/1/meeting?created_since=2000-01-01T00%3A00%3A00%2B00%3A00&limit=2";
        var pages = 0;
        while (next is not null)
        {
            var page = await JsonAsync(client, next);
            Assert.Equal(2, page.GetProperty("pagination").GetProperty("elementsPerPage").GetInt32());
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            next = page.GetProperty("links").TryGetProperty("next", out var n) ? new Uri(n.GetString()!).PathAndQuery : null;
            Assert.True(next is null || next.Contains("created_since=", StringComparison.Ordinal), "The next page keeps the filter.");
            pages++;
        }

        Assert.Equal((total + 1) / 2, pages);
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
    }

    [Fact]
    public async Task AnUpdateSinceATimeListsWhatChangedAndMarksWhatWasDeleted()
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Task.Delay(1100, Ct);
        var (meetingId, seatId) = await ChangeAsync(async db =>
        {
            var meeting = await db.Meetings.Where(m => db.Bodies.Any(b => b.Id == m.BodyId && b.IsPublic) && m.Status == MeetingStatus.Scheduled && m.Date > DateOnly.FromDateTime(DateTime.Today))
                .OrderBy(m => m.Id).FirstAsync(Ct);
            meeting.Reschedule(meeting.Date, meeting.StartTime, meeting.EndTime, "Committee Room 9");
            var body = await db.Bodies.Include(b => b.Members).Where(b => b.IsPublic && b.Members.Count > 1).OrderBy(b => b.Id).FirstAsync(Ct);
            var seat = body.Members.OrderBy(m => m.Id).Last();
            body.RemoveMember(seat.Id);
            return (meeting.Id, seat.Id);
        });
        var filter = "modified_since=" + Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));

        var meetings = await JsonAsync(client, "/oparl/v1/body/1/meeting?" + filter);
        var changed = meetings.GetProperty("data").EnumerateArray().ToList();
        var moved = Assert.Single(changed, m => m.GetProperty("id").GetString()!.EndsWith($"/meeting/{meetingId}", StringComparison.Ordinal));
        Assert.Equal("Committee Room 9", moved.GetProperty("location").GetProperty("description").GetString());
        Assert.All(changed, m => Assert.True(DateTimeOffset.Parse(m.GetProperty("modified").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= since.AddSeconds(-1)));
        var all = await JsonAsync(client, "/oparl/v1/body/1/meeting");
        Assert.True(all.GetProperty("pagination").GetProperty("totalElements").GetInt32() > changed.Count);

        var seats = await JsonAsync(client, "/oparl/v1/body/1/membership?" + filter);
        var gone = Assert.Single(seats.GetProperty("data").EnumerateArray(), m => m.GetProperty("id").GetString()!.EndsWith($"/membership/seat/{seatId}", StringComparison.Ordinal));
        Assert.True(gone.GetProperty("deleted").GetBoolean());
        Assert.True(gone.TryGetProperty("created", out _));
        Assert.Empty(OParlSchemas.Problems(seats, "memberships since"));

        // Without the filter a deleted object is not in the list; at its own address it says it was deleted.
        var current = await JsonAsync(client, "/oparl/v1/body/1/membership?limit=100");
        Assert.DoesNotContain(current.GetProperty("data").EnumerateArray(), m => m.GetProperty("id").GetString()!.EndsWith($"/membership/seat/{seatId}", StringComparison.Ordinal));
        var tombstone = await JsonAsync(client, $"/oparl/v1/membership/seat/{seatId}");
        Assert.True(tombstone.GetProperty("deleted").GetBoolean());
    }

    [Theory]
    [InlineData("/oparl/v1/body/1/meeting?modified_since=yesterday", "modified_since")]
    [InlineData("/oparl/v1/body/1/paper?page=0", "page")]
    public async Task AFilterThatCannotBeReadIsRefusedInWords(string path, string named)
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains(named, problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInternalGroupAndItsMeetingsDoNotExistForTheOpenData()
    {
        var (emg, meeting) = await App.QueryAsync(async db =>
        {
            var id = await db.Bodies.Where(b => b.Slug == "emg").Select(b => b.Id).SingleAsync(Ct);
            return (id, await db.Meetings.Where(m => m.BodyId == id).Select(m => m.Id).FirstAsync(Ct));
        });
        using var client = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsersAdministrator);
        foreach (var path in new[] { $"/oparl/v1/organization/{emg}", $"/oparl/v1/organization/{emg}/meeting", $"/oparl/v1/meeting/{meeting}", $"/oparl/v1/location/{meeting}", "/meetings/bodies/emg/papers.atom", "/meetings/bodies/emg/decisions.atom" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode} to an administrator's cookie.");
        }
    }

    [Fact]
    public async Task TheAtomFeedsCarryDecisionsAndReportsAsAVisitorSeesThemAndThePagesLinkToThem()
    {
        var secrets = await PrivateText.ReadAsync(App);
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        foreach (var path in new[] { "/decisions.atom", "/meetings/bodies/emap-cs/decisions.atom", "/meetings/bodies/employment-panel/papers.atom" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync(Ct);
            secrets.AssertNoneIn(text, path);
            var feed = XDocument.Parse(text).Root!;
            Assert.Equal(atom + "feed", feed.Name);
            Assert.NotEmpty(feed.Elements(atom + "entry"));
            Assert.All(feed.Elements(atom + "entry"), e => Assert.StartsWith(App.BaseUrl, e.Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal));
        }

        var papers = XDocument.Parse(await client.GetStringAsync("/meetings/bodies/employment-panel/papers.atom", Ct)).Root!;
        Assert.Contains(papers.Elements(atom + "entry"), e => e.Element(atom + "summary")!.Value.StartsWith("Exempt under paragraph", StringComparison.Ordinal));

        var decisions = WebUtility.HtmlDecode(await client.GetStringAsync("/decisions", Ct));
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", decisions, StringComparison.Ordinal);
        Assert.Contains("/decisions.atom", decisions, StringComparison.Ordinal);
        var body = WebUtility.HtmlDecode(await client.GetStringAsync("/meetings/bodies/employment-panel", Ct));
        Assert.Contains("/meetings/bodies/employment-panel/papers.atom", body, StringComparison.Ordinal);
        Assert.Contains("/meetings/bodies/employment-panel/decisions.atom", body, StringComparison.Ordinal);
    }

    private const string DemoUsersAdministrator = Infrastructure.DemoUsers.Administrator;

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

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
