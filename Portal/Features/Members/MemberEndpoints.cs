using System.Globalization;
using Portal.Features.Members.Photos;

namespace Portal.Features.Members;

/// <summary>
/// A councillor's photo, from the database. Its address carries the photo's version
/// (<c>?v=3</c>), so a browser keeps it for a year and a new photo gets a new address; an
/// unchanged photo asked again answers 304.
/// </summary>
public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapCouncillorPhotos(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/councillors/{id:int}/photo", async (int id, string? v, HttpContext http, PhotoService photos, CancellationToken ct) =>
        {
            var photo = await photos.GetAsync(id, ct);
            if (photo is null)
            {
                return Results.NotFound();
            }

            var etag = string.Create(CultureInfo.InvariantCulture, $"\"photo-{id}-{photo.Version}\"");
            http.Response.Headers.ETag = etag;
            // The version asked for is only compared: anything else in it is a plain miss of the long cache.
            http.Response.Headers.CacheControl = v == photo.Version.ToString(CultureInfo.InvariantCulture) ? "public, max-age=31536000, immutable" : "public, no-cache";
            return http.Request.Headers.IfNoneMatch.Contains(etag)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(photo.Bytes, photo.ContentType);
        });
        return endpoints;
    }
}
