using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Infrastructure.Security;

/// <summary>
/// How long a sign-in lasts: it ends after <see cref="PortalOptions.SessionIdleMinutes"/> without
/// a request (the cookie's sliding expiry) and, however busy, <see cref="PortalOptions.SessionAbsoluteHours"/>
/// after signing in (checked on every request and, for an open page, when its circuit revalidates);
/// and at once when the person signs out, for every copy of the cookie (<see cref="EndedSessions"/>).
/// </summary>
public static class SessionLimits
{
    /// <summary>Whether <paramref name="principal"/> signed in longer ago than <paramref name="absolute"/>; a sign-in without the claim has expired.</summary>
    public static bool HasExpired(ClaimsPrincipal principal, DateTimeOffset now, TimeSpan absolute)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var value = principal.FindFirstValue(PortalClaims.SignedInAt);
        return !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > absolute;
    }

    /// <summary>Whether <paramref name="principal"/>'s session was ended by signing out; a sign-in without a session id (made before there were any) counts as ended.</summary>
    public static async ValueTask<bool> HasEndedAsync(ClaimsPrincipal principal, EndedSessions sessions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(sessions);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        return principal.FindFirstValue(PortalClaims.Session) is not { Length: > 0 } session || await sessions.HasEndedAsync(session, ct);
    }

    public static IServiceCollection AddPortalSessionLimits(this IServiceCollection services, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var absolute = TimeSpan.FromHours(portal.SessionAbsoluteHours);
        services.ConfigureApplicationCookie(options =>
        {
            options.ExpireTimeSpan = TimeSpan.FromMinutes(portal.SessionIdleMinutes);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                var sessions = context.HttpContext.RequestServices.GetRequiredService<EndedSessions>();
                if (context.Principal is ClaimsPrincipal principal
                    && (HasExpired(principal, clock.GetUtcNow(), absolute) || await HasEndedAsync(principal, sessions, context.HttpContext.RequestAborted)))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });

        // The security stamp check every few minutes makes a fresh principal: it keeps the time of the sign-in and the session.
        // Checked every minute, so a sign-in an administrator disables (which changes its stamp) ends within one.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var kept in new[] { PortalClaims.SignedInAt, PortalClaims.Session })
                    {
                        if (context.CurrentPrincipal?.FindFirst(kept) is Claim claim)
                        {
                            identity.RemoveClaim(identity.FindFirst(kept));
                            identity.AddClaim(new Claim(kept, claim.Value, claim.ValueType));
                        }
                    }
                }

                return Task.CompletedTask;
            };
        });
        return services;
    }
}
