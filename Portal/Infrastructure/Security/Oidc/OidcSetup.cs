using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Portal.Infrastructure.Security.Oidc;

/// <summary>
/// Sign-in with the council's identity provider: ASP.NET Core's OpenID Connect handler with the
/// authorisation-code flow and PKCE, added only when <c>Portal:Authentication</c> asks for it.
/// The handler's answer never signs anyone in by itself: <see cref="ProviderSignInService"/>
/// decides, and any failure (state, nonce, secret, an unreachable provider) comes back to the
/// sign-in page as a plain message, with the reason in the log for the operator.
/// </summary>
public static class OidcSetup
{
    public const string Scheme = "oidc";

    public static IServiceCollection AddPortalOidc(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(PortalAuthenticationOptions.Section);
        services.Configure<PortalAuthenticationOptions>(section);
        services.AddScoped<ProviderSignInService>();
        services.AddScoped<ProviderRoles>();
        services.AddSingleton<ProviderMetadata>();
        var settings = section.Get<PortalAuthenticationOptions>() ?? new PortalAuthenticationOptions();
        if (!settings.ProviderEnabled)
        {
            return services;
        }

        var provider = settings.Oidc;
        services.AddAuthentication().AddOpenIdConnect(Scheme, provider.DisplayName, options =>
        {
            options.Authority = provider.Authority;
            options.ClientId = provider.ClientId;
            options.ClientSecret = string.IsNullOrEmpty(provider.ClientSecret) ? null : provider.ClientSecret;
            options.RequireHttpsMetadata = !Uri.TryCreate(provider.Authority, UriKind.Absolute, out var authority) || !authority.IsLoopback;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;

            // The answer comes back as a top-level GET, so the state and nonce cookies can be SameSite=Lax.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.Scope.Clear();
            foreach (var scope in $"openid {provider.Scopes}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
            {
                options.Scope.Add(scope);
            }

            options.Events.OnTokenValidated = SignInAsync;
            options.Events.OnRemoteFailure = FailedAsync;
        });
        return services;
    }

    /// <summary>The provider has vouched for someone: the portal decides whether they sign in, and where they go.</summary>
    private static async Task SignInAsync(TokenValidatedContext context)
    {
        // The handler passes a token whose nonce has no cookie in this browser with a null nonce rather than
        // refusing it; the portal refuses it: the answer was meant for another browser, or is a replay.
        var tokenNonce = context.SecurityToken?.Payload?.Nonce;
        if (string.IsNullOrEmpty(context.Nonce) || !string.Equals(context.Nonce, tokenNonce, StringComparison.Ordinal))
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSetup))
                .LogWarning("A provider sign-in was refused: the nonce in the provider's token is not one this browser was given (an answer meant for another browser, or replayed)");
            context.HandleResponse();
            context.Response.Redirect(ProviderEndpoints.LoginWith(ProviderOutcome.Failed, context.Properties?.RedirectUri));
            return;
        }

        var signIn = context.HttpContext.RequestServices.GetRequiredService<ProviderSignInService>();
        var outcome = await signIn.SignInAsync(context.Principal!, context.HttpContext.RequestAborted);
        context.HandleResponse();
        var returnUrl = context.Properties?.RedirectUri;
        context.Response.Redirect(outcome == ProviderOutcome.SignedIn
            ? LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/"
            : ProviderEndpoints.LoginWith(outcome, returnUrl));
    }

    /// <summary>A state or nonce that does not match, a wrong secret, a provider error: a plain message for the person, the reason for the operator.</summary>
    private static Task FailedAsync(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSetup));
        logger.LogWarning("A provider sign-in failed and was refused: {Reason}", context.Failure is null ? "no reason given" : ProviderMetadata.Reason(context.Failure));
        context.HandleResponse();
        context.Response.Redirect(ProviderEndpoints.LoginWith(ProviderOutcome.Failed, context.Properties?.RedirectUri));
        return Task.CompletedTask;
    }
}
