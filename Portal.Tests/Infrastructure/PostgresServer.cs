using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Portal.Tests.Infrastructure.PostgresServerCleanup))]

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server of the test run's own: made by <c>initdb</c> in a temp folder, started
/// by <c>pg_ctl</c> on a free loopback port (no Unix socket, trust on loopback only), one per
/// test process, stopped and deleted when the run ends (<see cref="PostgresServerCleanup"/>).
/// Each test gets a database of its own, copied from a template in one statement. The binaries are
/// found on the PATH, in <c>PORTAL_POSTGRES_BIN</c> or in Debian's /usr/lib/postgresql/N/bin;
/// Debian's server will not run as root, so as root it runs as the <c>postgres</c> user. Missing
/// binaries skip the test, or fail it when <c>CI</c> is set.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static int _next;

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string folder, bool asPostgresUser, int port)
    {
        _bin = bin;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public static bool Started => Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully;

    /// <summary>The run's server, started on first use; skips (or, on CI, fails) the calling test when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer> RequireAsync()
    {
        RequireInstalled();
        return await Shared.Value;
    }

    private static void RequireInstalled()
    {
        if (FindBin() is null)
        {
            const string message = "PostgreSQL is not installed: put initdb and pg_ctl on the PATH, set PORTAL_POSTGRES_BIN, or on Debian apt-get install -y postgresql.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }
    }

    /// <summary>
    /// A server of the calling test's own, apart from the run's, for a test that stops and starts it
    /// (<see cref="Pause"/>, <see cref="Resume"/>) without disturbing the others; <see cref="Stop"/> it at the end.
    /// </summary>
    public static async Task<PostgresServer> StartOwnAsync()
    {
        RequireInstalled();
        return await StartAsync();
    }

    /// <summary>Stops the server as an administrator would for a restart (its connections closed), keeping its data.</summary>
    public void Pause() => Run("pg_ctl", $"-D {Data} -m fast -w stop");

    /// <summary>Starts the paused server again, on the same port with the same data.</summary>
    public void Resume() => Run("pg_ctl", $"-D {Data} -l {Path.Combine(_folder, "server.log")} -w -t 60 start");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = "portal",
            Database = database,
            Pooling = true,
            MaxPoolSize = 20,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>A new empty database, or a copy of <paramref name="template"/>; its name.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null, string? name = null)
    {
        name ??= $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _next)}";
        // Copies of one template are made one at a time: PostgreSQL refuses a copy while the template is in use.
        await Creating.WaitAsync();
        try
        {
            await ExecuteAsync(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Creating.Release();
        }

        return name;
    }

    public async Task DropDatabaseAsync(string name)
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Runs one statement on the server's maintenance database.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the server (immediately: its databases are throwaway) and deletes its folder.</summary>
    internal void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        Run("pg_ctl", $"-D {Data} -m immediate -w stop", throwOnFailure: false);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp clean-up.
        }
    }

    internal static void StopIfStarted()
    {
        if (Started)
        {
            Shared.Value.Result.Stop();
        }
    }

    private string Data => Path.Combine(_folder, "data");

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException("PostgreSQL is not installed.");
        var asPostgresUser = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", $"postgres-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (asPostgresUser)
        {
            RunTool("chown", $"postgres:postgres {folder}");
        }

        for (var attempt = 1; ; attempt++)
        {
            var server = new PostgresServer(bin, folder, asPostgresUser, FreePort());
            try
            {
                server.Initialise();
                server.Run("pg_ctl", $"-D {server.Data} -l {Path.Combine(folder, "server.log")} -w -t 60 start");
                await server.ExecuteAsync("SELECT 1");
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between choosing it and binding it: choose again.
                server.Run("pg_ctl", $"-D {server.Data} -m immediate -w stop", throwOnFailure: false);
            }
        }
    }

    private void Initialise()
    {
        if (!Directory.Exists(Data))
        {
            var locale = Run("locale", "-a", throwOnFailure: false).Contains("C.utf8", StringComparison.OrdinalIgnoreCase) ? "--locale=C.UTF-8" : "--no-locale";
            Run("initdb", $"-D {Data} -U portal --auth=trust --encoding=UTF8 {locale} --no-sync --no-instructions");
        }

        // Loopback only, no Unix socket, and nothing flushed to disk: a throwaway server for tests.
        File.WriteAllText(Path.Combine(Data, "postgresql.auto.conf"), $"""
            port = {Port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 300
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            """);
    }

    private string Run(string tool, string arguments, bool throwOnFailure = true)
    {
        var path = tool == "locale" ? tool : Path.Combine(_bin, tool);
        return _asPostgresUser && tool != "locale"
            ? RunTool("runuser", $"-u postgres -- {path} {arguments}", throwOnFailure)
            : RunTool(path, arguments, throwOnFailure);
    }

    private static string RunTool(string file, string arguments, bool throwOnFailure = true)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        }) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {arguments} took over two minutes.");
        }

        if (process.ExitCode != 0 && throwOnFailure)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }

        return output.Result;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    private static string? FindBin()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PORTAL_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        // A symlink on the PATH (as /usr/local/bin/pg_ctl here) is followed to its folder, where initdb's own tools are.
        return candidates
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .Select(d => Path.GetDirectoryName(new FileInfo(Path.Combine(d, "pg_ctl")).ResolveLinkTarget(returnFinalTarget: true)?.FullName) ?? d)
            .FirstOrDefault();
    }
}

/// <summary>Stops the run's PostgreSQL server, if a test started one, when the test assembly is done.</summary>
public sealed class PostgresServerCleanup : IDisposable
{
    public void Dispose() => PostgresServer.StopIfStarted();
}
