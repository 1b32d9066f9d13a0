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
/// after signing in (checked on every request and, for an open page, when its circuit revalidates).
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
                if (context.Principal is ClaimsPrincipal principal && HasExpired(principal, clock.GetUtcNow(), absolute))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });

        // The security stamp check every few minutes makes a fresh principal: it keeps the time of the sign-in.
        // Checked every minute, so a sign-in an administrator disables (which changes its stamp) ends within one.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(PortalClaims.SignedInAt) is Claim signedIn && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.RemoveClaim(identity.FindFirst(PortalClaims.SignedInAt));
                    identity.AddClaim(new Claim(PortalClaims.SignedInAt, signedIn.Value, signedIn.ValueType));
                }

                return Task.CompletedTask;
            };
        });
        return services;
    }
}
