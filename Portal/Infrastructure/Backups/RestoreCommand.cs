using Portal.Data;

namespace Portal.Infrastructure.Backups;

/// <summary>
/// <c>dotnet run --project Portal -- restore &lt;file&gt;</c>: puts a backup in place of the
/// database the portal is configured to use, with the app stopped. Refuses a copy that fails
/// the integrity check; refuses, moving nothing, while a portal is using the database (it holds
/// <see cref="DatabaseLock"/>); keeps the current file aside. Every answer is one plain line.
/// </summary>
public static class RestoreCommand
{
    /// <summary>Restored.</summary>
    public const int Restored = 0;

    /// <summary>The copy was refused (it fails the integrity check, is not the portal's, or is the database itself).</summary>
    public const int CopyRefused = 1;

    /// <summary>Nothing was tried: no file was named, or a portal is using the database.</summary>
    public const int NotRun = 2;

    public static bool IsRestore(string[] args) => args is ["restore", ..];

    /// <summary>The arguments left for configuration once the command and its file (if one was named) are taken off.</summary>
    public static string[] ConfigurationArguments(string[] args) =>
        !IsRestore(args) ? args : FileArgument(args) is null && args.Length > 1 && args[1].StartsWith('-') ? args[1..] : args.Skip(2).ToArray();

    public static int Run(string[] args, IConfiguration configuration, string contentRoot, TextWriter output, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        if (PortalDatabase.Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            output.WriteLine(
                $"restore puts a SQLite backup in place of the portal's SQLite file, but {PortalDatabase.ProviderKey} is PostgreSQL: its backups are the database's own. "
                + "Restore one with pg_restore (for a pg_dump -Fc file: stop the portal, then pg_restore --clean --if-exists --no-owner -d portal backup.dump) or from the service's managed backups. Nothing was changed.");
            return NotRun;
        }

        var connectionString = SqliteSetup.ConnectionString(configuration, contentRoot);
        if (FileArgument(args) is not string file)
        {
            output.WriteLine(
                "Name the backup to restore: dotnet run --project Portal -- restore <backup file> [--ConnectionStrings:Portal \"Data Source=...\"]. "
                + $"The portal's backups are in {DatabaseBackup.DefaultFolder(connectionString)} unless Portal:Backups:Folder says otherwise.");
            return NotRun;
        }

        var target = DatabaseBackup.DatabaseFile(connectionString);
        using var held = DatabaseLock.TryTake(target);
        if (held is null)
        {
            output.WriteLine($"Refused: a portal is running on {target} (it holds {DatabaseLock.PathFor(target)}). Stop it, then run the restore again. Nothing was changed.");
            return NotRun;
        }

        try
        {
            var result = DatabaseBackup.Restore(Path.GetFullPath(file), connectionString, clock.GetUtcNow().UtcDateTime);
            output.WriteLine(result.Message);
            return result.Restored ? Restored : CopyRefused;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"The restore could not finish: {ex.Message} Check what is at {target} and beside it before starting the portal.");
            return CopyRefused;
        }
    }

    /// <summary>The file named after "restore", if it is one (not blank, not a configuration switch).</summary>
    private static string? FileArgument(string[] args) =>
        args is ["restore", var file, ..] && !string.IsNullOrWhiteSpace(file) && !file.StartsWith("--", StringComparison.Ordinal) ? file : null;
}
