using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Portal.Features.Search;
using Portal.Infrastructure.Backups;

namespace Portal.Data.PostgreSQL;

/// <summary>
/// <c>dotnet run --project Portal -- migrate-to --to "Host=...;Database=...;Username=..."</c>:
/// copies every table of the configured SQLite council into an empty PostgreSQL database, with the
/// portal stopped. Applies PostgreSQL's migrations to the target, refuses one holding any row,
/// copies table by table (principals first) in one transaction through the model's column types,
/// sets the identity sequences past the copied ids, rebuilds the search index, then reads both
/// again and prints each table's count and checksum. Exit code 0 when every table matches, 1 when
/// one does not, 2 when nothing was copied (refused).
/// </summary>
public static class MigrateToCommand
{
    public const int Copied = 0;
    public const int Mismatch = 1;
    public const int NotRun = 2;

    public static bool IsMigrateTo(string[] args) => args is ["migrate-to", ..];

    /// <summary>The arguments left for configuration once the command and its <c>--to</c> are taken off.</summary>
    public static string[] ConfigurationArguments(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = new List<string>();
        for (var i = IsMigrateTo(args) ? 1 : 0; i < args.Length; i++)
        {
            if (args[i] == "--to")
            {
                i++;
            }
            else if (!args[i].StartsWith("--to=", StringComparison.Ordinal))
            {
                rest.Add(args[i]);
            }
        }

        return [.. rest];
    }

