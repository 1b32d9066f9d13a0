using System.Net;
using Portal.Tests.Browser;
using Portal.Tests.Security;

namespace Portal.Tests.Features;

/// <summary>
/// The accessibility statement over HTTP: its words in the reader's language, its law and
/// enforcement body the council's country's (England: the 2018 regulations, the EHRC and the
/// ECNI; Sweden: lag (2018:1937) and Digg), and the contact and review date the council sets.
/// </summary>
public sealed class AccessibilityStatementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEnglishCouncilsStatementNamesTheRegulationsTheEhrcAndItsOwnContact()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string>
        {
            ["Portal:AccessibilityContact"] = "access@york.example",
            ["Portal:AccessibilityReviewedOn"] = "2027-01-15",
        });
        app.Start();

        var english = await ReadAsync(app, "en-GB");
        Assert.Contains("<h1 class=\"page-title\">Accessibility statement</h1>", english, StringComparison.Ordinal);
        Assert.Contains("This website is run by City of York Council.", english, StringComparison.Ordinal);
        Assert.Contains("Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018", english, StringComparison.Ordinal);
        Assert.Contains("Equality and Human Rights Commission (EHRC)", english, StringComparison.Ordinal);
        Assert.Contains("Equality Commission for Northern Ireland (ECNI)", english, StringComparison.Ordinal);
        Assert.Contains("partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard", english, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:access@york.example\">access@york.example</a>", english, StringComparison.Ordinal);
        Assert.Contains("It was last reviewed on 15 January 2027.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Digg", english, StringComparison.Ordinal);

        var swedish = await ReadAsync(app, "sv-SE");
        Assert.Contains(">Tillgänglighetsredogörelse</h1>", swedish, StringComparison.Ordinal);
        Assert.Contains("Equality and Human Rights Commission (EHRC) ansvarar för tillsynen", swedish, StringComparison.Ordinal);
        Assert.Contains("granskades senast den 15 januari 2027", swedish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASwedishCouncilsStatementNamesTheActAndDigg()
    {
        await using var app = new PortalApp(demo: "sv");
        app.Start();

        var swedish = await ReadAsync(app, "sv-SE");
        Assert.Contains("Webbplatsen drivs av Nybro kommun.", swedish, StringComparison.Ordinal);
        Assert.Contains("lagen (2018:1937) om tillgänglighet till digital offentlig service", swedish, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.digg.se/tdosanmalan\">Myndigheten för digital förvaltning (Digg)</a>", swedish, StringComparison.Ordinal);
        Assert.Contains("kontakta Nybro kommun på det sätt du brukar", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("EHRC", swedish, StringComparison.Ordinal);

        var english = await ReadAsync(app, "en-GB");
        Assert.Contains("Act on accessibility to digital public services (2018:1937)", english, StringComparison.Ordinal);
        Assert.Contains("Agency for Digital Government (Digg)", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Equality and Human Rights Commission", english, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(PortalApp app, string culture)
    {
        using var client = await PortalHttp.ClientAsync(app.BaseUrl);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        using var response = await client.GetAsync("/accessibility", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }
}
