using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Portal.Features.OpenData;

/// <summary>
/// What every open-data response shares: it is written for an anonymous visitor whoever asks
/// (<see cref="AsVisitor"/> takes the request's sign-in away before any service runs, so a
/// councillor's cookie never widens an API answer), it may be read from any site's scripts
/// (CORS: <c>Access-Control-Allow-Origin: *</c>, GET only), and it carries an ETag so that a
/// client polling an unchanged answer gets 304 and no body.
/// </summary>
public static class OpenDataResponses
{
    /// <summary>UTF-8 without HTML escaping (the OParl specification forbids it), camelCase, nulls left out.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The API's records as their OpenAPI document describes them: every property present, null when it has no value.</summary>
    public static JsonSerializerOptions ApiJson { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string JsonType = "application/json; charset=utf-8";

    /// <summary>Runs the endpoints of a group as an anonymous visitor, with the CORS headers the open data carries.</summary>
    public static RouteGroupBuilder AsOpenData(this RouteGroupBuilder group, bool answerPreflight = true)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.AddEndpointFilter(AsVisitor);
        group.AllowAnonymous();
        if (!answerPreflight)
        {
            return group;
        }

        // A script on another site that sends If-None-Match asks first; the answer allows GET and that header only.
        group.MapMethods("/{**path}", [HttpMethods.Options], (HttpContext http) =>
        {
            Cors(http);
            http.Response.Headers.AccessControlAllowHeaders = "If-None-Match";
            http.Response.Headers.AccessControlMaxAge = "86400";
            return Results.NoContent();
        }).ExcludeFromDescription();
        return group;
    }

    /// <summary>Forgets who is signed in, for the rest of the request: open data is what the public sees.</summary>
    public static async ValueTask<object?> AsVisitor(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity());
        Cors(context.HttpContext);
        return await next(context);
    }

    public static void Cors(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.AccessControlAllowOrigin = "*";
        http.Response.Headers.AccessControlAllowMethods = "GET";
        http.Response.Headers.AccessControlExposeHeaders = "ETag";
    }

    /// <summary>A JSON answer with its ETag, or 304 when the client already has it.</summary>
    public static IResult Send(HttpContext http, JsonNode node) =>
        Send(http, JsonSerializer.SerializeToUtf8Bytes(node, Json), JsonType);

    /// <summary>A typed answer serialised as the OpenAPI document describes it, with its ETag, or 304.</summary>
    public static IResult Send<T>(HttpContext http, T value) =>
        Send(http, JsonSerializer.SerializeToUtf8Bytes(value, ApiJson), JsonType);

    public static IResult Send(HttpContext http, byte[] bytes, string contentType)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(bytes);
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(bytes), 0, 16)}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Contains(etag)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(bytes, contentType);
    }

    /// <summary>A refusal as JSON (never the HTML not-found page, which a client cannot read).</summary>
    public static IResult Problem(int status, string message) =>
        Results.Json(new ProblemMessage(status, message), Json, statusCode: status, contentType: JsonType);
}

/// <summary>A refusal: the status again and what was wrong, in words.</summary>
public sealed record ProblemMessage(int Status, string Message);
