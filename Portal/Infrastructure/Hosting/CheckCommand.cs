using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;
using Portal.Infrastructure.Backups;

namespace Portal.Infrastructure.Hosting;

/// <summary>
/// <c>dotnet run --project Portal -- check</c> (or <c>dotnet Portal.dll check</c>): reads the
/// configuration exactly as the portal would start with it and prints, one line each, every
/// setting that matters for running it for real (environment, public address, database and its
/// integrity, backups folder, keys, proxies, sign-in provider, telemetry) with "ok", a note, or
/// what to fix. Changes nothing (it may create the backups folder, as the portal would). Exit
/// code 0 when nothing must be fixed, 1 otherwise.
/// </summary>
public static class CheckCommand
{
    public const int NothingToFix = 0;
    public const int SomethingToFix = 1;

    public static bool IsCheck(string[] args) => args is ["check", ..];

    /// <summary>The arguments left for configuration once the command is taken off.</summary>
    public static string[] ConfigurationArguments(string[] args) => IsCheck(args) ? args[1..] : args;

    public static async Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        var production = !environment.IsDevelopment();
        var lines = new List<Line>
        {
            production
                ? new Line(Status.Ok, "Environment", environment.EnvironmentName)
                : new Line(Status.Note, "Environment", $"{environment.EnvironmentName}: for trying the portal out; a council's portal runs with ASPNETCORE_ENVIRONMENT=Production"),
            PublicUrl(configuration, production),
        };
        lines.AddRange(Database(configuration, environment, production));
        lines.Add(Backups(configuration, environment));
        lines.Add(Keys(configuration));
        lines.Add(Proxies(configuration));
        lines.Add(await OidcAsync(configuration, ct));
        lines.Add(new Line(Status.Ok, "Telemetry", PortalTelemetry.Describe(configuration)));

        foreach (var line in lines)
        {
            var mark = line.Status switch { Status.Ok => "ok  ", Status.Note => "note", _ => "FIX " };
            await output.WriteLineAsync($"{mark}  {line.Setting}: {line.Text}");
        }

