using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// A browser test: its own app on its own temp database, and fresh browser contexts (one per
/// person) in the shared Chromium. Helpers wait for the circuit before clicking, and scan pages
/// with axe for WCAG 2.2 A and AA.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserSession session) : IAsyncLifetime
{
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    private readonly List<IBrowserContext> _contexts = [];

    protected PortalApp App { get; private set; } = default!;

    /// <summary>Which demo council the app seeds: "en" (York) or "sv" (Nybro).</summary>
    protected virtual string Demo => "en";

    /// <summary>Settings the app starts with besides the test defaults (a lower limit, say).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>Where the app's log lines go besides the console, for a test that reads them.</summary>
    protected virtual Microsoft.Extensions.Logging.ILoggerProvider? Logs => null;

    public ValueTask InitializeAsync()
    {
        session.Require();
        App = new PortalApp(Demo, Settings, Logs);
        App.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await App.DisposeAsync();
    }

    /// <summary>A new person at a new browser: their own cookies, in the given language, on a screen of the given size (a laptop's unless said), at the app (or at <paramref name="baseUrl"/>, a proxy in front of it).</summary>
    protected async Task<IPage> NewPageAsync(string? culture = null, ViewportSize? screen = null, string? baseUrl = null)
    {
        var context = await session.Require().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? App.BaseUrl,
            Locale = culture ?? "en-GB",
            ViewportSize = screen ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous, for a two-core CI machine running a browser beside the app; a passing step
        // never waits for it.
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Goes to <paramref name="path"/> and waits until the circuit is live (buttons work).</summary>
    protected static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Opens <paramref name="path"/> as served (prerendered, before the circuit starts) and scans it with axe: for pages only read, not used.</summary>
    protected static async Task ScanAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("h1").First.WaitForAsync();
        await AssertAccessibleAsync(page);
    }

    protected static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("body[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    protected static async Task SignInAsync(IPage page, string email, string password = DemoUsers.Password, string returnUrl = "/")
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Signs in and lands, interactive, on <paramref name="path"/>.</summary>
    protected static async Task SignInToAsync(IPage page, string email, string path)
    {
        await SignInAsync(page, email, returnUrl: path);
        // The circuit starting is the sign that matters; waiting for the page's load event as well
        // hung once on a busy CI machine after the address had already changed.
        await page.WaitForURLAsync("**" + path, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Signs in and opens an organisation unit's page from the structure, by its name.</summary>
    protected static async Task OpenUnitAsync(IPage page, string email, string unitName)
    {
        await SignInToAsync(page, email, "/organisation");
        await page.GetByRole(AriaRole.Link, new() { Name = unitName, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(unitName);
    }

    /// <summary>Saves a screenshot for a person to look at (TestResults/screenshots); asserts nothing.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"),
                FullPage = true,
                Timeout = 15_000,
            });
        }
        catch (TimeoutException)
        {
            // A screenshot is kept for people to look at, not asserted on: Chromium on a loaded
            // machine sometimes never finishes one, and that says nothing about the page.
            Console.WriteLine($"Screenshot '{name}' not taken: Chromium did not finish it in 15 s.");
        }
    }

    /// <summary>
    /// Runs axe-core (the copy Deque's package bundles) with the WCAG 2.2 A and AA rules over the
    /// whole document, and fails listing every violation.
    /// </summary>
    /// <remarks>
    /// Run in the page itself, as axe's own <c>axe.run</c>: the package's <c>RunAxe</c> finishes
    /// every scan in a new blank page, which is there for cross-origin frames (the portal has no
    /// frames) and made each scan about three times as long (2.5 s a page against 0.8 s here),
    /// minutes of the suite across a hundred scans. Every rule the tags name still runs.
    /// </remarks>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<string[]>("""
            async () => {
                const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                    resultTypes: ['violations'],
                });
                return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        Assert.True(violations.Length == 0, $"axe found {violations.Length} violation(s) on {page.Url}:\n{string.Join('\n', violations)}");
    }
}
