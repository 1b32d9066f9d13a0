using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Backups;
using Portal.Infrastructure.Security;

namespace Portal.Data;

/// <summary>
/// The one SQLite file: its folder made, the file checked before anything migrates it (a damaged
/// file, one that is not a database or another program's is refused), WAL switched on after. The
/// search index (FTS5) and the audit triggers are in the SQLite migrations themselves.
/// </summary>
public sealed class SqliteEngine : IDatabaseEngine
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public void Configure(DbContextOptionsBuilder options, string connectionString) => options.UsePortalSqlite(connectionString);

    public PortalDbContext CreateContext(DbContextOptions<PortalDbContext> options, ICurrentUser currentUser, TimeProvider clock) =>
        new(options, currentUser, clock);

    public Task<IntegrityResult?> BeforeMigrateAsync(PortalDbContext db, IReadOnlyCollection<string> migrations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (file == ":memory:" || string.IsNullOrEmpty(file))
        {
            return Task.FromResult<IntegrityResult?>(null);
        }

        var folder = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return Task.FromResult<IntegrityResult?>(DatabaseBackup.CheckForStart(file, migrations));
    }

    public async Task AfterMigrateAsync(PortalDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
    }

    public string Describe(string connectionString) => Path.GetFullPath(DatabaseBackup.DatabaseFile(connectionString));
}
