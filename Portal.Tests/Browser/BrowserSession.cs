using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// The system Chromium (or Chrome, or Edge) driven by Playwright, one per test run: the one
/// <c>PORTAL_CHROMIUM</c> names, else the first Chromium-like browser on the PATH. Without one
/// the browser tests are skipped with a message saying how to install it; under CI (the CI
/// variable set) they fail instead, so CI never skips them silently.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    /// <summary>The browser the tests drive, or null when none is found.</summary>
    public static string? ChromiumPath { get; } = FindChromium();

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (ChromiumPath is null || !File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();

        // Playwright's 5 s for an expectation is tight for a two-core CI machine running the app
        // and a browser at once; a passing expectation never waits for it.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"],
        });
    }

    public IBrowser Require()
    {
        if (Browser is not null)
        {
            return Browser;
        }

        var message = ChromiumPath is not null
            ? $"PORTAL_CHROMIUM names {ChromiumPath}, which does not exist."
            : "No Chromium found: set PORTAL_CHROMIUM to a Chromium, Chrome or Edge executable, or put one on the PATH (on Debian: apt-get install -y chromium) to run the browser tests.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static string? FindChromium()
    {
        var named = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(named))
        {
            // Named and missing is a mistake to report (Require says so), not a reason to take another browser.
            return named;
        }

        string[] names = OperatingSystem.IsWindows()
            ? ["chrome.exe", "msedge.exe", "chromium.exe"]
            : ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge"];
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return names
            .SelectMany(name => folders.Select(folder => Path.Combine(folder, name)))
            .Append("/usr/bin/chromium")
            .FirstOrDefault(File.Exists);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "Browser";
}
