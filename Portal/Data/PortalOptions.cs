namespace Portal.Data;

/// <summary>The portal's own settings, in the "Portal" section of configuration.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// Which demo to seed into an empty database: "en" (the English demo council), "sv" (Nybro's
    /// KLG, in Swedish, in its own file) or "none" (a council's own record, whose first
    /// administrator is created at first start).
    /// </summary>
    public string Demo { get; set; } = "none";

    /// <summary>The name a council's own record starts with (shown until an administrator changes it).</summary>
    public string CouncilName { get; set; } = "Council";

    /// <summary>Minutes without a request after which a sign-in ends.</summary>
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>Hours after signing in at which a sign-in ends, however busy.</summary>
    public double SessionAbsoluteHours { get; set; } = 12;

    /// <summary>Live pages (circuits) one sign-in may have open at once.</summary>
    public int MaxCircuitsPerUser { get; set; } = 20;

    /// <summary>Live pages visitors who are not signed in may have open at once from one address (a council building shares one).</summary>
    public int MaxCircuitsPerAddress { get; set; } = 200;

    /// <summary>
    /// The address people reach the portal at (https://portal.council.gov.uk/), used for every
    /// link that leaves the page (feeds, invitation links) instead of the request's Host header.
    /// Empty: the address the server listens on.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The email address the accessibility statement gives for asking for another format and reporting a problem.</summary>
    public string? AccessibilityContact { get; set; }

    /// <summary>When the council last reviewed its accessibility statement (yyyy-MM-dd); the statement's own date until then.</summary>
    public DateOnly? AccessibilityReviewedOn { get; set; }

    /// <summary>The culture used when a visitor has not chosen one: "en-GB" or "sv-SE".</summary>
    public string? DefaultCulture { get; set; }

    public InstallationKind Kind => Demo.Trim().ToLowerInvariant() switch
    {
        "en" or "english" or "true" => InstallationKind.EnglishDemo,
        "sv" or "swedish" => InstallationKind.SwedishDemo,
        "none" or "" or "false" => InstallationKind.Council,
        _ => throw new InvalidOperationException($"Portal:Demo must be en, sv or none, not '{Demo}'."),
    };

    /// <summary>Where the database lives when no connection string is given; each demo gets its own file.</summary>
    public string DefaultDatabaseFile => Kind == InstallationKind.SwedishDemo ? "App_Data/portal-sv.db" : "App_Data/portal.db";

    public string EffectiveDefaultCulture => DefaultCulture ?? (Kind == InstallationKind.SwedishDemo ? "sv-SE" : "en-GB");
}
