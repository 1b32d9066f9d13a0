using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Infrastructure.Hosting;

/// <summary>
/// What running the portal for real needs from the web host: the trusted reverse proxies
/// (<see cref="ProxySettings"/>), sign-in cookies sent only over HTTPS outside Development, and
/// HTTPS redirection that knows the public port when TLS ends at the proxy, and telemetry when it
/// is configured (<see cref="PortalTelemetry"/>). Program.cs calls
/// <see cref="AddPortalHosting"/> and, first in the pipeline, <see cref="UsePortalProxies"/>.
/// </summary>
public static class PortalHosting
{
    /// <summary>A setting that stops the portal starting, as one sentence; null when there is none.</summary>
    public static string? StartProblem(IConfiguration configuration) =>
        ProxySettings.Read(configuration).Problems.Concat(KeyProtection.Problems(configuration)).FirstOrDefault();

    public static IServiceCollection AddPortalHosting(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var proxies = ProxySettings.Read(configuration);
        if (proxies.Any)
        {
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
                // Only the proxies configured: not even the loopback ones ASP.NET Core trusts by default.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies.Proxies)
                {
                    options.KnownProxies.Add(proxy);
                }

                foreach (var network in proxies.Networks)
                {
                    options.KnownIPNetworks.Add(network);
                }
            });

            // TLS ends at the proxy, so Kestrel has no HTTPS address to send a plain-HTTP visitor to:
            // the public address's port (443 unless PublicUrl names another), unless one is set.
            if (string.IsNullOrEmpty(configuration["HTTPS_PORT"] ?? configuration["HttpsRedirection:HttpsPort"]))
            {
                var port = PublicAddress.TryRead(configuration["Portal:PublicUrl"] ?? string.Empty, out var url) && url.Scheme == Uri.UriSchemeHttps ? url.Port : 443;
                services.Configure<Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionOptions>(options => options.HttpsPort = port);
            }
        }

        services.AddPortalTelemetry(configuration);
        if (!environment.IsDevelopment())
        {
            // Outside Development every cookie that signs someone in goes over HTTPS only (behind a
            // proxy the request counts as HTTPS when the proxy is trusted and says so).
            foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
            {
                services.Configure<CookieAuthenticationOptions>(scheme, options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            }
        }

        return services;
    }

    /// <summary>Reads the forwarded headers from the trusted proxies (none configured: nothing is read). Goes first in the pipeline.</summary>
    public static WebApplication UsePortalProxies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (ProxySettings.Read(app.Configuration).Any)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
