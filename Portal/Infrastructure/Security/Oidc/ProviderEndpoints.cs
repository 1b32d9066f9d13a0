using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Infrastructure.Security.Oidc;

/// <summary>
/// The two links of provider sign-in: start a sign-in at the provider (after checking it can be
/// reached, so an unreachable or wrong authority is a message on the sign-in page, not an error
/// page), and, just after signing out of the portal, sign out at the provider too.
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
    public static async Task<string> AfterSignOutAsync(HttpContext context, ClaimsPrincipal signedOut, ProviderMetadata provider)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signedOut);
        ArgumentNullException.ThrowIfNull(provider);
        var viaProvider = signedOut.FindFirstValue(ClaimTypes.AuthenticationMethod) == ProviderSignInService.LoginProvider;
        if (!viaProvider || !await provider.HasEndSessionAsync(context.RequestAborted))
        {
            return "~/";
        }

        MarkSignedOut(context);
        return "~/account/signed-out";
    }

    public static IEndpointRouteBuilder MapProviderSignIn(this IEndpointRouteBuilder endpoints)
    {
        // Links, not form posts: the portal's policy lets a form post lead only to the portal itself
        // (form-action 'self'), and a browser holds a redirect after a post to that too.
        endpoints.MapGet("/account/login/provider", async Task<IResult> (HttpContext context, [FromQuery] string? returnUrl, [FromServices] ProviderMetadata provider, [FromServices] ILogger<ProviderMetadata> logger) =>
        {
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
                logger.LogError("A provider sign-in could not start: {Reason}", ProviderMetadata.Reason(ex));
                return TypedResults.LocalRedirect("~" + LoginWith(ProviderOutcome.Unavailable, returnUrl));
            }
        });

        // Only straight after signing out of the portal here (the marker is SameSite=Strict, so a
        // link on another site cannot sign anyone out of their council account).
        endpoints.MapGet("/account/logout/provider", async Task<IResult> (HttpContext context, [FromServices] ProviderMetadata provider) =>
        {
            if (!JustSignedOut(context) || !await provider.HasEndSessionAsync(context.RequestAborted))
            {
                return TypedResults.LocalRedirect("~/");
            }

            context.Response.Cookies.Delete(SignedOutMarker);
            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OidcSetup.Scheme]);
        });
        return endpoints;
    }

    /// <summary>Whether this browser signed out of a provider sign-in in the last few minutes (and so may be offered the provider's sign-out).</summary>
    public static bool JustSignedOut(HttpContext context) =>
        context?.Request.Cookies.ContainsKey(SignedOutMarker) == true;

    private const string SignedOutMarker = "portal.provider-signout";

    private static void MarkSignedOut(HttpContext context) =>
        context.Response.Cookies.Append(SignedOutMarker, "1", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(10),
            Path = "/account",
        });
}
