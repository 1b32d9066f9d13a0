using Bunit;
using Portal.Domain.Establishment;
using Portal.Features.Establishment.Chart;

namespace Portal.Tests.Components;

/// <summary>The structure chart as boxes and lines: the picture, its summary in words and its table say the same.</summary>
public sealed class StructurePictureTests : ComponentTest
{
    private static ChartNode Post(int id, string title, string? holder, bool acting = false, StatutoryRole[]? roles = null, params ChartNode[] children) =>
        new(id, $"P{id}", title, "Unit", "Grade 1", holder, acting, RecruitmentStatus.None, roles ?? [], children);

    [Fact]
    public void EachPostIsABoxWithItsHolderGradeAndRolesAndTheTableAgrees()
    {
        UseCulture("en-GB");
        var officers = Enumerable.Range(100, 12).Select(i => Post(i, $"Officer {i}", i % 3 == 0 ? null : $"Person {i}")).ToArray();
        var chart = new ChartView(new DateOnly(2026, 12, 6),
        [
            Post(1, "Chief Executive", "Jason Gooding", roles: [StatutoryRole.HeadOfPaidService],
                children: [Post(2, "Director of Resources", "Angela Brown", acting: true, roles: [StatutoryRole.Section151Officer], children: officers), Post(3, "Assistant Director", null)]),
        ], 15);

        var view = Render<StructureView>(p => p.Add(c => c.Chart, chart).Add(c => c.Href, id => $"/organisation/chart?view=boxes&root={id}"));

        var boxes = view.FindAll("svg.structure-picture a.chart-box:not(.chart-open):not(.chart-more)");
        var rows = view.FindAll("table.structure-table tbody tr");
        Assert.Equal(rows.Count, boxes.Count);
        Assert.Equal(3 + StructureLayout.MaxStack - 1, boxes.Count);
        Assert.StartsWith("Chief Executive Jason Gooding Grade 1 · P1 HoPS; Head of Paid Service", boxes[0].GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Contains("Angela Brown (Acting)", boxes[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(2, view.FindAll("svg.structure-picture .chart-badge").Count);
        // The stack under the director ends in one box for the posts not drawn, which opens that branch.
        var more = view.Find("a.chart-more");
        Assert.Equal("/organisation/chart?view=boxes&root=2", more.GetAttribute("href"));
        Assert.Equal("5 more posts: open this branch", more.GetAttribute("aria-label"));
        var vacant = view.FindAll("rect.chart-box-vacant").Count;
        Assert.Equal(vacant, rows.Count(r => r.QuerySelectorAll("td")[0].TextContent == "Vacant"));
        Assert.Contains($"{boxes.Count} posts drawn, {vacant} vacant, 1 held by someone acting.", view.Find("figcaption").TextContent, StringComparison.Ordinal);
        Assert.Contains("Head of Paid Service: Chief Executive.", view.Find("figcaption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenedAtAPostThePictureStartsThereWithThePathAbove()
    {
        UseCulture("sv-SE");
        var chart = new ChartView(new DateOnly(2026, 12, 6),
            [Post(1, "Kommundirektör", "Anna", children: [Post(2, "Ekonomichef", "Bo", children: [Post(3, "Controller", null)])])], 3);

        var view = Render<StructureView>(p => p.Add(c => c.Chart, chart).Add(c => c.Root, 2).Add(c => c.Href, id => $"/c?root={id}"));

        Assert.Equal(["Organisationens topp", "Kommundirektör", "Ekonomichef"], view.FindAll("nav li").Select(li => li.TextContent).ToArray());
        Assert.Equal(2, view.FindAll("table.structure-table tbody tr").Count);
        Assert.Contains("Vakant", view.Find("svg.structure-picture").TextContent, StringComparison.Ordinal);
    }
}
