using System.Collections;
using System.Globalization;
using System.Resources;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Domain.Plans;
using Portal.Features.Establishment;
using Portal.Features.Establishment.Chart;
using Portal.Features.Plans;
using Portal.Features.Plans.Indicators;
using Portal.Infrastructure.Localization;
using Portal.Resources;

namespace Portal.Tests.Components;

/// <summary>A number is followed by the word that agrees with it, in English and in Swedish: never "1 reports".</summary>
public sealed class PluralTextTests : ComponentTest
{
    private IStringLocalizer<Text> Text => Services.GetRequiredService<IStringLocalizer<Text>>();

    [Theory]
    [InlineData("en-GB", 1, "1 report")]
    [InlineData("en-GB", 2, "2 reports")]
    [InlineData("en-GB", 0, "0 reports")]
    [InlineData("sv-SE", 1, "1 tjänsteskrivelse")]
    [InlineData("sv-SE", 2, "2 tjänsteskrivelser")]
    public void ACountOfReportsTakesTheWordThatAgreesWithIt(string culture, int count, string expected)
    {
        UseCulture(culture);

        Assert.Equal(expected, Text.Plural("Reports.Count", count).Value);
    }

    [Theory]
    [InlineData("en-GB", 1, "Read the agenda pack (1 report)", "You have read 1 of 1 report", "1 more thing")]
    [InlineData("en-GB", 3, "Read the agenda pack (3 reports)", "You have read 1 of 3 reports", "3 more things")]
    [InlineData("sv-SE", 1, "Läs handlingarna (1 ärende)", "Du har läst 1 av 1 skrivelse", "1 sak till")]
    [InlineData("sv-SE", 3, "Läs handlingarna (3 ärenden)", "Du har läst 1 av 3 skrivelser", "3 saker till")]
    public void TheAgendaPackAndTheTemplateCheckCountInWordsThatAgree(string culture, int count, string pack, string read, string missing)
    {
        UseCulture(culture);

        Assert.Equal(pack, Text.Plural("Agenda.OpenPack", count).Value);
        Assert.Equal(read, Text.Plural("Pack.ReadCount", count, 1, count).Value);
        Assert.Contains(missing, Text.Plural("Check.Title", count).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", 1, "1 vacant beneath")]
    [InlineData("sv-SE", 1, "1 vakant under")]
    [InlineData("sv-SE", 2, "2 vakanta under")]
    public void TheStructureChartCountsVacanciesInWordsThatAgree(string culture, int vacancies, string expected)
    {
        UseCulture(culture);
        var beneath = Enumerable.Range(1, vacancies).Select(i => Node(10 + i, "Assistant Director", holder: null, [])).ToList();

        var cut = Render<ChartBranch>(p => p
            .Add(c => c.Node, Node(1, "Strategic Director", "Heather Rice", beneath))
            .Add(c => c.Open, []));

        Assert.Equal(expected, cut.Find(".chart-vacancies").TextContent);
    }

    [Theory]
    [InlineData("en-GB", "1", "1 day")]
    [InlineData("en-GB", "2.4", "2.4 days")]
    [InlineData("sv-SE", "1", "1 dag")]
    [InlineData("sv-SE", "2.4", "2,4 dagar")]
    public void AnIndicatorInDaysSaysDayOrDays(string culture, string value, string expected)
    {
        UseCulture(culture);

        Assert.Equal(expected, PlanFormat.Figure(Text, decimal.Parse(value, CultureInfo.InvariantCulture), MeasureUnit.Days));
    }

    [Theory]
    [InlineData("en-GB", 1, "The report is not ready: 1 thing the template asks for is missing")]
    [InlineData("en-GB", 4, "The report is not ready: 4 things the template asks for are missing")]
    [InlineData("sv-SE", 1, "Skrivelsen är inte klar: 1 sak som mallen kräver saknas")]
    public void ARefusalThatCountsSaysItInWordsThatAgree(string culture, int count, string expected)
    {
        UseCulture(culture);

        Assert.Equal(expected, Text.Describe(new DomainRuleException("Report.TemplateIncomplete", "untranslated", null, count)));
    }

    [Fact]
    public void EveryCountedTextHasBothFormsInBothLanguages()
    {
        var manager = new ResourceManager(typeof(Text));
        List<string> Keys(CultureInfo culture) =>
            [.. manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key)];
        var english = Keys(CultureInfo.InvariantCulture);
        var swedish = Keys(CultureInfo.GetCultureInfo("sv-SE"));

        var counted = english.Where(k => k.EndsWith(".One", StringComparison.Ordinal) || k.EndsWith(".Other", StringComparison.Ordinal)).ToList();
        Assert.True(counted.Count >= 20, string.Join(", ", counted));
        foreach (var key in counted)
        {
            var stem = key[..key.LastIndexOf('.')];
            Assert.Contains(stem + ".One", english);
            Assert.Contains(stem + ".Other", english);
            Assert.Contains(key, swedish);
            Assert.DoesNotContain(stem, english);
        }
    }

    private static ChartNode Node(int id, string title, string? holder, IReadOnlyList<ChartNode> children) =>
        new(id, $"P-{id}", title, "Unit", "Grade", holder, false, RecruitmentStatus.None, [], children);
}
