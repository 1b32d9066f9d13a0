using System.Text;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Plans;
using Portal.Domain.Thread;
using Portal.Features.Thread;
using Portal.Features.Thread.Map;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>
/// The thread map drawn from the real service on the York demo: appraisal privacy exactly as on
/// the other thread pages (others' objectives counted, never named, in the picture or its table),
/// the reader's own path marked, and the picture's boxes agreeing with its table.
/// </summary>
public sealed class ThreadMapTests : ComponentTest, IAsyncLifetime
{
    private const string GracesObjective = "Train two new committee clerks";
    private const string PriyasObjective = "Clean and weight the survey data";
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public new async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task NoOtherPersonsObjectiveIsNamedAnywhereOnTheMapForACouncillor()
    {
        UseCulture("en-GB");
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var objectives = await db.AppraisalObjectives.Select(o => o.Text).ToListAsync(Ct);
        Assert.NotEmpty(objectives);

        var markup = await WalkTheWholeMapAsync(DemoUsers.Member);

        Assert.Contains("other people", markup, StringComparison.Ordinal); // the walk reached the objectives
        Assert.All(objectives, text => Assert.DoesNotContain(text, markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADirectorSeesHerOwnLinesObjectivesButNeverOneOutsideIt()
    {
        UseCulture("en-GB");

        var markup = await WalkTheWholeMapAsync(DemoUsers.Director);

        Assert.Contains(PriyasObjective, markup, StringComparison.Ordinal);
        Assert.DoesNotContain(GracesObjective, markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTopOfTheMapMarksTheReadersOwnPathAndAgreesWithItsTable()
    {
        UseCulture("en-GB");
        await using var barbara = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var map = (await barbara.Get<ThreadMapService>().GetMapAsync(null, null, Ct))!;

        var picture = Render<MapPicture>(p => p.Add(c => c.Map, map));
        var table = Render<MapTable>(p => p.Add(c => c.Map, map));
        var summary = Render<MapSummary>(p => p.Add(c => c.Map, map));

        Assert.Equal([ThreadLevel.CommunityStrategy, ThreadLevel.CorporateStrategy, ThreadLevel.DirectoratePlan], map.Levels);
        var links = picture.FindAll("a.map-node");
        Assert.Equal(table.FindAll("tbody tr").Count, links.Count);
        foreach (var row in table.FindAll("tbody tr"))
        {
            var title = row.QuerySelectorAll("td")[1].TextContent;
            Assert.Contains(links, a => a.GetAttribute("aria-label")!.StartsWith(title + " ", StringComparison.Ordinal));
        }

        var mine = map.Drawn().Where(n => n.IsMine).ToList();
        Assert.Contains(mine, n => n.View.Title == "Improve performance and value for money");
        Assert.Equal(mine.Count, picture.FindAll("rect.svg-mine").Count);
        Assert.Contains($"{mine.Count} items are on the path from your objectives.", summary.Markup, StringComparison.Ordinal);
        Assert.Contains(links, a => a.GetAttribute("aria-label")!.Contains("Broken thread", StringComparison.Ordinal));
        Assert.Contains("Orphans, with nothing above them", summary.Markup, StringComparison.Ordinal);
        Assert.All(links, a => Assert.StartsWith("/thread/", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void ChildrenTooSmallToSeeAreDrawnAsOneBoxThatZoomsIntoTheirParent()
    {
        static MapNode Node(int id, int below, params MapNode[] children) =>
            new(new ThreadNodeView(new ThreadNode(ThreadLevel.TeamWorkplan, id), $"Item {id}", null, null, Rag.Green, false), below, 0, Rag.Green, false, false, 0, children, 0);
        var small = Enumerable.Range(10, 500).Select(i => Node(i, 0)).ToArray();
        var root = Node(1, 600, [Node(2, 99), .. small]);

        var boxes = IcicleLayout.Lay([root], 600);

        var more = Assert.Single(boxes, b => b.Node is null);
        Assert.Equal(root, more.Parent);
        Assert.True(boxes.Count < 100);
        Assert.Equal(500 + 1, boxes.Count(b => b.Column == 1 && b.Node is not null) + more.More);
        Assert.Equal(600, boxes.Where(b => b.Column == 1).Sum(b => b.Height), 6);
    }

    /// <summary>Every view of the map the reader can reach, from the top down through every branch, as the page draws it.</summary>
    private async Task<string> WalkTheWholeMapAsync(string email)
    {
        await using var reader = await _portal.SignedInAsAsync(email);
        var service = reader.Get<ThreadMapService>();
        var markup = new StringBuilder();
        var queue = new Queue<ThreadNode?>([null]);
        var seen = new HashSet<ThreadNode>();
        while (queue.TryDequeue(out var at))
        {
            var map = (await service.GetMapAsync(at, null, Ct))!;
            markup.Append(Render<MapPicture>(p => p.Add(c => c.Map, map)).Markup);
            markup.Append(Render<MapTable>(p => p.Add(c => c.Map, map)).Markup);
            markup.Append(Render<MapSummary>(p => p.Add(c => c.Map, map)).Markup);
            foreach (var node in map.Drawn().Where(n => !n.IsPrivateGroup && (n.Children.Count > 0 || n.NotShown > 0)))
            {
                if (seen.Add(node.View.Node))
                {
                    queue.Enqueue(node.View.Node);
                }
            }
        }

        Assert.True(seen.Count > 5);
        return markup.ToString();
    }
}
