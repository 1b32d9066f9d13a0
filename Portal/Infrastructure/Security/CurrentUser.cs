using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Who is asking, for services and for the audit trail. In a circuit or a request it is the
/// signed-in user; in start-up work (migrations, seeding, backups) it is the system, named by
/// <see cref="RunAsSystem"/>.
/// </summary>
public interface ICurrentUser
{
    Task<ClaimsPrincipal> GetPrincipalAsync();

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the caller satisfies <paramref name="policy"/>.</summary>
    Task<ClaimsPrincipal> DemandAsync(string policy);

    /// <summary>Whether the caller satisfies <paramref name="policy"/>.</summary>
    Task<bool> SatisfiesAsync(string policy);
}

public sealed class CurrentUser(IServiceProvider services, IAuthorizationService authorization) : ICurrentUser
{
    private ClaimsPrincipal? _system;

    /// <summary>Marks this scope as the system at work, for start-up and background jobs.</summary>
    /// <summary>
    /// Marks this scope as acting for <paramref name="principal"/>: a service that needs a scope of
    /// its own (Identity's stores keep one context per scope) still audits who asked.
    /// </summary>
    public void ActFor(ClaimsPrincipal principal) => _system = principal ?? throw new ArgumentNullException(nameof(principal));

    public void RunAsSystem(string task) =>
        _system = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"system ({task})"), new Claim(PortalClaims.System, task)],
            authenticationType: "System"));

    public async Task<ClaimsPrincipal> GetPrincipalAsync()
    {
        if (_system is not null)
        {
            return _system;
        }

        var provider = services.GetService<AuthenticationStateProvider>();
        if (provider is null)
        {
            return Anonymous;
        }

        try
        {
            return (await provider.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // A plain HTTP endpoint (a CSV export) has no component authentication state: use the
            // request's own user. Outside any request or circuit nobody is signed in.
            return services.GetService<IHttpContextAccessor>()?.HttpContext?.User ?? Anonymous;
        }
    }

    public async Task<bool> SatisfiesAsync(string policy)
    {
        var principal = await GetPrincipalAsync();
        return (await authorization.AuthorizeAsync(principal, policy)).Succeeded;
    }

    public async Task<ClaimsPrincipal> DemandAsync(string policy)
    {
        var principal = await GetPrincipalAsync();
        if (!(await authorization.AuthorizeAsync(principal, policy)).Succeeded)
        {
            throw new AccessDeniedException(policy);
        }

        return principal;
    }

    private static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());
}

public static class PortalClaims
{
    public const string System = "portal:system";
    public const string PersonId = "portal:person";
    public const string DisplayName = "portal:display-name";

    /// <summary>When the person signed in (Unix seconds, UTC): the start of the absolute session limit.</summary>
    public const string SignedInAt = "portal:signed-in-at";

    /// <summary>This sign-in's own id, ended on the server when the person signs out (<see cref="EndedSessions"/>).</summary>
    public const string Session = "portal:session";
}
