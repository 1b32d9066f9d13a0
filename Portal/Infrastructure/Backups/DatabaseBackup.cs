using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Backups;

/// <summary>One copy of the database in the backup folder, and what its integrity check said.</summary>
public sealed record BackupCopy(string Path, long Size, DateTime TakenAtUtc, bool IsSound, string Check)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Taken by an administrator's "Back up now" rather than the daily schedule (the file name says which).</summary>
    public bool OnDemand => DatabaseBackup.IsOnDemand(Name);
}

/// <summary>What <c>PRAGMA integrity_check</c> said of a file, and whether it is a portal database at all.</summary>
public sealed record IntegrityResult(bool IsSound, string Message);

/// <summary>What a restore did: refused (and why) or done, with where the replaced file was kept.</summary>
public sealed record RestoreResult(bool Restored, string Message, string? KeptAside);

/// <summary>
/// Copies, checks and restores the portal's one SQLite file. A copy is taken online with
/// <c>VACUUM INTO</c> (a consistent snapshot while the portal keeps writing) and then opened on
/// its own and checked with <c>PRAGMA integrity_check</c>. A restore checks the copy the same way
/// first and refuses one that fails; it keeps the current file (with its WAL) aside, under a
/// dated name, before putting the copy in its place.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>The migrations of the development versions before the schema was folded into one (December 2026), named so such a file is told apart from a stranger's.</summary>
    private static readonly HashSet<string> PreReleaseMigrations = new(StringComparer.Ordinal)
    {
        "20261125205545_InitialSchema",
        "20261125213403_DirectoratePlans",
        "20261125224000_GoldenThread",
        "20261125232900_AppraisalReviewRated",
        "20261126001912_Meetings",
        "20261126012210_Establishment",
        "20261126025024_Reports",
        "20261126055600_UserAdministration",
        "20261206012548_PrioritiesAnswerStrategicChallenges",
        "20261206015046_ExemptRelease",
        "20261206015055_DecisionDispensations",
        "20261206023955_SignOutEndsTheSession",
    };

    public const string Prefix = "portal-";
    public const string Extension = ".db";

    /// <summary>What an on-demand copy's name carries after its time, so that it is counted apart from the scheduled ones.</summary>
    public const string OnDemandMark = "-on-demand";

    private const string StampFormat = "yyyyMMdd-HHmmss";

    public static string DatabaseFile(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <summary>The folder backups go to when none is configured: <c>backups</c> beside the database file.</summary>
    public static string DefaultFolder(string connectionString) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabaseFile(connectionString))) ?? ".", "backups");

    /// <summary>Takes a copy named for <paramref name="utcNow"/> (<c>portal-20261126-020000.db</c>; an on-demand one <c>portal-20261126-020000-on-demand.db</c>).</summary>
    public static async Task<BackupCopy> TakeAsync(string connectionString, string folder, DateTime utcNow, CancellationToken ct, bool onDemand = false)
    {
        Directory.CreateDirectory(folder);
        var stamp = utcNow.ToString(StampFormat, CultureInfo.InvariantCulture) + (onDemand ? OnDemandMark : string.Empty);
        var path = Path.Combine(folder, $"{Prefix}{stamp}{Extension}");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{Prefix}{stamp}-{n}{Extension}");
        }

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path;";
            command.Parameters.AddWithValue("$path", path);
            await command.ExecuteNonQueryAsync(ct);
        }

        var check = Check(path);
        return new BackupCopy(path, new FileInfo(path).Length, utcNow, check.IsSound, check.Message);
    }

    /// <summary>Opens <paramref name="file"/> read-only, on its own, and runs the integrity check; a file that is not a portal database fails.</summary>
    public static IntegrityResult Check(string file)
    {
        if (!File.Exists(file))
        {
            return new IntegrityResult(false, $"There is no file {file}.");
        }

        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadOnly);
            if (Integrity(connection) is string failed)
            {
                return new IntegrityResult(false, "The integrity check failed: " + failed);
            }

            using var portal = connection.CreateCommand();
            portal.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Installations', 'AuditEntries');";
            return Convert.ToInt32(portal.ExecuteScalar(), CultureInfo.InvariantCulture) == 3
                ? new IntegrityResult(true, "ok")
                : new IntegrityResult(false, "The file is a SQLite database but not the portal's.");
        }
        catch (SqliteException ex)
        {
            return new IntegrityResult(false, $"The file cannot be read as a database: {OneLine(ex.Message)}");
        }
    }

    /// <summary>The integrity check of the database the portal is running on (opened beside the portal's own connections, not read-only, as a WAL file needs).</summary>
    public static IntegrityResult CheckLive(string file)
    {
        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadWrite);
            return Integrity(connection) is string failed
                ? new IntegrityResult(false, "The integrity check of the database failed: " + failed)
                : new IntegrityResult(true, "ok");
        }
        catch (SqliteException ex)
        {
            return new IntegrityResult(false, $"The database cannot be read: {OneLine(ex.Message)}");
        }
    }

    /// <summary>
    /// What start-up makes of <paramref name="file"/> before anything migrates or seeds it: absent,
    /// empty or without tables is a new database (sound); otherwise it must pass the integrity
    /// check and have been made by the portal's migrations (<paramref name="migrations"/>), so
    /// that another program's SQLite file is refused rather than given the portal's tables and demo.
    /// </summary>
    public static IntegrityResult CheckForStart(string file, IReadOnlyCollection<string> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        if (!File.Exists(file) || new FileInfo(file).Length == 0)
        {
            return new IntegrityResult(true, "new");
        }

        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadWrite);
            if (Integrity(connection) is string failed)
            {
                return new IntegrityResult(false, $"it fails the integrity check ({failed})");
            }

            var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%';");
            if (tables.Count == 0)
            {
                return new IntegrityResult(true, "new");
            }

            if (!tables.Contains("__EFMigrationsHistory"))
            {
                return new IntegrityResult(false, "it is a SQLite database but not the portal's (it has tables of its own and no migration history)");
            }

            var history = Strings(connection, "SELECT MigrationId FROM __EFMigrationsHistory;");
            return history.Any(migrations.Contains) ? new IntegrityResult(true, "ok")
                : history.Any(PreReleaseMigrations.Contains) ? new IntegrityResult(false, "it was made by a development version of the portal from before its schema became one migration, which this version cannot open (a demo: move the file aside and start again)")
                : new IntegrityResult(false, "it is a SQLite database but not the portal's (none of its migrations are the portal's)");
        }
        catch (SqliteException ex)
        {
            return new IntegrityResult(false, $"it cannot be read as a database ({OneLine(ex.Message)})");
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>What <c>PRAGMA integrity_check</c> found, or null when it says "ok".</summary>
    private static string? Integrity(SqliteConnection connection)
    {
        var lines = Strings(connection, "PRAGMA integrity_check;");
        return lines is ["ok"] ? null : OneLine(string.Join("; ", lines.Take(5)));
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The copies in <paramref name="folder"/>, newest first.</summary>
    public static IReadOnlyList<FileInfo> Copies(string folder) =>
        Directory.Exists(folder)
            ? new DirectoryInfo(folder).GetFiles($"{Prefix}*{Extension}").OrderByDescending(TakenAtUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal).ToList()
            : [];

    public static bool IsOnDemand(string name) => name.Contains(OnDemandMark, StringComparison.Ordinal);

    /// <summary>When a copy was taken: the time in its name (the clock's, as the service saw it), or the file's own time for a name without one.</summary>
    public static DateTime TakenAtUtc(FileInfo copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var name = copy.Name;
        return name.Length >= Prefix.Length + StampFormat.Length
            && DateTime.TryParseExact(name.AsSpan(Prefix.Length, StampFormat.Length), StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var taken)
            ? taken
            : copy.LastWriteTimeUtc;
    }

    /// <summary>
    /// Deletes the oldest scheduled copies beyond <paramref name="keep"/> and, counted apart, the
    /// oldest on-demand copies beyond <paramref name="keepOnDemand"/>, so that however often an
    /// administrator presses "Back up now" the daily copies of the last <paramref name="keep"/>
    /// days stay. Returns what it deleted.
    /// </summary>
    public static IReadOnlyList<string> Prune(string folder, int keep, int keepOnDemand)
    {
        var copies = Copies(folder);
        var deleted = new List<string>();
        foreach (var old in copies.Where(c => !IsOnDemand(c.Name)).Skip(Math.Max(1, keep)).Concat(copies.Where(c => IsOnDemand(c.Name)).Skip(Math.Max(1, keepOnDemand))))
        {
            old.Delete();
            deleted.Add(old.Name);
        }

        return deleted;
    }

    /// <summary>
    /// Puts <paramref name="backup"/> in place of the database, if it passes the integrity check.
    /// The portal must not be running on the file. The current file, its WAL and shared memory are
    /// moved aside together (so the set still opens as it was) under <c>.before-restore-{stamp}</c>.
    /// </summary>
    public static RestoreResult Restore(string backup, string connectionString, DateTime utcNow)
    {
        var check = Check(backup);
        if (!check.IsSound)
        {
            return new RestoreResult(false, $"Refused: {check.Message} The current database was not touched.", null);
        }

        SqliteConnection.ClearAllPools();
        var target = Path.GetFullPath(DatabaseFile(connectionString));
        if (string.Equals(Path.GetFullPath(backup), target, StringComparison.Ordinal))
        {
            return new RestoreResult(false, "Refused: that is the database itself, not a copy of it.", null);
        }

        string? aside = null;
        if (File.Exists(target))
        {
            aside = $"{target}.before-restore-{utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
            File.Move(target, aside);
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                if (File.Exists(target + suffix))
                {
                    File.Move(target + suffix, aside + suffix);
                }
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(backup, target);
        return new RestoreResult(true, aside is null ? $"Restored {backup}." : $"Restored {backup}. The database it replaced is kept as {aside}.", aside);
    }
}
