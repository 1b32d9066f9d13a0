using System.Net;
using Portal.Infrastructure.Backups;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using Portal.Tests.Security;

namespace Portal.Tests.Features.Admin;

/// <summary>
/// The restore command as an administrator types it (the built portal, its own process): it
/// refuses while a portal is running on the database, moving nothing; it says what it needs
/// when no file is named; and with the portal stopped it puts the copy in place.
/// </summary>
public sealed class RestoreCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARestoreWhileThePortalRunsIsRefusedAndMovesNothing()
    {
        await using var app = new PortalApp();
        app.Start();
        var folder = Path.GetDirectoryName(app.DatabaseFile)!;
        var copy = await DatabaseBackup.TakeAsync($"Data Source={app.DatabaseFile}", Path.Combine(folder, "backups"), DateTime.UtcNow, Ct);
        var before = FilesIn(folder);

        var (code, output, error) = await PortalProcess.RunAsync(["restore", copy.Path, "--ConnectionStrings:Portal", $"Data Source={app.DatabaseFile}"], TimeSpan.FromSeconds(60));

        var line = Assert.Single((output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(2, code);
        Assert.StartsWith("Refused: a portal is running on " + app.DatabaseFile, line, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", line, StringComparison.Ordinal);
        Assert.Equal(before, FilesIn(folder));
        Assert.Empty(Directory.GetFiles(folder, "*before-restore*"));
        Assert.True(DatabaseBackup.CheckLive(app.DatabaseFile).IsSound);
        using var client = await PortalHttp.ClientAsync(app.BaseUrl, DemoUsers.Officer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organisation", Ct)).StatusCode);
    }

    [Fact]
    public async Task WithThePortalStoppedTheRestorePutsTheCopyInPlace()
    {
        using var database = new TempDatabase();
        await DemoTemplates.CopyToAsync("en", realTime: true, database.File);
        var copy = await DatabaseBackup.TakeAsync(database.ConnectionString, Path.Combine(database.Folder, "backups"), DateTime.UtcNow, Ct);

        var (code, output, _) = await PortalProcess.RunAsync(["restore", copy.Path, "--ConnectionStrings:Portal", database.ConnectionString], TimeSpan.FromSeconds(60));

        Assert.True(code == 0, output);
        Assert.StartsWith("Restored " + copy.Path, output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(database.Folder, "portal.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        Assert.True(DatabaseBackup.Check(database.File).IsSound);
    }

    [Theory]
    [InlineData("restore")]
    [InlineData("restore|")]
    [InlineData("restore|   ")]
    [InlineData("restore|--ConnectionStrings:Portal|Data Source=/tmp/portal-tests/nowhere.db")]
    public async Task ARestoreWithNoFileSaysWhatItNeeds(string arguments)
    {
        var (code, output, error) = await PortalProcess.RunAsync(arguments.Split('|'), TimeSpan.FromSeconds(60));

        var line = Assert.Single((output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(2, code);
        Assert.StartsWith("Name the backup to restore: dotnet run --project Portal -- restore <backup file>", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The files a restore could move, leaving out SQLite's own -wal and -shm, which the running
    /// portal's connections create and remove as they open and close.
    /// </summary>
    private static List<string> FilesIn(string folder) =>
        [.. Directory.GetFiles(folder).Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
