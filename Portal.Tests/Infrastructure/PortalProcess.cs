using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>The built portal (Portal.dll beside this test build) run as its own process, as an administrator would run it, with what it printed.</summary>
public static class PortalProcess
{
    private static readonly string Tests = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>The repository's folder (the one with Portal.sln), four above this test build (Portal.Tests/bin/Debug/net10.0).</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(Tests, "..", "..", "..", ".."));

    public static string PortalDll =>
        Path.Combine(RepositoryRoot, "Portal", "bin", Path.GetFileName(Path.GetDirectoryName(Tests)!), Path.GetFileName(Tests), "Portal.dll");

    /// <summary>The Portal project's folder, where <c>dotnet run --project Portal</c> runs it from (its content root, with wwwroot).</summary>
    public static string ProjectFolder => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(PortalDll)!, "..", "..", ".."));

    /// <summary>Runs the portal with <paramref name="arguments"/> until it exits (or <paramref name="timeout"/> passes, which fails the test); returns its exit code and everything it wrote, standard output then standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, TimeSpan timeout, string environment = "Production")
    {
        Assert.True(File.Exists(PortalDll), $"The portal is not built at {PortalDll}.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(PortalDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The portal was still running after {timeout.TotalSeconds} s: {await output}{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
