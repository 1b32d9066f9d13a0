using System.Net;
using Microsoft.Extensions.Localization;
using Portal.Resources;

namespace Portal.Features.Notifications.Preferences;

/// <summary>
/// The unsubscribe link in each mail: a GET shows a page with one button (so a link checker that
/// opens every link switches nothing off), its POST, or a mail program's one-click POST
/// (RFC 8058, List-Unsubscribe-Post), switches the kind off, or takes an outside address off a distribution list. The signed token is the authority:
/// no sign-in, and no antiforgery token (a mail program has none).
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/notifications/unsubscribe", (string? token, IStringLocalizer<Text> text) =>
            Page(text["Notify.UnsubscribeTitle"], $"<p>{E(text["Notify.UnsubscribeAsk"])}</p><form method=\"post\"><input type=\"hidden\" name=\"token\" value=\"{E(token ?? string.Empty)}\"><button type=\"submit\">{E(text["Notify.UnsubscribeButton"])}</button></form>"));
        app.MapPost("/notifications/unsubscribe", async (
            HttpRequest request, PreferenceService preferences, Distribution.DistributionService lists, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var token = request.Query["token"].FirstOrDefault();
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                token = form["token"].FirstOrDefault() ?? token;
            }

            if (await preferences.UnsubscribeAsync(token, ct))
            {
                return Page(text["Notify.UnsubscribeTitle"], $"<p>{E(text["Notify.Unsubscribed"])}</p><p><a href=\"/notifications/preferences\">{E(text["Notify.Preferences"])}</a></p>");
            }

            // An outside address on a body's distribution list: its token takes it off the list.
            return await lists.LeaveAsync(token, ct)
                ? Page(text["Notify.UnsubscribeTitle"], $"<p>{E(text["Distribution.Left"])}</p>")
                : Page(text["Notify.UnsubscribeTitle"], $"<p>{E(text["Notify.UnsubscribeBad"])}</p>", StatusCodes.Status400BadRequest);
        }).DisableAntiforgery();
        return app;
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(
            $"<!DOCTYPE html><html lang=\"{E(System.Globalization.CultureInfo.CurrentUICulture.Name)}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)}</title></head><body><main><h1>{E(title)}</h1>{body}</main></body></html>",
            "text/html; charset=utf-8", statusCode: status);
}
