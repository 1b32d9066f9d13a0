using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Browser;
using Portal.Tests.Browser.Journeys;
using Portal.Tests.Security;

namespace Portal.Tests.OpenData;

/// <summary>
/// The OParl endpoint as a client meets it: a crawl from <c>/oparl/v1/system</c> that follows every
/// OParl link it is given (list pages, objects, the objects' own links, each file's address),
/// checks every object served against the OParl 1.1 schema of its type, and finds nothing a
/// visitor may not read (<see cref="PrivateText"/>: internal groups, private items' notes, exempt
/// reports' content) and no internal group or its meetings by id.
/// </summary>
public sealed class OParlCrawlTests : HttpTest
{
    private const int MostRequests = 3000;

    protected override PortalApp CreateApp() => new(settings: new Dictionary<string, string> { ["Portal:RateLimits:OpenDataPerAddress"] = "0" });

    [Fact]
    public async Task ACrawlFromTheSystemFindsEveryObjectValidAndNothingAVisitorMayNotRead()
    {
        var secrets = await PrivateText.ReadAsync(App);
        var (internalBodies, internalMeetings, exemptReports, privateItems) = await App.QueryAsync(async db =>
        {
            var bodies = await db.Bodies.Where(b => !b.IsPublic).Select(b => b.Id).ToListAsync(Ct);
            return (bodies,
                await db.Meetings.Where(m => bodies.Contains(m.BodyId)).Select(m => m.Id).ToListAsync(Ct),
                await db.Reports.Where(r => r.IsExempt && r.Status == Portal.Domain.Reports.ReportStatus.Published).Select(r => r.Id).ToListAsync(Ct),
                await db.AgendaItems.Where(i => i.IsPrivate).Join(db.Meetings.Where(m => !bodies.Contains(m.BodyId)), i => i.MeetingId, m => m.Id, (i, _) => i.Id).ToListAsync(Ct));
        });
        Assert.NotEmpty(internalBodies);
        Assert.NotEmpty(exemptReports);
        Assert.NotEmpty(privateItems);

        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        var queue = new Queue<string>(["/oparl/v1/system"]);
        var seen = new HashSet<string>(queue);
        var problems = new List<string>();
        var types = new HashSet<string>();
        var objects = new Dictionary<string, JsonElement>();
        var files = new HashSet<string>();
        var requests = 0;
        while (queue.Count > 0 && requests < MostRequests)
        {
            var path = queue.Dequeue();
            requests++;
            using var response = await client.GetAsync(path, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{path} answered {(int)response.StatusCode}: {text}");
                continue;
            }

            Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var root = JsonDocument.Parse(text).RootElement.Clone();
            problems.AddRange(OParlSchemas.Problems(root, path, types));
            if (root.TryGetProperty("data", out var data))
            {
                Assert.True(root.TryGetProperty("pagination", out _), $"{path} is a list without pagination.");
                Assert.True(root.TryGetProperty("links", out _), $"{path} is a list without links.");
                foreach (var item in data.EnumerateArray())
                {
                    objects[item.GetProperty("id").GetString()!] = item;
                }
            }
            else
            {
                objects[root.GetProperty("id").GetString()!] = root;
            }

            var strings = new StringBuilder();
            foreach (var (name, value) in Strings(root))
            {
                strings.Append(value).Append('\n');
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !value.StartsWith(App.BaseUrl, StringComparison.Ordinal))
                {
                    continue;
                }

                if (name is "accessUrl" or "downloadUrl")
                {
                    files.Add(uri.PathAndQuery);
                }
                else if (uri.AbsolutePath.StartsWith("/oparl/v1/", StringComparison.Ordinal) && seen.Add(uri.PathAndQuery))
                {
                    queue.Enqueue(uri.PathAndQuery);
                }
            }

            secrets.AssertNoneIn(strings.ToString(), path);
        }

        Assert.True(queue.Count == 0, $"The crawl stopped at {MostRequests} requests with {queue.Count} links still to follow.");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(30)));
        Assert.Superset(new HashSet<string> { "System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Location", "Paper", "Consultation", "File" }, types);

        // No internal group, and none of its meetings, is there even by number.
        foreach (var id in internalBodies)
        {
            Assert.DoesNotContain(seen, p => p.StartsWith($"/oparl/v1/organization/{id}", StringComparison.Ordinal) && (p.Length == $"/oparl/v1/organization/{id}".Length || p[$"/oparl/v1/organization/{id}".Length] == '/'));
        }

        Assert.DoesNotContain(seen, p => internalMeetings.Any(m => p == $"/oparl/v1/meeting/{m}"));

        // An exempt report is there with its title and paragraph, and nothing else of it.
        var exempt = objects.Values.Where(o => o.GetProperty("type").GetString()!.EndsWith("/Paper", StringComparison.Ordinal)
            && exemptReports.Any(r => o.GetProperty("id").GetString()!.EndsWith($"/paper/{r}", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(exempt);
        Assert.All(exempt, paper =>
        {
            Assert.True(paper.TryGetProperty("portal:exemptParagraph", out _));
            Assert.StartsWith("Exempt under paragraph", paper.GetProperty("portal:exemptReason").GetString(), StringComparison.Ordinal);
            Assert.False(paper.TryGetProperty("auxiliaryFile", out _));
            Assert.False(paper.TryGetProperty("portal:exemptAnnex", out _));
        });

        // A private item keeps its title and says it is not public; its notes are not there.
        var items = objects.Values.Where(o => privateItems.Any(i => o.GetProperty("id").GetString()!.EndsWith($"/agendaitem/{i}", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, item =>
        {
            Assert.False(item.GetProperty("public").GetBoolean());
            Assert.False(item.TryGetProperty("resolutionText", out _));
        });

        // Every file OParl offers opens for a visitor.
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var response = await client.GetAsync(file, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file} answered {(int)response.StatusCode} to a visitor.");
        }
    }

    /// <summary>Every string in the document, with the name of the property it is the value of (or of the list it is in).</summary>
    private static IEnumerable<(string Name, string Value)> Strings(JsonElement node, string name = "")
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.String:
                yield return (name, node.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    foreach (var s in Strings(item, name))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    foreach (var s in Strings(property.Value, property.Name))
                    {
                        yield return s;
                    }
                }

                break;
            default:
                break;
        }
    }
}
