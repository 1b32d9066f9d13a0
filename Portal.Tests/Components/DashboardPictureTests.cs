using System.Globalization;
using Bunit;
using Portal.Components.Shared.Svg;
using Portal.Domain.Plans;
using Portal.Features.Plans;
using Portal.Features.Plans.Dashboard;
using Portal.Features.Plans.Indicators;

namespace Portal.Tests.Components;

/// <summary>
/// The dashboard's pictures read as a screen reader and a test would: each picture's text
/// alternative in words and its drawn numbers agree with the table that carries the same figures.
/// </summary>
public sealed class DashboardPictureTests : ComponentTest
{
    private static readonly PriorityRagCount[] Priorities =
    [
        new(10, 1, "Customers first", new RagCounts(0, 2, 3, 1, 0), new RagCounts(1, 0, 2, 0, 1)),
        new(11, 2, "Value for money", new RagCounts(1, 1, 1, 0, 0), new RagCounts(0, 0, 0, 0, 0)),
    ];

    private static readonly RiskRow[] Risks =
    [
        new(1, "Loss of key staff", "Tom", 1, new(5, 4), new(4, 4), new(3, 3), new(2027, 1, 9), false, true),
        new(2, "Data breach", "Barbara", 2, new(3, 5), new(4, 4), new(1, 3), new(2027, 2, 23), false, true),
        new(3, "Budget overspend", "Heather", 2, new(3, 3), new(2, 3), new(1, 1), new(2027, 1, 1), false, false),
    ];

    [Fact]
    public void EachPrioritysBarsSayTheirCountsInWordsAndDrawTheTablesNumbers()
    {
        UseCulture("en-GB");

        var glance = Render<PlanAtAGlance>(p => p.Add(c => c.Priorities, Priorities));
        var table = Render<RagCountTable>(p => p.Add(c => c.Priorities, Priorities).Add(c => c.PriorityHref, id => $"/p/{id}"));

        var bars = glance.FindAll("svg.rag-bar[role=img]");
        Assert.Equal(4, bars.Count);
        Assert.Equal("Priority 2, Actions: 1 red, 1 amber, 1 green", bars[2].GetAttribute("aria-label"));
        Assert.Equal("Priority 1, Indicators: 1 red, 2 green, 1 not rated", bars[1].GetAttribute("aria-label"));
        Assert.Equal("Priority 2, Indicators: none", bars[3].GetAttribute("aria-label"));

        // The table's row: actions red, amber, green, completed, then indicators red, amber, green, not rated.
        var rows = table.FindAll("tbody tr");
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].QuerySelectorAll("td").Select(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(cells[..4], Drawn(bars[i * 2], [Rag.Red, Rag.Amber, Rag.Green, Rag.Completed]));
            Assert.Equal(cells[4..], Drawn(bars[(i * 2) + 1], [Rag.Red, Rag.Amber, Rag.Green, Rag.NotRated]));
        }

