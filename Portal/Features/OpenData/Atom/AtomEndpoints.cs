using System.Text;

namespace Portal.Features.OpenData.Atom;

/// <summary>
/// The Atom feeds, as plain GETs a feed reader polls: <c>/decisions.atom</c>,
/// <c>/meetings/bodies/{slug}/decisions.atom</c> and <c>/meetings/bodies/{slug}/papers.atom</c>.
/// An anonymous visitor's view whoever asks, with ETags and the open-data rate limit; a body the
/// public does not see is a plain 404.
/// </summary>
public static class AtomEndpoints
{
    public static IEndpointRouteBuilder MapAtomFeeds(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup(string.Empty).AsOpenData(answerPreflight: false).RequireRateLimiting(OpenDataLimits.Policy).ExcludeFromDescription();
        feeds.MapGet("/decisions.atom", async (HttpContext http, AtomFeedService atom, CancellationToken ct) =>
            Feed(http, await atom.DecisionsAsync(null, ct)));
        feeds.MapGet("/meetings/bodies/{slug}/decisions.atom", async (string slug, HttpContext http, AtomFeedService atom, CancellationToken ct) =>
            Feed(http, await atom.DecisionsAsync(slug, ct)));
        feeds.MapGet("/meetings/bodies/{slug}/papers.atom", async (string slug, HttpContext http, AtomFeedService atom, CancellationToken ct) =>
            Feed(http, await atom.PapersAsync(slug, ct)));
        return endpoints;
    }

    private static IResult Feed(HttpContext http, string? xml) =>
        xml is null
            ? Results.Text("There is no such feed.", "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound)
            : OpenDataResponses.Send(http, Encoding.UTF8.GetBytes(xml), AtomFeedService.ContentType);
}
