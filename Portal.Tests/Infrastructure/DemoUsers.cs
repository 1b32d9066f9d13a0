namespace Portal.Tests.Infrastructure;

/// <summary>The English demo's sign-ins, one per role.</summary>
public static class DemoUsers
{
    public const string Password = Portal.Data.Seeding.DemoCouncil.Password;
    public const string Administrator = "admin@york.example";
    public const string Director = "heather.rice@york.example";
    public const string Officer = "barbara.boyce@york.example";
    public const string Member = "cllr.walker@york.example";

    /// <summary>Cllr Ruth Potter: chairs the Employment Panel, sits on the Advisory Panel.</summary>
    public const string SecondMember = "cllr.potter@york.example";

    /// <summary>Grace Okafor, Democratic Services: secretary to the panels and the EMG.</summary>
    public const string Secretary = "grace.okafor@york.example";

    /// <summary>Quentin Baker, Head of Legal and Democratic Services: holds the post designated Monitoring Officer.</summary>
    public const string MonitoringOfficer = "quentin.baker@york.example";
}
