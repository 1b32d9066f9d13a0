using Microsoft.AspNetCore.Authorization;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Every authorisation policy the portal has, in one place. Pages use them to decide what to
/// show; services check them again before they read or write, because hiding a button is not
/// authorisation.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in: staff, councillors and administrators.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Council staff: officers, directors and administrators.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Keeping the organisation, bodies and users right.</summary>
    public const string Administer = nameof(Administer);

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Staff, policy => policy.RequireRole(Roles.Administrator, Roles.Director, Roles.Officer))
            .AddPolicy(Administer, policy => policy.RequireRole(Roles.Administrator));
    }
}
