using Microsoft.Data.Sqlite;

namespace Portal.Tests.Infrastructure;

/// <summary>Ways a database file goes bad, made on purpose: a page of an index overwritten (the file still opens; only the integrity check finds it), a truncated copy, a file that is not a database, another program's SQLite file.</summary>
public static class DatabaseDamage
{
    /// <summary>Overwrites the root page of one of the People table's indexes with bytes no b-tree page has.</summary>
    public static void DamageAnIndex(string file)
    {
        long page;
        long pageSize;
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
            using var root = connection.CreateCommand();
            root.CommandText = "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'People' ORDER BY name LIMIT 1;";
            page = (long)root.ExecuteScalar()!;
            using var size = connection.CreateCommand();
            size.CommandText = "PRAGMA page_size;";
            pageSize = (long)size.ExecuteScalar()!;
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.Position = (page - 1) * pageSize;
        stream.Write(Enumerable.Repeat((byte)0xFF, (int)pageSize).ToArray());
    }

    public static async Task MakeAsync(string kind, string file)
    {
        switch (kind)
        {
            case "not-a-database":
                await File.WriteAllTextAsync(file, "Minutes of the meeting held on 14 July 2008.\nThis is a text file, not a database.\n");
                break;
            case "truncated":
                await DemoTemplates.CopyToAsync("en", realTime: true, file);
                var bytes = await File.ReadAllBytesAsync(file);
                await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
                break;
            case "damaged":
                await DemoTemplates.CopyToAsync("en", realTime: true, file);
                DamageAnIndex(file);
                break;
            case "foreign":
                Execute(file, "CREATE TABLE Customers (Id INTEGER PRIMARY KEY, Name TEXT); INSERT INTO Customers (Name) VALUES ('Someone else''s data');");
                break;
            case "foreign-ef":
                Execute(file, """
                    CREATE TABLE __EFMigrationsHistory (MigrationId TEXT NOT NULL PRIMARY KEY, ProductVersion TEXT NOT NULL);
                    INSERT INTO __EFMigrationsHistory VALUES ('20240101000000_ShopSchema', '8.0.0');
                    CREATE TABLE Orders (Id INTEGER PRIMARY KEY, Total REAL);
                    """);
                break;
            case "pre-release":
                Execute(file, """
                    CREATE TABLE __EFMigrationsHistory (MigrationId TEXT NOT NULL PRIMARY KEY, ProductVersion TEXT NOT NULL);
                    INSERT INTO __EFMigrationsHistory VALUES ('20261125205545_InitialSchema', '10.0.0');
                    CREATE TABLE AuditEntries (Id INTEGER PRIMARY KEY, EntityType TEXT);
                    """);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        SqliteConnection.ClearAllPools();
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
