using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Benchmarks;
using Portal.Tests.Benchmarks.Baseline;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Load;

/// <summary>
/// The browserless driver checked against Chromium at a small N: the same interactions on the
/// same pages (a filter changed and changed back on the director's dashboard, three clicks on
/// the stock Counter) give the same text, the same number of render batches, and times from the
/// event sent to its result batch within a stated margin of Chromium's on the wire (the DevTools
/// protocol's frames: event out, batch in).
/// </summary>
public sealed class LoadDriverBrowserTests(BrowserSession session, ITestOutputHelper output) : BrowserTest(session)
{
    private const int Circuits = 10;

    /// <summary>
    /// The margin: either median at most twice the other's plus this much. Both time the same
    /// server work over the same loopback, the driver without a page to lay out; on a shared two-core
    /// machine either can wait a scheduler slice or two.
    /// </summary>
    private const double MarginMs = 30;

    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Portal:MaxCircuitsPerUser"] = "100",
        ["Portal:RateLimits:SignInPerAddress"] = "0",
        ["Portal:RateLimits:SignInPerAccount"] = "0",
    };

    /// <summary>The director's dashboard is interactive once its priority filter has a change handler.</summary>
    public static bool DashboardReady(PageTree page) => page.ById("filter-priority")?.Handlers.ContainsKey("change") == true;

    /// <summary>The Counter is interactive once its button has a click handler.</summary>
    public static bool CounterReady(PageTree page) => page.First("button")?.Handlers.ContainsKey("click") == true;

    [Fact]
    public async Task TheDriverSeesTheDashboardFilterAsChromiumDoes()
    {
        var planId = await App.QueryAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct));
        var path = $"/plans/{planId}/dashboard";
        var pages = new List<IPage>();
        for (var i = 0; i < Circuits; i++)
        {
            var page = await NewPageAsync();
            await SignInToAsync(page, DemoUsers.Director, path);
            pages.Add(page);
        }

        var (http, cookies) = await SignIn.ClientAsync(App.BaseUrl, DemoUsers.Director, DemoUsers.Password, Ct);
        var circuits = new List<BlazorCircuit>();
        try
        {
            for (var i = 0; i < Circuits; i++)
            {
                circuits.Add(await BlazorCircuit.OpenAsync(http, cookies, path, DashboardReady, Ct));
            }

            output.WriteLine(circuits[0].Read(Census));
            var priority = await pages[0].Locator("#filter-priority option").Nth(1).GetAttributeAsync("value");
            Assert.False(string.IsNullOrEmpty(priority));
            var browser = new Measured();
            var driver = new Measured();
            for (var i = 0; i < Circuits; i++)
            {
                AssertSameText(pages[i], circuits[i], "as opened", await SectionsAsync(pages[i]));
                foreach (var value in new[] { priority!, string.Empty })
                {
                    var step = value.Length == 0 ? "filter cleared" : $"filtered to priority {value}";
                    await using (var wire = await LoadBenchmark.Wire.AttachAsync(pages[i]))
                    {
                        await pages[i].EvaluateAsync("v => { const s = document.querySelector('#filter-priority'); s.value = v; s.dispatchEvent(new Event('change', { bubbles: true })); }", value);
                        var answer = await wire.AnswersAsync(1);
                        Assert.Single(answer);
                        await SettleAsync(wire);
                        browser.Add(answer[0], wire.BatchCount);
                    }

                    var sent = await circuits[i].DispatchAsync("filter-priority", "change", new { value }, value, Ct);
                    var first = await circuits[i].BatchAsync(sent.BatchesBefore, Ct);
                    await circuits[i].SettleAsync(sent, Quiet, Ct);
                    driver.Add(Stopwatch.GetElapsedTime(sent.At, first).TotalMilliseconds, circuits[i].Batches - sent.BatchesBefore);
                    Assert.Equal(value.Length == 0 ? string.Empty : "priority=" + value, circuits[i].Location.Query.TrimStart('?').Split('&').FirstOrDefault(q => q.StartsWith("priority=", StringComparison.Ordinal)) ?? string.Empty);
                    AssertSameText(pages[i], circuits[i], step, await SectionsAsync(pages[i]));
                }
            }

            Report("a dashboard filter", driver, browser);
        }
        finally
        {
            foreach (var circuit in circuits)
            {
                await circuit.DisposeAsync();
            }

            http.Dispose();
        }
    }

    [Fact]
    public async Task TheDriverSeesTheCounterAsChromiumDoes()
    {
        await using var counter = await BaselineHost.StartAsync();
        var (http, cookies) = await SignIn.ClientAsync(counter.BaseUrl, null, null, Ct);
        var browser = new Measured();
        var driver = new Measured();
        try
        {
            for (var i = 0; i < Circuits; i++)
            {
                var page = await NewPageAsync(baseUrl: counter.BaseUrl);
                await using var wire = await LoadBenchmark.Wire.AttachAsync(page);
                await page.GotoAsync("/counter");
                await WaitAsync(() => wire.BatchCount > 0, "the Counter's first batch");
                await SettleAsync(wire);
                await using var circuit = await BlazorCircuit.OpenAsync(http, cookies, "/counter", CounterReady, Ct);
                for (var click = 1; click <= 3; click++)
                {
                    var before = wire.BatchCount;
                    await page.EvaluateAsync("() => document.querySelector('button').click()");
                    var answer = await wire.AnswersAsync(click);
                    await SettleAsync(wire);
                    browser.Add(answer[^1], wire.BatchCount - before);

                    var sent = await circuit.DispatchAsync(t => t.First("button"), "click", new { type = "click", detail = 1 }, null, Ct);
                    var first = await circuit.BatchAsync(sent.BatchesBefore, Ct);
                    await circuit.SettleAsync(sent, Quiet, Ct);
                    driver.Add(Stopwatch.GetElapsedTime(sent.At, first).TotalMilliseconds, circuit.Batches - sent.BatchesBefore);

                    var expected = $"Current count: {click}";
                    Assert.Equal(expected, PageContainer.Normalise(await page.Locator("p[role=status]").TextContentAsync() ?? string.Empty));
                    Assert.Equal(expected, circuit.Read(t => t.Elements().First(e => e.Name == "p").Text()));
                }
            }
        }
        finally
        {
            http.Dispose();
        }

        Report("the stock Counter's button", driver, browser);
    }

    /// <summary>What the page holds, as a pointer to what its circuit keeps: elements, attributes and text, in all and under each section and picture.</summary>
    private static string Census(PageTree page)
    {
        static (int Elements, int Attributes, int Texts) Count(PageContainer node)
        {
            var elements = node.Elements().ToList();
            var texts = elements.Sum(e => e.Children.Count(c => c is TextNode or MarkupNode)) + node.Children.Count(c => c is TextNode or MarkupNode);
            return (elements.Count, elements.Sum(e => e.Attributes.Count + e.Handlers.Count), texts);
        }

        var all = page.Roots.Select(Count).Aggregate((0, 0, 0), (a, b) => (a.Item1 + b.Elements, a.Item2 + b.Attributes, a.Item3 + b.Texts));
        var parts = page.Elements().Where(e => e.Name is "section" or "svg")
            .Select(e => (Name: e.Name == "svg" ? "svg" : e.Attributes.GetValueOrDefault("aria-labelledby") ?? "section", Count: Count(e)))
            .GroupBy(p => p.Name)
            .Select(g => $"{g.Key} x{g.Count()}: {g.Sum(p => p.Count.Elements)} elements, {g.Sum(p => p.Count.Attributes)} attributes");
        return $"The dashboard as the driver holds it: {all.Item1} elements, {all.Item2} attributes and handlers, {all.Item3} texts; {string.Join("; ", parts)}";
    }

    /// <summary>The dashboard's sections that a filter changes, by the id of their heading: each section's text in Chromium.</summary>
    private static async Task<Dictionary<string, string>> SectionsAsync(IPage page)
    {
        var texts = new Dictionary<string, string>();
        foreach (var id in new[] { "counts-title", "overdue-title", "off-target-title" })
        {
            texts[id] = PageContainer.Normalise(await page.EvaluateAsync<string>("id => document.getElementById(id).closest('section').textContent", id));
        }

        return texts;
    }

    private static void AssertSameText(IPage page, BlazorCircuit circuit, string step, Dictionary<string, string> browser)
    {
        foreach (var (id, text) in browser)
        {
            var driven = circuit.Read(tree =>
            {
                // The section is the page's element, or markup the page holds (the dashboard's shared parts carry their own sections).
                PageNode? node = tree.ById(id);
                while (node is not null && node is not ElementNode { Name: "section" })
                {
                    node = node.Parent;
                }

                var markup = node is null ? MarkupHolding(tree.Roots, $"id=\"{id}\"") : null;
                return (node as ElementNode)?.Text() ?? (markup is null ? null : PageContainer.Normalise(TextOf(markup)));
            });
            Assert.True(text == driven, $"{step}: the section under #{id} reads differently.\nChromium ({page.Url}): {text}\nDriver ({circuit.Location}): {driven}");
        }
    }

    private static MarkupNode? MarkupHolding(IEnumerable<PageNode> nodes, string fragment)
    {
        foreach (var node in nodes)
        {
            var found = node switch
            {
                MarkupNode markup when markup.Markup.Contains(fragment, StringComparison.Ordinal) => markup,
                PageContainer container => MarkupHolding(container.Children, fragment),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string TextOf(PageNode node)
    {
        var text = new System.Text.StringBuilder();
        node.AppendText(text);
        return text.ToString();
    }

    private void Report(string what, Measured driver, Measured browser)
    {
        var driverMedian = BenchmarkReport.Percentile(driver.Times, 0.5);
        var browserMedian = BenchmarkReport.Percentile(browser.Times, 0.5);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0}, {1} circuits: driver median {2:F1} ms (batches {3}), Chromium on the wire median {4:F1} ms (batches {5}); margin: each median at most twice the other plus {6} ms",
            what, Circuits, driverMedian, string.Join(',', driver.Batches), browserMedian, string.Join(',', browser.Batches), MarginMs));

        // The same batches: every interaction's count the same in the driver as in Chromium, allowing
        // one interaction in ten to differ (a batch the server coalesced on one side and not the other).
        var differ = driver.Batches.Zip(browser.Batches).Count(pair => pair.First != pair.Second);
        Assert.True(differ * 10 <= driver.Batches.Count, $"{differ} of {driver.Batches.Count} interactions had a different number of render batches: driver {string.Join(',', driver.Batches)}, Chromium {string.Join(',', browser.Batches)}");
        Assert.All(driver.Batches, count => Assert.True(count >= 1));
        Assert.True(driverMedian <= (2 * browserMedian) + MarginMs, $"driver {driverMedian:F1} ms against Chromium's {browserMedian:F1} ms");
        Assert.True(browserMedian <= (2 * driverMedian) + MarginMs, $"Chromium {browserMedian:F1} ms against the driver's {driverMedian:F1} ms");
    }

    /// <summary>Waits until no render batch has reached the page for <see cref="Quiet"/>.</summary>
    private static async Task SettleAsync(LoadBenchmark.Wire wire)
    {
        var seen = -1;
        while (seen != wire.BatchCount)
        {
            seen = wire.BatchCount;
            await Task.Delay(Quiet, Ct);
        }
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 30_000, $"Waited 30 s for {what}.");
            await Task.Delay(20, Ct);
        }
    }

    private sealed class Measured
    {
        public List<double> Times { get; } = [];

        public List<int> Batches { get; } = [];

        public void Add(double ms, int batches)
        {
            Times.Add(ms);
            Batches.Add(batches);
        }
    }
}
