using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The pages with pictures in a real browser: each picture's text alternative read as a screen
/// reader would and set against the table beside or behind it, an axe scan in both themes and both
/// languages, and a screenshot of each picture for a person to look at (in /tmp/pictures-look/).
/// </summary>
public sealed class PictureBrowserTests(BrowserSession session) : BrowserTest(session)
{
    private static readonly string LookDirectory = Path.Combine(Path.GetTempPath(), "pictures-look");

    [Theory]
    [InlineData("en-GB", false)]
    [InlineData("en-GB", true)]
    [InlineData("sv-SE", false)]
    [InlineData("sv-SE", true)]
    public async Task TheDashboardsPicturesAgreeWithItsTablesAndPassAxe(string culture, bool dark)
    {
        var page = await NewPageAsync(culture);
        await SignInToAsync(page, DemoUsers.Director, "/plans/1/dashboard");
        await UseThemeAsync(page, dark, culture);

        var bars = page.Locator("svg.rag-bar[role=img]");
        var rows = page.Locator("section[aria-labelledby=counts-title] tbody tr");
        Assert.Equal(await rows.CountAsync() * 2, await bars.CountAsync());
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllTextContentsAsync();
            var actions = await bars.Nth(i * 2).Locator("g.rag-band").EvaluateAllAsync<int>("bands => bands.reduce((n, b) => n + Number(b.dataset.count), 0)");
            Assert.Equal(cells.Take(4).Sum(int.Parse), actions);
            Assert.False(string.IsNullOrWhiteSpace(await bars.Nth(i * 2).GetAttributeAsync("aria-label")));
        }

