using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deployment;

/// <summary>
/// <c>Portal check</c> run as an administrator runs it (the built Portal.dll in Production, as the
/// published one is): each setting on its own line with ok, a note or what to fix, and an exit
/// code that says whether anything must be fixed. It changes nothing: no database is made.
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ACouncilsSettingsBehindAProxyHaveNothingToFix()
    {
        var (exitCode, output, _) = await CheckAsync(
            $"--ConnectionStrings:Portal=Data Source={_database.File}",
            "--Portal:PublicUrl=https://portal.council.example/",
            "--Portal:KnownProxies=127.0.0.1");

        Assert.Equal(0, exitCode);
        Assert.Contains("ok    Environment: Production", output, StringComparison.Ordinal);
        Assert.Contains("ok    Public URL: https://portal.council.example/", output, StringComparison.Ordinal);
        Assert.Contains($"ok    Database: {_database.File} (not there yet: made at first start)", output, StringComparison.Ordinal);
        Assert.Contains($"ok    Backups: {Path.Combine(_database.Folder, "backups")} (writable", output, StringComparison.Ordinal);
        Assert.Contains("note  Data-protection keys: kept in the database", output, StringComparison.Ordinal);
        Assert.Contains("not encrypted at rest", output, StringComparison.Ordinal);
        Assert.Contains("ok    Reverse proxies: forwarded headers believed only from 127.0.0.1", output, StringComparison.Ordinal);
        Assert.Contains("ok    Sign-in provider: none configured", output, StringComparison.Ordinal);
        Assert.Contains("Telemetry: off", output, StringComparison.Ordinal);
        Assert.EndsWith("Nothing to fix.", output.TrimEnd(), StringComparison.Ordinal);
        Assert.False(File.Exists(_database.File), "The check made the database.");
    }

    [Fact]
    public async Task WhatMustBeFixedIsNamedAndTheExitCodeSaysSo()
    {
        await File.WriteAllTextAsync(_database.File, "not a database at all, but long enough to be read as one and refused", TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await CheckAsync(
            $"--ConnectionStrings:Portal=Data Source={_database.File}",
            "--Portal:Demo=en",
            "--Portal:KnownProxies=proxy.council",
            "--Portal:Authentication:Oidc:Authority=http://127.0.0.1:9/",
            "--Portal:DataProtection:CertificatePath=" + Path.Combine(_database.Folder, "missing.pfx"));

        Assert.Equal(1, exitCode);
        Assert.Contains("FIX   Public URL: not set", output, StringComparison.Ordinal);
        Assert.Contains("FIX   Installation: the EnglishDemo, whose passwords are published", output, StringComparison.Ordinal);
        Assert.Contains($"FIX   Database: {_database.File}: it cannot be read as a database", output, StringComparison.Ordinal);
        Assert.Contains("FIX   Data-protection keys: Portal:DataProtection:CertificatePath names", output, StringComparison.Ordinal);
        Assert.Contains("FIX   Reverse proxies: Portal:KnownProxies must list IP addresses such as 10.0.0.5, not \"proxy.council\".", output, StringComparison.Ordinal);
        Assert.Contains("FIX   Sign-in provider: http://127.0.0.1:9/.well-known/openid-configuration could not be reached", output, StringComparison.Ordinal);
        Assert.EndsWith("6 to fix before the portal runs for real.", output.TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(error);
    }

    private static Task<(int ExitCode, string Output, string Error)> CheckAsync(params string[] settings) =>
        PortalProcess.RunAsync(["check", .. settings], TimeSpan.FromSeconds(60));
}