        var toFix = lines.Count(l => l.Status == Status.Fix);
        await output.WriteLineAsync(toFix == 0 ? "Nothing to fix." : $"{toFix} to fix before the portal runs for real.");
        return toFix == 0 ? NothingToFix : SomethingToFix;
    }

    private static Line PublicUrl(IConfiguration configuration, bool production)
    {
        var value = configuration["Portal:PublicUrl"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new Line(production ? Status.Fix : Status.Note, "Public URL",
                "not set: links in invitations and calendar feeds would name the address the server listens on. Set Portal:PublicUrl=https://portal.council.gov.uk/");
        }

        if (!PublicAddress.TryRead(value, out var url))
        {
            return new Line(Status.Fix, "Public URL", $"\"{value}\" is not a whole address such as https://portal.council.gov.uk/ (the portal will not start)");
        }

        return url.Scheme == Uri.UriSchemeHttps
            ? new Line(Status.Ok, "Public URL", url.ToString())
            : new Line(production ? Status.Fix : Status.Note, "Public URL", $"{url} is not HTTPS: people's sign-ins would cross the network readable");
    }

    private static IEnumerable<Line> Database(IConfiguration configuration, IHostEnvironment environment, bool production)
    {
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        InstallationKind kind;
        try
        {
            kind = options.Kind;
        }
        catch (InvalidOperationException ex)
        {
            return [new Line(Status.Fix, "Portal:Demo", ex.Message)];
        }

        var demo = kind == InstallationKind.Council
            ? new Line(Status.Ok, "Installation", "the council's own record (no demo)")
            : new Line(production ? Status.Fix : Status.Note, "Installation", $"the {kind}, whose passwords are published: set Portal:Demo=none for real use");
        if (PortalDatabase.Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            return [demo, Postgres(configuration, environment)];
        }

        var connectionString = SqliteSetup.ConnectionString(configuration, environment.ContentRootPath);
        var file = DatabaseBackup.DatabaseFile(connectionString);
        if (file == ":memory:")
        {
            return [demo, new Line(production ? Status.Fix : Status.Note, "Database", "in memory: everything is lost when the portal stops")];
        }

        var result = DatabaseBackup.CheckForStart(file, Migrations());
        var database = !result.IsSound
            ? new Line(Status.Fix, "Database", $"{file}: {result.Message}. Restore a backup into its place or point ConnectionStrings:Portal at another file")
            : File.Exists(file) && new FileInfo(file).Length > 0
                ? new Line(Status.Ok, "Database", $"{file} (integrity check passed)")
                : Writable(Path.GetDirectoryName(file)!)
                    ? new Line(Status.Ok, "Database", $"{file} (not there yet: made at first start)")
                    : new Line(Status.Fix, "Database", $"{file}: its folder cannot be written by this user, so the database cannot be made");
        return [demo, database];
    }

    /// <summary>On PostgreSQL: whether the database answers; the file's integrity check, backups and restore are SQLite's.</summary>
    private static Line Postgres(IConfiguration configuration, IHostEnvironment environment)
    {
        string connectionString;
        try
        {
            connectionString = PortalDatabase.ConnectionString(configuration, environment.ContentRootPath);
        }
        catch (InvalidOperationException ex)
        {
            return new Line(Status.Fix, "Database", ex.Message);
        }

        var where = new Portal.Data.PostgreSQL.PostgresEngine().Describe(connectionString);
        try
        {
            using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = 10, Pooling = false }.ConnectionString);
            connection.Open();
            return new Line(Status.Ok, "Database",
                $"{where} answers (PostgreSQL {connection.ServerVersion}). The integrity check and the restore command are SQLite's: back it up with pg_dump -Fc (or the service's managed backups) and restore with pg_restore");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return new Line(Status.Fix, "Database", $"{where} could not be reached ({ex.Message}): check ConnectionStrings:Portal, the server and the role");
        }
    }

    private static Line Backups(IConfiguration configuration, IHostEnvironment environment)
    {
        if (PortalDatabase.Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            return new Line(Status.Note, "Backups", "on PostgreSQL the portal's backup schedule and Portal:Backups do nothing: run pg_dump -Fc on a timer (see README, \"Deployment: PostgreSQL and several instances\") or use the service's managed backups");
        }

        var options = configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        var connectionString = SqliteSetup.ConnectionString(configuration, environment.ContentRootPath);
        var folder = string.IsNullOrWhiteSpace(options.Folder) ? DatabaseBackup.DefaultFolder(connectionString) : options.Folder!;
        if (!Writable(folder))
        {
            return new Line(Status.Fix, "Backups", $"{folder} cannot be written by this user: set Portal:Backups:Folder or give the user the folder");
        }

        var schedule = options.EveryHours > 0 ? $"every {options.EveryHours:0.##} hours, the last {options.Keep} kept" : "no schedule (Portal:Backups:EveryHours=0): on demand only";
        return new Line(options.EveryHours > 0 ? Status.Ok : Status.Note, "Backups", $"{folder} (writable; {schedule}; copy them off this machine as well)");
    }

    private static Line Keys(IConfiguration configuration)
    {
        var problem = KeyProtection.Problems(configuration).FirstOrDefault();
        return problem is not null
            ? new Line(Status.Fix, "Data-protection keys", problem)
            : new Line(string.IsNullOrWhiteSpace(configuration[KeyProtection.CertificatePathKey]) ? Status.Note : Status.Ok, "Data-protection keys",
                $"kept in the database (table DataProtectionKeys), so they survive restarts and travel with backups; {KeyProtection.AtRest(configuration)}");
    }

    private static Line Proxies(IConfiguration configuration)
    {
        var proxies = ProxySettings.Read(configuration);
        if (proxies.Problems.Count > 0)
        {
            return new Line(Status.Fix, "Reverse proxies", string.Join(" ", proxies.Problems) + " (the portal will not start)");
        }

        if (string.Equals(configuration["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] ?? configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return new Line(Status.Fix, "Reverse proxies", "ASPNETCORE_FORWARDEDHEADERS_ENABLED=true believes forwarded headers from anyone: remove it and name the proxy in Portal:KnownProxies");
        }

        return proxies.Any
            ? new Line(Status.Ok, "Reverse proxies", $"forwarded headers believed only from {proxies}")
            : new Line(Status.Note, "Reverse proxies", "none trusted: forwarded headers are ignored. Behind a proxy set Portal:KnownProxies (its address) or Portal:KnownNetworks");
    }

    private static async Task<Line> OidcAsync(IConfiguration configuration, CancellationToken ct)
    {
        var authority = configuration["Portal:Authentication:Oidc:Authority"];
        if (string.IsNullOrWhiteSpace(authority))
        {
            return new Line(Status.Ok, "Sign-in provider", "none configured (local accounts)");
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return new Line(Status.Fix, "Sign-in provider", $"Portal:Authentication:Oidc:Authority \"{authority}\" is not an address");
        }

        var discovery = new Uri(authority.TrimEnd('/') + "/.well-known/openid-configuration");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync(discovery, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode && body.Contains("\"issuer\"", StringComparison.Ordinal)
                ? new Line(Status.Ok, "Sign-in provider", $"{authority} answers with its configuration")
                : new Line(Status.Fix, "Sign-in provider", $"{discovery} answered {(int)response.StatusCode} without a provider's configuration: check Portal:Authentication:Oidc:Authority");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new Line(Status.Fix, "Sign-in provider", $"{discovery} could not be reached from here ({ex.Message})");
        }
    }

    /// <summary>Whether this user can make <paramref name="folder"/> (as the portal would) and write a file in it.</summary>
    private static bool Writable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".portal-check-{Guid.NewGuid():N}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string[] Migrations() =>
        [.. typeof(PortalDbContext).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()];

    private enum Status
    {
        Ok = 0,
        Note = 1,
        Fix = 2,
    }

    private sealed record Line(Status Status, string Setting, string Text);
}
