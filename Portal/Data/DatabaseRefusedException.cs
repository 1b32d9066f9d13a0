namespace Portal.Data;

/// <summary>
/// Start-up refuses the database file: damaged, not a database, another program's, or the wrong
/// kind (a demo opened as a council's record). The message is one plain line naming the file and
/// what to do; Program prints it and exits, with no stack trace for the person reading it.
/// </summary>
public sealed class DatabaseRefusedException(string message) : InvalidOperationException(message);
