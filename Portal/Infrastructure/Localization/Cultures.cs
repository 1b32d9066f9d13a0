using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Resources;

namespace Portal.Infrastructure.Localization;

/// <summary>The two languages the portal speaks, and how a reader switches between them.</summary>
public static class Cultures
{
    public const string English = "en-GB";
    public const string Swedish = "sv-SE";

    public static readonly IReadOnlyList<string> Supported = [English, Swedish];

    /// <summary>Sets the culture cookie and returns to the page the reader was on.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (HttpContext context, string? culture, string? returnUrl) =>
        {
            if (culture is null || !Supported.Contains(culture))
            {
                return Results.BadRequest();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(Security.LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return endpoints;
    }

    public static CultureInfo Info(string name) => CultureInfo.GetCultureInfo(name);

    /// <summary>The reader's language for a broken rule, falling back to the domain's English.</summary>
    public static string Describe(this IStringLocalizer<Text> text, DomainRuleException rule)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rule);
        var localized = text[$"Rule.{rule.Code}", [.. rule.Arguments]];
        if (localized.ResourceNotFound && rule.Arguments is [int count, ..])
        {
            // A rule whose message counts something ("1 thing is missing") has a form per number.
            localized = text.Plural($"Rule.{rule.Code}", count, [.. rule.Arguments]);
        }

        return localized.ResourceNotFound ? rule.Message : localized.Value;
    }
}
