using Microsoft.Data.Sqlite;

namespace Portal.Tests.Infrastructure;

/// <summary>A SQLite file of its own in the temp folder, removed (with its WAL files) afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        File = Path.Combine(Folder, "portal.db");
    }

    public string Folder { get; }

    public string File { get; }

    public string ConnectionString => $"Data Source={File}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing connection is left for the OS to clean up.
        }
    }
}
