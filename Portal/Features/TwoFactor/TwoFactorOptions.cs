namespace Portal.Features.TwoFactor;

/// <summary>Whose local sign-ins must have a second factor ("Portal:Authentication:RequireTwoFactor").</summary>
public enum TwoFactorRequirement
{
    /// <summary>Administrators must; anyone else may.</summary>
    Administrators = 0,

    /// <summary>Everyone with a local sign-in must.</summary>
    Everyone = 1,

    /// <summary>No one must; anyone may.</summary>
    None = 2,
}

/// <summary>
/// The portal's sign-in settings this part reads ("Portal:Authentication"). A demo database is
/// never held to the requirement: its passwords are printed at start for anyone to use, so a
/// second factor on them protects nothing and would stop the printed sign-ins working.
/// </summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Portal:Authentication";

    public TwoFactorRequirement RequireTwoFactor { get; set; } = TwoFactorRequirement.Administrators;
}
