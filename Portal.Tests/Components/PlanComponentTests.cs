using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Plans;
using Portal.Features.Plans;
using Portal.Features.Plans.Indicators;
using Portal.Features.Plans.Risks;
using Portal.Infrastructure.Concurrency;
using Portal.Resources;

namespace Portal.Tests.Components;

public sealed class PlanComponentTests : ComponentTest
{
    private static readonly RiskRow[] Risks =
    [
        new(1, "Loss of key staff", "Tom", 3, new(5, 4), new(4, 4), new(3, 3), new(2027, 1, 9), false, true),
        new(2, "Data breach", "Barbara", 2, new(3, 5), new(2, 3), new(1, 3), new(2027, 2, 23), false, false),
        new(3, "Office move", "Heather", null, new(3, 3), new(2, 3), new(1, 1), new(2026, 1, 1), true, false),
    ];

    [Theory]
    [InlineData("en-GB", Rag.Red, "Red")]
    [InlineData("en-GB", Rag.NotRated, "Not rated")]
    [InlineData("sv-SE", Rag.Amber, "Gul")]
    [InlineData("sv-SE", Rag.Completed, "Klar")]
    public void SaysTheRatingInWordsNotOnlyInColour(string culture, Rag rag, string words)
    {
        UseCulture(culture);

        var cut = Render<RagTag>(p => p.Add(c => c.Rag, rag));

        Assert.Equal(words, cut.Find("span").TextContent);
        Assert.Contains($"rag-{rag.ToString().ToLowerInvariant()}", cut.Find("span").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeatMapIsATableWithHeadersOnBothAxesAndTheRisksInTheirCells()
    {
        UseCulture("en-GB");

        var cut = Render<RiskHeatMap>(p => p.Add(c => c.Risks, Risks));

        Assert.Equal("Residual risks by likelihood and impact", cut.Find("caption").TextContent);
        Assert.Equal(6, cut.FindAll("thead th[scope=col]").Count);
        Assert.Equal(5, cut.FindAll("tbody th[scope=row]").Count);
        Assert.Equal(25, cut.FindAll("tbody td").Count);
        // Row 2 from the top is likelihood 4; column 4 is impact 4.
        var cell = cut.FindAll("tbody tr")[1].QuerySelectorAll("td")[3];
        Assert.Contains("level-high", cell.ClassName, StringComparison.Ordinal);
        Assert.Equal("/plans/risks/1", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("R1 Loss of key staff", cell.TextContent, StringComparison.Ordinal);
        Assert.Contains("High (16)", cell.TextContent, StringComparison.Ordinal);
        // A closed risk is kept on the register but not on the map.
        Assert.DoesNotContain(cut.FindAll("a"), a => a.GetAttribute("href") == "/plans/risks/3");
    }

    [Fact]
    public void TheChartHasATitleForScreenReadersAndPointsForEveryActual()
    {
        UseCulture("en-GB");
        var periods = Enumerable.Range(1, 4).Select(n => new PeriodRow(
            2026, n, $"Q{n} 2026/27", new DateOnly(2026, 6, 30).AddMonths(3 * (n - 1)), 90m, n < 4 ? 80m + n : null, null,
            DataState.Approved, null, null, Rag.Amber, Trend.Improving, Trend.NotComparable, true, false, 1)).ToList();

        var cut = Render<IndicatorChart>(p => p
            .Add(c => c.Id, "chart")
            .Add(c => c.Title, "Staff appraised")
            .Add(c => c.Unit, MeasureUnit.Percent)
            .Add(c => c.Periods, periods));

        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("chart-title", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("Staff appraised: actual against target by period", cut.Find("title").TextContent);
        Assert.Equal(3, cut.FindAll("circle").Count);
        Assert.Contains("The same figures are in the table below.", cut.Find("figcaption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AHistorySaysEnumValuesInTheReadersWordsAndNamesThePartThatChanged()
    {
        UseCulture("sv-SE");
        var text = Services.GetRequiredService<IStringLocalizer<Text>>();

        var status = ChangeText.Describe(text, new ChangeMade("Heather Rice", new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc), "Status", "OnTrack", "AtRisk"));
        var done = ChangeText.Describe(text, new ChangeMade("Tom", new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc), "IsDone", "false", "true", "Plan drafted"));

        Assert.StartsWith("Heather Rice ändrade Status från ”Enligt plan” till ”I riskzonen”", status, StringComparison.Ordinal);
        Assert.StartsWith("Tom ändrade Klar för Plan drafted från ”nej” till ”ja”", done, StringComparison.Ordinal);
    }
}