        // The picture points to its table, which keeps its heading's id.
        Assert.Equal("#counts-title", glance.Find("figcaption a").GetAttribute("href"));
    }

    [Fact]
    public void TheBarsSpeakSwedishToASwedishReader()
    {
        UseCulture("sv-SE");

        var glance = Render<PlanAtAGlance>(p => p.Add(c => c.Priorities, Priorities));

        Assert.Equal("Prioritering 2, Aktiviteter: 1 röd, 1 gul, 1 grön", glance.FindAll("svg.rag-bar")[2].GetAttribute("aria-label"));
        Assert.Contains("Ej bedömd", glance.Find(".svg-legend").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeatGridCountsTheRisksTheTableNamesInTheSameCells()
    {
        UseCulture("en-GB");

        var grid = Render<RiskGrid>(p => p.Add(c => c.Risks, Risks));

        var label = grid.Find("svg.risk-grid").GetAttribute("aria-label")!;
        Assert.Equal("Open risks on the heat map: likelihood 4, impact 4 (high): 2 risks; likelihood 2, impact 3 (medium): 1 risk.", label);
        Assert.Equal(25, grid.FindAll("g.risk-cell").Count);
        // The table behind the picture: row 2 from the top is likelihood 4, column 4 impact 4.
        var tableRows = grid.FindAll("details table tbody tr");
        foreach (var cell in grid.FindAll("g.risk-cell"))
        {
            var likelihood = int.Parse(cell.GetAttribute("data-likelihood")!, CultureInfo.InvariantCulture);
            var impact = int.Parse(cell.GetAttribute("data-impact")!, CultureInfo.InvariantCulture);
            var tableCell = tableRows[5 - likelihood].QuerySelectorAll("td")[impact - 1];
            Assert.Equal(tableCell.QuerySelectorAll("a").Length.ToString(CultureInfo.InvariantCulture), cell.GetAttribute("data-count"));
        }

        // Every cell says its band in words, not only by colour.
        Assert.Equal(25, grid.FindAll("g.risk-cell text.svg-small").Count);
    }

    [Fact]
    public void TheBurnUpSaysWhereTheYearStandsAndItsTableHasEveryMonth()
    {
        UseCulture("en-GB");
        var months = Enumerable.Range(0, 12)
            .Select(m => new BurnUpMonth(new DateOnly(2026, 4, 1).AddMonths(m + 1).AddDays(-1), Math.Min(10, m + 1), m < 8 ? m / 2 : null))
            .ToList();

        var chart = Render<BurnUpChart>(p => p.Add(c => c.BurnUp, new BurnUp(months, 12)));

        Assert.Equal("Actions completed against planned: by the end of November 2026, 3 completed and 8 due; 12 actions in the year.", chart.Find("svg.burn-up").GetAttribute("aria-label"));
        Assert.Equal(8, chart.FindAll("svg.burn-up circle").Count);
        Assert.Equal(12, chart.FindAll("svg.burn-up rect").Count);
        var rows = chart.FindAll("details tbody tr");
        Assert.Equal(12, rows.Count);
        Assert.Equal(["November 2026", "8", "3"], rows[7].Children.Select(c => c.TextContent).ToArray());
        Assert.Equal("–", rows[8].Children[2].TextContent);
    }

    [Fact]
    public void AnOffTargetIndicatorsTrendIsASmallLineWithItsBandSaidInWords()
    {
        UseCulture("en-GB");
        var row = new IndicatorRow(7, "CE1", "Calls answered", MeasureUnit.Percent, Polarity.HigherIsBetter, "Tom", "Q2 2026/27", 90, 80, DataState.Approved, Rag.Red, Trend.Worsening, Trend.NotComparable);
        var trend = new IndicatorTrend([new("Q1", 85, 90), new("Q2", 80, 90)], 85, 90, 90, 5);

        var table = Render<IndicatorTable>(p => p.Add(c => c.Indicators, [row]).Add(c => c.Caption, "Off target").Add(c => c.Trends, new Dictionary<int, IndicatorTrend> { [7] = trend }));

        var spark = table.Find("td svg.sparkline[role=img]");
        Assert.Equal("CE1 over 2 periods: from 85% to 80%; target 90%, tolerance 5%", spark.GetAttribute("aria-label"));
        Assert.Single(table.FindAll("svg.sparkline rect.svg-band"));
        // The table's own actual is the last point of the line.
        Assert.Contains("80%", table.FindAll("tbody td")[4].TextContent, StringComparison.Ordinal);
        Assert.Equal("Trend and target band", table.FindAll("thead th")[^1].TextContent);
    }

    [Fact]
    public void WithoutTrendsTheIndicatorTableKeepsItsColumns()
    {
        UseCulture("en-GB");
        var row = new IndicatorRow(7, "CE1", "Calls answered", MeasureUnit.Percent, Polarity.HigherIsBetter, "Tom", "Q2 2026/27", 90, 80, DataState.Approved, Rag.Red, Trend.Worsening, Trend.NotComparable);

        var table = Render<IndicatorTable>(p => p.Add(c => c.Indicators, [row]).Add(c => c.Caption, "Indicators"));

        Assert.Equal(8, table.FindAll("thead th").Count);
        Assert.Empty(table.FindAll("svg"));
    }

    private static int[] Drawn(AngleSharp.Dom.IElement bar, Rag[] order) =>
        order.Select(rag => bar.QuerySelector($"g.rag-band[data-rag={rag}]")?.GetAttribute("data-count") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 0).ToArray();
}
