namespace Portal.Data;

/// <summary>
/// The one row that says what this database is: a demo (whose known passwords must never reach
/// a real council) or a council's own record. Written once, when the database is first set up.
/// </summary>
public sealed class Installation
{
    private Installation()
    {
        CouncilName = string.Empty;
    }

    public int Id { get; private set; }

    public InstallationKind Kind { get; private set; }

    public string CouncilName { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public static Installation Create(InstallationKind kind, string councilName, DateTime createdUtc) =>
        new() { Id = 1, Kind = kind, CouncilName = councilName, CreatedUtc = createdUtc };
}

public enum InstallationKind
{
    Council = 0,
    EnglishDemo = 1,
    SwedishDemo = 2,
}
