namespace Portal.Infrastructure.Security.Oidc;

/// <summary>
/// How people sign in (<c>Portal:Authentication</c>): with a portal password, with the council's
/// identity provider, or either. With no settings it is passwords only, as before.
/// </summary>
public sealed class PortalAuthenticationOptions
{
    public const string Section = "Portal:Authentication";

    public SignInMode Mode { get; set; } = SignInMode.Local;

    public ProviderOptions Oidc { get; set; } = new();

    /// <summary>Whether the provider is offered: the mode asks for it and it has an authority and a client id.</summary>
    public bool ProviderEnabled =>
        Mode != SignInMode.Local && !string.IsNullOrWhiteSpace(Oidc.Authority) && !string.IsNullOrWhiteSpace(Oidc.ClientId);

    /// <summary>
    /// Whether the password form is offered and passwords are accepted: always unless the mode is
    /// provider only and the provider is set up (a provider-only portal with no provider would keep
    /// everyone out, so it keeps passwords).
    /// </summary>
    public bool PasswordsAllowed => Mode != SignInMode.ProviderOnly || !ProviderEnabled;
}

/// <summary>The council's OpenID Connect provider (<c>Portal:Authentication:Oidc</c>).</summary>
public sealed class ProviderOptions
{
    /// <summary>The provider's issuer address; its metadata is read from <c>/.well-known/openid-configuration</c> under it.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for besides <c>openid</c>, separated by spaces.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The provider's name on the sign-in button ("Sign in with …").</summary>
    public string DisplayName { get; set; } = "your council account";

    public RolesFrom RolesFrom { get; set; } = RolesFrom.Portal;

    /// <summary>
    /// Treats the provider's <c>email</c> claim as verified even without <c>email_verified</c>: only
    /// for a provider that owns every address it issues (a single-tenant Entra ID does).
    /// </summary>
    public bool TrustEmail { get; set; }

    /// <summary>The claims whose values are looked up in the group mapping: groups and roles unless set.</summary>
    public string GroupClaims { get; set; } = "groups roles";
}

/// <summary>Which ways of signing in the portal offers.</summary>
public enum SignInMode
{
    Local = 0,
    Both = 1,
    ProviderOnly = 2,
}

/// <summary>Where a provider sign-in's roles come from.</summary>
public enum RolesFrom
{
    /// <summary>The roles an administrator gave the sign-in in the portal; the provider only says who it is.</summary>
    Portal = 0,

    /// <summary>The provider's group or role claims, through the mapping an administrator sets on /admin, at each sign-in.</summary>
    Provider = 1,
}
