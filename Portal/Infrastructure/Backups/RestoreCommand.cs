using Portal.Data;

namespace Portal.Infrastructure.Backups;

/// <summary>
/// <c>dotnet run --project Portal -- restore &lt;file&gt;</c>: puts a backup in place of the
/// database the portal is configured to use, with the app stopped. Refuses a copy that fails
/// the integrity check; keeps the current file aside.
/// </summary>
public static class RestoreCommand
{
    public static bool IsRestore(string[] args) => args is ["restore", ..];

    /// <summary>The arguments left for configuration once the command and its file are taken off.</summary>
    public static string[] ConfigurationArguments(string[] args) => IsRestore(args) ? args.Skip(2).ToArray() : args;

    public static int Run(string[] args, IConfiguration configuration, string contentRoot, TextWriter output, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        if (args is not ["restore", var file, ..])
        {
            output.WriteLine("Usage: dotnet run --project Portal -- restore <backup file> [--ConnectionStrings:Portal \"Data Source=...\"]");
            return 2;
        }

        var connectionString = SqliteSetup.ConnectionString(configuration, contentRoot);
        var result = DatabaseBackup.Restore(Path.GetFullPath(file), connectionString, clock.GetUtcNow().UtcDateTime);
        output.WriteLine(result.Message);
        return result.Restored ? 0 : 1;
    }
}