        Assert.NotNull(await page.Locator("svg.risk-grid").GetAttributeAsync("aria-label"));
        Assert.NotNull(await page.Locator("svg.burn-up").GetAttributeAsync("aria-label"));
        await AssertAccessibleAsync(page);
        await page.Locator("details.picture-table summary").First.ClickAsync();
        await AssertAccessibleAsync(page);
        var name = $"dashboard-{culture}{(dark ? "-dark" : string.Empty)}";
        await LookAsync(page, "section.glance", name + "-glance");
        await LookAsync(page, "figure.burn-up-figure", name + "-burnup");
        await LookAsync(page, "figure.risk-grid-figure", name + "-riskgrid");
        if (await page.Locator("svg.sparkline").CountAsync() > 0)
        {
            await LookAsync(page, "section[aria-labelledby=off-target-title]", name + "-trends");
        }
    }

    [Theory]
    [InlineData("en-GB", false)]
    [InlineData("en-GB", true)]
    [InlineData("sv-SE", false)]
    [InlineData("sv-SE", true)]
    public async Task TheThreadMapZoomsFromTheKeyboardAndAgreesWithItsTable(string culture, bool dark)
    {
        var page = await NewPageAsync(culture);
        await SignInToAsync(page, DemoUsers.Officer, "/thread/map");
        await UseThemeAsync(page, dark, culture);

        var boxes = page.Locator("svg.thread-map a.map-node");
        Assert.Equal(await page.Locator("table.map-table tbody tr").CountAsync(), await boxes.CountAsync());
        Assert.True(await page.Locator("svg.thread-map rect.svg-mine").CountAsync() > 0);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#map-caption").TextContentAsync()));
        await AssertAccessibleAsync(page);
        var name = $"thread-map-{culture}{(dark ? "-dark" : string.Empty)}";
        await LookAsync(page, "figure.thread-map-figure", name);

        // Zoom into the first ambition from the keyboard: its box is a link like any other.
        var first = boxes.First;
        var label = await first.GetAttributeAsync("aria-label");
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/thread/map?at=*");
        var focus = await page.Locator("nav.map-where [aria-current=page]").TextContentAsync();
        Assert.StartsWith(focus!, label, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await LookAsync(page, "figure.thread-map-figure", name + "-zoomed");
    }

    [Fact]
    public async Task AThreadItemShowsItselfOnTheMap()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Officer, "/thread");
        await page.Locator("article.objective").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Show on the map" }).ClickAsync();
        await page.WaitForURLAsync("**/thread/map?at=*");

        await Assertions.Expect(page.Locator("svg.thread-map a[aria-current=true]")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);
        await LookAsync(page, "figure.thread-map-figure", "thread-map-item");
    }

    [Theory]
    [InlineData("en-GB", false)]
    [InlineData("en-GB", true)]
    [InlineData("sv-SE", false)]
    [InlineData("sv-SE", true)]
    public async Task TheStructureChartIsBoxesAndLinesThatAgreeWithItsTableOnAnyDate(string culture, bool dark)
    {
        var page = await NewPageAsync(culture);
        await SignInToAsync(page, DemoUsers.Member, "/organisation/chart?view=boxes");
        await UseThemeAsync(page, dark, culture);

        var boxes = page.Locator("svg.structure-picture a.chart-box:not(.chart-open):not(.chart-more)");
        Assert.Equal(await page.Locator("table.structure-table tbody tr").CountAsync(), await boxes.CountAsync());
        Assert.True(await page.Locator("svg.structure-picture .chart-badge").CountAsync() >= 3);
        await AssertAccessibleAsync(page);
        var name = $"structure-{culture}{(dark ? "-dark" : string.Empty)}";
        await LookAsync(page, "figure.structure-figure", name);

        // Open a director's branch (the demo's stacks are short enough to draw whole), then a box from the keyboard.
        var director = boxes.Nth(1);
        var directorId = (await director.GetAttributeAsync("href"))!.Split('/')[^1];
        var directorTitle = await page.Locator($"table.structure-table tbody tr[data-post='{directorId}'] th a").TextContentAsync();
        await GoToAsync(page, $"/organisation/chart?view=boxes&root={directorId}");
        await Assertions.Expect(page.Locator("nav.chart-where [aria-current=page]")).ToHaveTextAsync(directorTitle!);
        Assert.StartsWith(directorTitle!, await boxes.First.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await boxes.First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/organisation/posts/{directorId}");
        await GoToAsync(page, "/organisation/chart?view=boxes&on=2009-07-20");
        var vacant = await page.Locator("svg.structure-picture rect.chart-box-vacant").CountAsync();
        Assert.True(vacant > 0);
        var vacantWord = culture == "sv-SE" ? "Vakant" : "Vacant";
        Assert.Equal(vacant, await page.Locator("table.structure-table tbody td", new() { HasTextString = vacantWord }).CountAsync());
        await LookAsync(page, "figure.structure-figure", name + "-2009");
        if (!dark && culture == "en-GB")
        {
            Directory.CreateDirectory(LookDirectory);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.ScreenshotAsync(new() { Path = Path.Combine(LookDirectory, "structure-print.png"), FullPage = true });
            await page.PdfAsync(new() { Path = Path.Combine(LookDirectory, "structure-print.pdf"), PreferCSSPageSize = true });
        }
    }

    [Theory]
    [InlineData("en-GB", false)]
    [InlineData("en-GB", true)]
    [InlineData("sv-SE", false)]
    [InlineData("sv-SE", true)]
    public async Task TheMonthGridColoursEachBodyWithAKeyAndTheBodyPageDrawsAttendance(string culture, bool dark)
    {
        var page = await NewPageAsync(culture);
        await SignInToAsync(page, DemoUsers.Secretary, "/meetings?view=grid");
        await UseThemeAsync(page, dark, culture);

        var meetings = page.Locator("table.month-grid a.grid-meeting");
        Assert.True(await meetings.CountAsync() > 0);
        Assert.Equal(await meetings.CountAsync(), await page.Locator("table.month-grid a.grid-meeting[class*=body-colour-]").CountAsync());
        // Each line of the key: the body's mark, then its name.
        var key = await page.Locator("ul.body-key li").EvaluateAllAsync<string[]>("items => items.map(li => li.lastChild.textContent)");
        foreach (var text in await meetings.AllTextContentsAsync())
        {
            Assert.Contains(key, body => text.Contains(body.Trim(), StringComparison.Ordinal));
        }

        await AssertAccessibleAsync(page);
        var name = $"meetings-{culture}{(dark ? "-dark" : string.Empty)}";
        await LookAsync(page, "table.month-grid", name + "-grid");
        await LookAsync(page, "ul.body-key", name + "-key");

        await GoToAsync(page, "/meetings/bodies/emg");
        var bars = page.Locator("ul.attendance-bars svg.rag-bar[role=img]");
        var rows = page.Locator("table.attendance-table tbody tr");
        Assert.True(await bars.CountAsync() > 0);
        Assert.Equal(await rows.CountAsync(), await bars.CountAsync());
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllTextContentsAsync();
            Assert.Equal(cells.Sum(int.Parse), int.Parse((await bars.Nth(i).GetAttributeAsync("data-total"))!, System.Globalization.CultureInfo.InvariantCulture));
        }

        await AssertAccessibleAsync(page);
        await LookAsync(page, "section[aria-labelledby=attendance-title]", name + "-attendance");
    }

    private static async Task UseThemeAsync(IPage page, bool dark, string culture)
    {
        if (!dark)
        {
            return;
        }

        var (use, back) = culture == "sv-SE" ? ("Använd mörkt tema", "Använd ljust tema") : ("Use dark theme", "Use light theme");
        await page.GetByRole(AriaRole.Button, new() { Name = use }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = back })).ToBeVisibleAsync();
    }

    /// <summary>Saves the picture for a person to look at; asserts it is there.</summary>
    private static async Task LookAsync(IPage page, string selector, string name)
    {
        Directory.CreateDirectory(LookDirectory);
        await page.Locator(selector).First.ScreenshotAsync(new() { Path = Path.Combine(LookDirectory, name + ".png") });
    }

    [Fact]
    public async Task TheTablesBehindThePicturesPrintOpenWithoutTheirControls()
    {
        var page = await NewPageAsync("en-GB");
        await SignInToAsync(page, DemoUsers.Director, "/plans/1/dashboard");
        var tables = page.Locator("details.picture-table table");
        Assert.Equal(2, await tables.CountAsync());

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.False(await tables.First.IsVisibleAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        for (var i = 0; i < await tables.CountAsync(); i++)
        {
            Assert.True(await tables.Nth(i).IsVisibleAsync(), $"table {i} behind a picture is not printed");
        }

        Assert.False(await page.Locator("details.picture-table summary").First.IsVisibleAsync());

        await GoToAsync(page, "/meetings/bodies/emg");
        Assert.True(await page.Locator("details.picture-table table.attendance-table").IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 1000);
    }

    [Fact]
    public async Task AnAdministratorChoosesABodysColourAndTheMonthGridAndKeyFollow()
    {
        var page = await NewPageAsync("en-GB");
        await SignInToAsync(page, DemoUsers.Administrator, "/meetings/bodies/emg");
        var choices = page.Locator("fieldset:has(#body-colour) input[type=radio]");
        Assert.Equal(9, await choices.CountAsync());
        Assert.True(await page.Locator("#body-colour").IsCheckedAsync());
        await AssertAccessibleAsync(page);

        await page.Locator("label[for=body-colour-Red]").ClickAsync();
        await page.Locator("section[aria-labelledby=body-form-title] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=body-form-title] [aria-live=polite]")).Not.ToBeEmptyAsync();

        var found = false;
        var month = DateOnly.FromDateTime(DateTime.Today);
        for (var i = 0; i < 3 && !found; i++, month = month.AddMonths(1))
        {
            await GoToAsync(page, $"/meetings?view=grid&body=emg&month={month:yyyy-MM}");
            var meetings = page.Locator("table.month-grid a.grid-meeting");
            if (await meetings.CountAsync() == 0)
            {
                continue;
            }

            found = true;
            Assert.Equal(await meetings.CountAsync(), await page.Locator("table.month-grid a.grid-meeting.body-colour-5").CountAsync());
            Assert.Equal("✚", await meetings.First.Locator("span.body-mark").TextContentAsync());
            Assert.Equal("✚", await page.Locator("ul.body-key li span.body-swatch.body-colour-5").TextContentAsync());
            await AssertAccessibleAsync(page);
        }

        Assert.True(found, "EMG has no meeting in the next three months to show its colour");

        // Back to the colour it had, for the other tests on this demo.
        await GoToAsync(page, "/meetings/bodies/emg");
        await page.Locator("label[for=body-colour]").ClickAsync();
        await page.Locator("section[aria-labelledby=body-form-title] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=body-form-title] [aria-live=polite]")).Not.ToBeEmptyAsync();
    }
}
