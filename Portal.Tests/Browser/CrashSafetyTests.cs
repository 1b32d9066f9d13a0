using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The portal as its own process, killed with SIGKILL in the middle of a stream of writes made
/// in a real browser, then started again on the same file: every write the page acknowledged is
/// there, and the file passes the integrity check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrashSafetyTests(BrowserSession session) : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private Process? _portal;
    private string _url = string.Empty;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Stop();
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesAKillAndTheFileIsSound()
    {
        var browser = session.Require();
        var ct = TestContext.Current.CancellationToken;
        await StartAsync(ct);
        var reportId = await ScalarAsync("SELECT Id FROM Reports WHERE Reference = 'CE/DP/PROGRESS'");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _url, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString($"/reports/{reportId}")}");
        await page.Locator("#email").FillAsync(DemoUsers.Officer);
        await page.Locator("#password").FillAsync(DemoUsers.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/reports/{reportId}");
        await page.Locator("body[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // A stream of writes, each a new recommendation, acknowledged when the page shows it;
        // the process is killed at a moment the writer does not choose.
        var acknowledged = new List<string>();
        using var killer = new CancellationTokenSource();
        var kill = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2_500 + Random.Shared.Next(2_000)), killer.Token);
            _portal!.Kill(entireProcessTree: true);
        }, killer.Token);
        for (var n = 1; n <= 200 && !kill.IsCompleted; n++)
        {
            var text = $"Crash test write {n}";
            try
            {
                await page.Locator("#rec-new-text").FillAsync(text, new() { Timeout = 3_000 });
                await page.Locator("#rec-new-reason").FillAsync($"Reason {n}", new() { Timeout = 3_000 });
                await page.GetByRole(AriaRole.Button, new() { Name = "Add the recommendation" }).ClickAsync(new() { Timeout = 3_000 });
                await page.Locator($"#rec-{n + 1}-text").WaitForAsync(new() { Timeout = 3_000 });
                Assert.Equal(text, await page.Locator($"#rec-{n + 1}-text").InputValueAsync());
                acknowledged.Add(text);
            }
            catch (TimeoutException)
            {
                break;
            }
            catch (PlaywrightException)
            {
                break;
            }
        }

        await kill;
        Assert.True(_portal!.WaitForExit(10_000));
        Assert.True(acknowledged.Count >= 3, $"Only {acknowledged.Count} writes were acknowledged before the kill.");

        // Started again on the same file: it opens, and everything acknowledged is there.
        await StartAsync(ct);
        Assert.Equal("ok", await ScalarStringAsync("PRAGMA integrity_check"));
        var stored = await ListAsync($"SELECT Text FROM Recommendations WHERE ReportId = {reportId} AND Text LIKE 'Crash test write %'");
        Assert.All(acknowledged, text => Assert.Contains(text, stored));
        Assert.True(stored.Count <= acknowledged.Count + 1, "At most the write in flight when the process died can be there unacknowledged.");
        using var client = new HttpClient { BaseAddress = new Uri(_url) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
        await context.DisposeAsync();
        TestContext.Current.SendDiagnosticMessage($"Crash test: {acknowledged.Count} acknowledged writes before SIGKILL, {stored.Count} stored after restart.");
    }

    private async Task StartAsync(CancellationToken ct)
    {
        var port = FreePort();
        _url = $"http://127.0.0.1:{port}";
        var portalDll = PortalProcess.PortalDll;
        Assert.True(File.Exists(portalDll), $"The portal is not built at {portalDll}.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = PortalProcess.ProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { portalDll, "--urls", _url, "--ConnectionStrings:Portal", _database.ConnectionString, "--Portal:Demo", "en", "--Portal:Backups:EveryHours", "0", "--Logging:LogLevel:Default", "Warning" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _portal = Process.Start(start)!;
        _portal.OutputDataReceived += (_, _) => { };
        _portal.ErrorDataReceived += (_, _) => { };
        _portal.BeginOutputReadLine();
        _portal.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri(_url), Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(_portal.HasExited, $"The portal exited with code {(_portal.HasExited ? _portal.ExitCode : 0)} while starting.");
            try
            {
                if ((await client.GetAsync("/health/ready", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(250, ct);
        }

        Assert.Fail("The portal did not become ready within 90 seconds.");
    }

    private void Stop()
    {
        if (_portal is { HasExited: false })
        {
            _portal.Kill(entireProcessTree: true);
            _portal.WaitForExit(10_000);
        }

        _portal?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<int> ScalarAsync(string sql) => int.Parse(await ScalarStringAsync(sql), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> ScalarStringAsync(string sql) => (await ListAsync(sql)).Single();

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = new SqliteConnection($"{_database.ConnectionString};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
