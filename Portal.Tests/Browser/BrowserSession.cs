using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// The system Chromium driven by Playwright, one per test run. Without Chromium the browser tests
/// are skipped with a message saying how to install it; under CI (the CI variable set) they fail
/// instead, so CI never skips them silently.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
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

        var message = $"Chromium is not installed at {ChromiumPath}; install it with 'apt-get install -y chromium' to run the browser tests.";
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
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "Browser";
}
