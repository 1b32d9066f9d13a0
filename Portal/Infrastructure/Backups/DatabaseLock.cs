using System.Globalization;
using System.Text;

namespace Portal.Infrastructure.Backups;

/// <summary>
/// A file beside the database (<c>portal.db.lock</c>) that the running portal, or a restore,
/// holds open with no sharing for as long as it uses the database. The operating system lets
/// only one open it that way (on Linux and macOS an advisory <c>flock</c>, on Windows a sharing
/// lock) and lets it go when the process ends however it ends, so a portal killed mid-write
/// leaves nothing to clear by hand. A restore that cannot take it refuses, because the running
/// portal would go on writing to the file it moved aside.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public static string PathFor(string databaseFile) => System.IO.Path.GetFullPath(databaseFile) + ".lock";

    /// <summary>Takes the lock for <paramref name="databaseFile"/>, or returns null when another process (or another part of this one) holds it.</summary>
    public static DatabaseLock? TryTake(string databaseFile)
    {
        var path = PathFor(databaseFile);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        // Who holds it, for a person looking at the folder; the lock itself is the open file.
        stream.SetLength(0);
        stream.Write(Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + Environment.NewLine));
        stream.Flush();
        return new DatabaseLock(stream, path);
    }

    public void Dispose() => _stream.Dispose();
}
