using Bunit;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Domain.Organisation;
using Portal.Features.Organisation;

namespace Portal.Tests.Components;

public sealed class SharedComponentTests : ComponentTest
{
    [Fact]
    public void ErrorSummaryLinksEachProblemToItsField()
    {
        UseCulture("en-GB");
        var cut = Render<ErrorSummary>(p => p.Add(c => c.Errors, [new FormError("unit-name", "Enter the name"), new FormError(string.Empty, "Someone else changed this first")]));

        Assert.Equal("There is a problem", cut.Find("h2").TextContent);
        var link = cut.Find("a[data-focus-field='unit-name']");
        Assert.Equal("Enter the name", link.TextContent);
        Assert.Equal("#unit-name", link.GetAttribute("href"));
        Assert.Contains("Someone else changed this first", cut.FindAll("li")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("alert", cut.Find(".error-summary").GetAttribute("role"));
    }

    [Fact]
    public void ErrorSummaryRendersNothingWhenThereAreNoProblems()
    {
        var cut = Render<ErrorSummary>(p => p.Add(c => c.Errors, []));

        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void ErrorSummarySpeaksSwedishToASwedishReader()
    {
        UseCulture("sv-SE");
        var cut = Render<ErrorSummary>(p => p.Add(c => c.Errors, [new FormError("x", "Ange namnet")]));

        Assert.Equal("Det finns ett problem", cut.Find("h2").TextContent);
    }

    [Fact]
    public void FieldErrorShowsOnlyItsOwnFieldsMessageWithAnIdToDescribeTheInput()
    {
        UseCulture("en-GB");
        var cut = Render<FieldError>(p => p
            .Add(c => c.Id, "email")
            .Add(c => c.Errors, [new FormError("email", "Enter your email address"), new FormError("password", "Enter your password")]));

        var message = cut.Find("#email-error");
        Assert.Contains("Enter your email address", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("Error:", message.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("password", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownComponentRendersSafely()
    {
        var cut = Render<Markdown>(p => p.Add(c => c.Text, "**Remit** <script>alert(1)</script> [x](javascript:alert(1))"));

        Assert.Equal("Remit", cut.Find("strong").TextContent);
        Assert.Empty(cut.FindAll("script"));
        Assert.DoesNotContain("href=\"javascript", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void UnitTreeNestsUnitsUnderTheirParentsWithKindsInWords()
    {
        UseCulture("en-GB");
        UnitSummary[] units =
        [
            new(1, "City of York Council", "CYC", UnitKind.Council, null, 0),
            new(2, "Chief Executive's Directorate", "CEX", UnitKind.Directorate, 1, 3),
            new(3, "City Strategy", null, UnitKind.Service, 2, 2),
        ];

        var cut = Render<UnitTree>(p => p.Add(c => c.Units, units));

        var nested = cut.Find("ul.unit-tree li ul.unit-tree li ul.unit-tree li a");
        Assert.Equal("City Strategy", nested.TextContent);
        Assert.Equal("/organisation/units/3", nested.GetAttribute("href"));
        Assert.Contains("Directorate · people: 3", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(Icons.Material.Filled.Menu))]
    [InlineData(nameof(Icons.Material.Filled.DarkMode))]
    [InlineData(nameof(Icons.Material.Filled.LightMode))]
    [InlineData(nameof(Icons.Material.Filled.Home))]
    [InlineData(nameof(Icons.Material.Filled.Assignment))]
    [InlineData(nameof(Icons.Material.Filled.AccountTree))]
    [InlineData(nameof(Icons.Material.Filled.Event))]
    [InlineData(nameof(Icons.Material.Filled.Description))]
    [InlineData(nameof(Icons.Material.Filled.Gavel))]
    [InlineData(nameof(Icons.Material.Filled.Search))]
    [InlineData(nameof(Icons.Material.Filled.Groups))]
    [InlineData(nameof(Icons.Material.Filled.AdminPanelSettings))]
    public void AnIconDrawsEveryOutlineOfTheMaterialIconAndIsHiddenFromScreenReaders(string name)
    {
        var svg = (string)typeof(Icons.Material.Filled).GetField(name)!.GetValue(null)!;
        var shapes = System.Xml.Linq.XElement.Parse($"<svg>{svg}</svg>").Descendants()
            .Where(e => e.Name.LocalName is not "g" && (string?)e.Attribute("fill") != "none" && !e.Ancestors().Any(a => (string?)a.Attribute("fill") == "none"))
            .Select(e => e.Name.LocalName)
            .ToList();

        var cut = Render<Icon>(p => p.Add(c => c.Svg, svg));

        var drawn = cut.Find("svg").QuerySelectorAll("*").Where(e => e.LocalName is not "g").Select(e => e.LocalName).ToList();
        Assert.NotEmpty(drawn);
        Assert.Equal(shapes, drawn);
        Assert.DoesNotContain("fill=\"none\"", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("svg").GetAttribute("aria-hidden"));
    }
}