    /// <summary>The target's connection string, from <c>--to "..."</c> or <c>--to=...</c>.</summary>
    public static string? Target(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--to" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--to=", StringComparison.Ordinal))
            {
                return args[i]["--to=".Length..];
            }
        }

        return null;
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, string contentRoot, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        if (PortalDatabase.Provider(configuration) != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync(
                $"Refused: migrate-to copies the SQLite council the portal is configured with, but {PortalDatabase.ProviderKey} is PostgreSQL. "
                + "Run it with the SQLite settings: migrate-to --to \"Host=...;Database=...;Username=...\" --Portal:Database:Provider=Sqlite --ConnectionStrings:Portal \"Data Source=/var/lib/portal/portal.db\". Nothing was copied.");
            return NotRun;
        }

        var to = Target(args);
        if (string.IsNullOrWhiteSpace(to) || !IsPostgres(to))
        {
            await output.WriteLineAsync(
                "Name the PostgreSQL database to copy the council into: dotnet run --project Portal -- migrate-to --to \"Host=db.council.internal;Database=portal;Username=portal;Password=...\" "
                + "[--ConnectionStrings:Portal \"Data Source=...\"]. It must be empty (the role may create it).");
            return NotRun;
        }

        var sourceConnection = SqliteSetup.ConnectionString(configuration, contentRoot);
        var file = DatabaseBackup.DatabaseFile(sourceConnection);
        if (file == ":memory:" || !File.Exists(file) || new FileInfo(file).Length == 0)
        {
            await output.WriteLineAsync($"Refused: there is no council at {Path.GetFullPath(file)} to copy (point ConnectionStrings:Portal at the portal's SQLite file). Nothing was copied.");
            return NotRun;
        }

        using var held = DatabaseLock.TryTake(file);
        if (held is null)
        {
            await output.WriteLineAsync($"Refused: a portal is running on {Path.GetFullPath(file)} (it holds {DatabaseLock.PathFor(file)}). Stop it, so nothing changes while it is copied, then run migrate-to again. Nothing was copied.");
            return NotRun;
        }

        await using var source = Context(new SqliteEngine(), sourceConnection);
        var checkedFile = DatabaseBackup.CheckForStart(file, [.. source.Database.GetMigrations()]);
        if (!checkedFile.IsSound)
        {
            await output.WriteLineAsync($"Refused: {Path.GetFullPath(file)}: {checkedFile.Message}. Nothing was copied.");
            return NotRun;
        }

        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await output.WriteLineAsync($"Refused: {Path.GetFullPath(file)} is from an older version of the portal. Start this version on it once (it applies its migrations), stop it, then run migrate-to again. Nothing was copied.");
            return NotRun;
        }

        var engine = new PostgresEngine();
        await using var db = Context(engine, to);
        var where = engine.Describe(to);
        try
        {
            await db.Database.MigrateAsync(ct);
            await engine.AfterMigrateAsync(db, ct);
        }
        catch (NpgsqlException ex)
        {
            await output.WriteLineAsync($"Refused: {where} could not be prepared ({ex.Message}). The role needs to create tables, and the database if it does not exist. Nothing was copied.");
            return NotRun;
        }

        var tables = TableRows.InDependencyOrder(source.Model);
        var pgTables = db.Model.GetRelationalModel();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var occupied = await OccupiedAsync(connection, tables, ct);
        if (occupied.Count > 0)
        {
            await output.WriteLineAsync($"Refused: {where} is not empty ({string.Join(", ", occupied.Take(5))}{(occupied.Count > 5 ? ", ..." : string.Empty)} hold rows). migrate-to copies only into an empty database: name a new one, or drop and create this one. Nothing was copied.");
            return NotRun;
        }

        await output.WriteLineAsync($"Copying {Path.GetFullPath(file)} to {where}.");
        var sqlite = source.Database.GetDbConnection();
        await sqlite.OpenAsync(ct);
        await using var reading = await sqlite.BeginTransactionAsync(ct);
        var copied = new List<(string Table, int Rows, string Checksum)>();
        await using (var writing = await connection.BeginTransactionAsync(ct))
        {
            foreach (var table in tables)
            {
                var columns = TableRows.Columns(table);
                var rows = await TableRows.ReadAsync(sqlite, reading, table, columns, ct);
                var pgTable = pgTables.FindTable(table.Name, null) ?? throw new InvalidOperationException($"PostgreSQL's model has no table {table.Name}.");
                await TableRows.InsertAsync(connection, writing, pgTable, [.. columns.Select(c => pgTable.FindColumn(c.Name)!)], TableRows.ParentsFirst(table, columns, rows), ct);
                copied.Add((table.Name, rows.Count, TableRows.Checksum(rows)));
            }

            await ResetSequencesAsync(connection, writing, ct);
            await writing.CommitAsync(ct);
        }

        await SearchIndex.RebuildAsync(db, ct);
        var entries = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM searchindex").SingleAsync(ct);

        var mismatches = 0;
        await output.WriteLineAsync($"{"Table",-34} {"SQLite",8} {"PostgreSQL",10}  {"checksum (SQLite)",-17} {"checksum (PostgreSQL)",-21}");
        foreach (var (name, count, checksum) in copied)
        {
            var pgTable = pgTables.FindTable(name, null)!;
            var rows = await TableRows.ReadAsync(connection, null, pgTable, TableRows.Columns(pgTable), ct);
            var theirs = TableRows.Checksum(rows);
            var same = rows.Count == count && theirs == checksum;
            mismatches += same ? 0 : 1;
            await output.WriteLineAsync($"{name,-34} {count,8} {rows.Count,10}  {checksum,-17} {theirs,-21}{(same ? " ok" : " MISMATCH")}");
        }

        var total = copied.Sum(c => c.Rows);
        if (mismatches > 0)
        {
            await output.WriteLineAsync($"{mismatches} of {copied.Count} tables differ after the copy: do not start the portal on {where}; drop it and look into the tables marked MISMATCH.");
            return Mismatch;
        }

        await output.WriteLineAsync($"Copied {copied.Count} tables, {total} rows; every count and checksum is equal. The search index was rebuilt ({entries} entries).");
        await output.WriteLineAsync($"Start the portal on it with {PortalDatabase.ProviderKey}=PostgreSQL and ConnectionStrings:Portal=\"{to}\"; keep {Path.GetFullPath(file)} as it is until you are sure.");
        return Copied;
    }

    private static bool IsPostgres(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static PortalDbContext Context(IDatabaseEngine engine, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        engine.Configure(options, connectionString);
        return engine.CreateContext(options.Options, new DesignTimePortalDbContextFactory.DesignTimeUser(), TimeProvider.System);
    }

    /// <summary>The portal's tables on the target that hold any row.</summary>
    private static async Task<List<string>> OccupiedAsync(DbConnection connection, IReadOnlyList<ITable> tables, CancellationToken ct)
    {
        var occupied = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {TableRows.Quote(table.Name)})";
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                occupied.Add(table.Name);
            }
        }

        return occupied;
    }

    /// <summary>Sets every identity (and serial) column's sequence past the highest id copied, so the next insert does not collide.</summary>
    private static async Task ResetSequencesAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')";
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({TableRows.Quote(column)}) FROM {TableRows.Quote(table)}), 0) + 1, false)";
            command.Parameters.Add(new NpgsqlParameter("table", TableRows.Quote(table)));
            command.Parameters.Add(new NpgsqlParameter("column", column));
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
