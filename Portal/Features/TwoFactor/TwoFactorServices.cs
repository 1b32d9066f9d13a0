using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Portal.Features.Setup; // the one-time setup code is registered with the rest of sign-in security

namespace Portal.Features.TwoFactor;

/// <summary>The second factor for local sign-ins and the one-time setup code, registered in one place.</summary>
public static class TwoFactorServices
{
    public static IServiceCollection AddPortalTwoFactor(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TwoFactorOptions>(configuration.GetSection(TwoFactorOptions.Section));
        services.AddScoped<TwoFactorPolicy>();
        services.AddScoped<Authenticator>();
        services.AddScoped<TwoFactorService>();
        services.AddSingleton<SetupCode>();

        // The half-way sign-in between the password and the code: long enough to install an app and set it up, no longer.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = "portal.two-factor";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(15);
        });
        return services;
    }
}
