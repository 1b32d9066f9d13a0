using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Backups;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features;

/// <summary>
/// The portal, run as an administrator runs it (its own process), on a file that is not what it
/// should be: it exits with one plain line naming the file and saying what to do, no stack
/// trace, and leaves the file exactly as it was. A second portal on a file in use is refused the
/// same way; and a file that goes bad while the portal runs turns <c>/health/ready</c> Unhealthy
/// at the next backup.
/// </summary>
public sealed class DatabaseSafetyTests : IDisposable
{
    private readonly TempDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("not-a-database")]
    [InlineData("truncated")]
    [InlineData("damaged")]
    [InlineData("foreign")]
    [InlineData("foreign-ef")]
    [InlineData("pre-release")]
    public async Task StartingOnABadFileExitsWithOnePlainLineAndChangesNothing(string kind)
    {
        await DatabaseDamage.MakeAsync(kind, _database.File);
        var before = await File.ReadAllBytesAsync(_database.File, Ct);

        var (code, output, error) = await PortalProcess.RunAsync(Arguments(), TimeSpan.FromSeconds(90));

        var lines = (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"Expected one line, got {lines.Length}:\n{output}{error}");
        Assert.Equal(1, code);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Contains(_database.File, lines[0], StringComparison.Ordinal);
        Assert.Contains("did not start", lines[0], StringComparison.Ordinal);
        Assert.Contains("restore", lines[0], StringComparison.Ordinal);
        Assert.True(kind != "pre-release" || lines[0].Contains("development version", StringComparison.Ordinal), lines[0]);
        Assert.Equal(before, await File.ReadAllBytesAsync(_database.File, Ct));
        Assert.False(File.Exists(_database.File + "-wal") && new FileInfo(_database.File + "-wal").Length > 0, "Something was written to the file's WAL.");
    }

    [Fact]
    public async Task ASecondPortalOnAFileInUseExitsWithOnePlainLine()
    {
        await using var running = new PortalApp();
        running.Start();

        var (code, output, error) = await PortalProcess.RunAsync(Arguments(running.DatabaseFile), TimeSpan.FromSeconds(90));

        var line = Assert.Single((output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(2, code);
        Assert.Contains(running.DatabaseFile, line, StringComparison.Ordinal);
        Assert.Contains("in use", line, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = new Uri(running.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task ADatabaseThatGoesBadWhileThePortalRunsIsReportedUnhealthyAfterTheNextBackup()
    {
        await using var app = new PortalApp();
        app.Start();
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);

        DatabaseDamage.DamageAnIndex(app.DatabaseFile);
        SqliteConnection.ClearAllPools();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("test");
            var copy = await scope.ServiceProvider.GetRequiredService<BackupService>().TakeAsync("test", Ct);
            Assert.False(copy.IsSound);
        }

        using var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
    }

    private List<string> Arguments(string? file = null) =>
    [
        "--urls", "http://127.0.0.1:0", "--ConnectionStrings:Portal", $"Data Source={file ?? _database.File}",
        "--Portal:Demo", "en", "--Portal:Backups:EveryHours", "0",
    ];
}
