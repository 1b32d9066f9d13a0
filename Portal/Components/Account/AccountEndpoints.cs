using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.Oidc;

namespace Portal.Components.Account;

/// <summary>
/// Sign-out is a form post with an antiforgery token, not a link another site can make a browser
/// follow. It ends the session on the server as well as deleting the cookie, so a copy of the
/// cookie taken before is refused from then on (<see cref="EndedSessions"/>).
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async Task<IResult> (HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<PortalUser> signInManager, [FromServices] EndedSessions sessions, [FromServices] ProviderMetadata provider) =>
        {
            // The endpoint binds no form, so nothing checks the token unless it is checked here.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }

            if (context.User.FindFirstValue(PortalClaims.Session) is { Length: > 0 } session)
            {
                await sessions.EndAsync(session, context.RequestAborted);
            }

            var signedOut = context.User;
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(await ProviderEndpoints.AfterSignOutAsync(context, signedOut, provider));
        });
        return endpoints;
    }
}
