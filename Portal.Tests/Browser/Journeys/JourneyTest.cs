using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser.Journeys;

/// <summary>
/// A person's ordinary day in the portal, walked in a real browser over the seeded demo on
/// today's date (the portal's own <see cref="TimeProvider"/>), asserting what the person reads.
/// On the way every page is scanned with axe (once per page and screen), must fit its screen
/// without scrolling sideways with every control of the top bar on it, and by the end the
/// server must have logged no error.
/// </summary>
public abstract class JourneyTest(BrowserSession session) : BrowserTest(session)
{
    public static readonly ViewportSize Laptop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static readonly ResourceManager PortalText = new("Portal.Resources.Text", typeof(Portal.Resources.Text).Assembly);

    private readonly CapturedLogs _logs = new();
    private readonly HashSet<string> _scanned = [];

    protected override ILoggerProvider? Logs => _logs;

    /// <summary>Today as the portal sees it: the day the demo was seeded around.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(App.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);

    /// <summary>The screen sizes the public-facing journeys are walked at: a laptop, a phone and a tablet.</summary>
    public static TheoryData<string> Screens => new() { "laptop", "phone", "tablet" };

    protected static ViewportSize Screen(string name) => name switch
    {
        "phone" => Phone,
        "tablet" => Tablet,
        _ => Laptop,
    };

    /// <summary>
    /// The person has arrived on a page whose main heading begins <paramref name="heading"/> (a
    /// meeting's goes on with its date): the page fits the screen, and is scanned with axe the
    /// first time the journey passes it.
    /// </summary>
    protected async Task ArriveAsync(IPage page, string heading)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^" + Regex.Escape(heading)));
        await PassAsync(page);
    }

    /// <summary>Checks the page the person is on fits their screen, and scans it with axe once per journey.</summary>
    protected async Task PassAsync(IPage page)
    {
        await AssertFitsTheScreenAsync(page);
        var key = $"{page.ViewportSize?.Width}:{new Uri(page.Url).PathAndQuery}";
        if (_scanned.Add(key))
        {
            await AssertAccessibleAsync(page);
        }
    }

    /// <summary>Follows a link of the main menu, opening the menu first where the screen is too narrow to show it.</summary>
    protected static async Task UseMenuAsync(IPage page, string link)
    {
        var target = page.Locator("#portal-navigation").GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
        if (!await target.IsVisibleAsync())
        {
            await page.Locator(".shell-bar > button").First.ClickAsync();
            await Assertions.Expect(target).ToBeVisibleAsync();
        }

        await target.ClickAsync();
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Fails if the server logged an error at any point of the journey (a failed render, a refused query, an unhandled exception).</summary>
    protected void AssertTheServerLoggedNoErrors()
    {
        var errors = _logs.AtLeast(LogLevel.Error);
        Assert.True(errors.Count == 0, $"The server logged {errors.Count} error(s) on the way:\n{string.Join("\n", errors)}");
    }

    /// <summary>The portal's own words for <paramref name="key"/> in <paramref name="culture"/>: what the person reads on a button, a link or a heading.</summary>
    protected static string Words(string culture, string key, params object[] args)
    {
        var language = CultureInfo.GetCultureInfo(culture);
        var text = PortalText.GetString(key, language) ?? throw new ArgumentException($"The portal has no text '{key}'.", nameof(key));
        return string.Format(language, text, args);
    }

    /// <summary>A date as the portal writes it in a list ("15 Nov 2026", "22 nov. 2026"), read back.</summary>
    protected static DateOnly ReadShortDate(string text, string culture = "en-GB") =>
        DateOnly.ParseExact(text.Trim(), "d MMM yyyy", CultureInfo.GetCultureInfo(culture));

    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
                const width = document.documentElement.clientWidth;
                const problems = [];
                if (document.documentElement.scrollWidth > width) {
                    problems.push(`the page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen, so it scrolls sideways`);
                }
                for (const control of document.querySelectorAll('.shell-bar a, .shell-bar button')) {
                    const box = control.getBoundingClientRect();
                    if (box.width === 0 || box.left < 0 || box.right > width) {
                        const name = (control.textContent || '').trim() || control.getAttribute('aria-label');
                        problems.push(`the top bar's "${name}" is not on the screen (${Math.round(box.left)} to ${Math.round(box.right)} of ${width}px)`);
                    }
                }
                return problems;
            }
            """);
        Assert.True(problems.Length == 0, $"{page.Url} does not fit a {page.ViewportSize?.Width}px screen: {string.Join("; ", problems)}");
    }
}
