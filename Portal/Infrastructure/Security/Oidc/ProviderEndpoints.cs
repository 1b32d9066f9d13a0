using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Infrastructure.Security.Oidc;

/// <summary>
/// The two form posts of provider sign-in: start a sign-in at the provider (after checking it can
/// be reached, so an unreachable or wrong authority is a message on the sign-in page, not an error
/// page), and, after signing out of the portal, sign out at the provider too.
/// </summary>
public static class ProviderEndpoints
{
    /// <summary>The sign-in page, saying what became of a provider sign-in.</summary>
    public static string LoginWith(ProviderOutcome outcome, string? returnUrl)
    {
        var page = $"/account/login?provider={outcome.ToString().ToLowerInvariant()}";
        return LocalUrl.IsLocal(returnUrl) && returnUrl != "/" ? $"{page}&returnUrl={Uri.EscapeDataString(returnUrl!)}" : page;
    }

    /// <summary>Where to go once signed out of the portal: the offer to sign out at the provider too, when it was a provider sign-in and the provider has an end-session endpoint.</summary>
    public static async Task<string> AfterSignOutAsync(ClaimsPrincipal signedOut, ProviderMetadata provider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signedOut);
        ArgumentNullException.ThrowIfNull(provider);
        var viaProvider = signedOut.FindFirstValue(ClaimTypes.AuthenticationMethod) == ProviderSignInService.LoginProvider;
        return viaProvider && await provider.HasEndSessionAsync(ct) ? "/account/signed-out" : "~/";
    }

    public static IEndpointRouteBuilder MapProviderSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/login/provider", async Task<IResult> (HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] ProviderMetadata provider, [FromServices] ILogger<ProviderMetadata> logger) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = form["returnUrl"].ToString();
            returnUrl = LocalUrl.IsLocal(returnUrl) ? returnUrl : "/";
            if (!provider.Enabled)
            {
                return TypedResults.LocalRedirect("~/account/login");
            }

            if (await provider.ReadAsync(context.RequestAborted) is null)
            {
                return TypedResults.LocalRedirect("~" + LoginWith(ProviderOutcome.Unavailable, returnUrl));
            }

            try
            {
                await context.ChallengeAsync(OidcSetup.Scheme, new AuthenticationProperties { RedirectUri = returnUrl });
                return TypedResults.Empty;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
            {
                logger.LogError("A provider sign-in could not start: {Reason}", ex.Message);
                return TypedResults.LocalRedirect("~" + LoginWith(ProviderOutcome.Unavailable, returnUrl));
            }
        }).RequireRateLimiting(RateLimits.SignIn);

        endpoints.MapPost("/account/logout/provider", async Task<IResult> (HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] ProviderMetadata provider) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }

            if (!await provider.HasEndSessionAsync(context.RequestAborted))
            {
                return TypedResults.LocalRedirect("~/");
            }

            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OidcSetup.Scheme]);
        });
        return endpoints;
    }
}
