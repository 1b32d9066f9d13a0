using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Resources;

namespace Portal.Infrastructure.Security;

/// <summary>
/// How many requests one address may make in a window to what a script would hammer: the
/// sign-in, setup and set-password forms (their posts), search and the calendar feeds; and how
/// the sign-in lockout counts ("Portal:RateLimits"). 0 switches a limit off.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Portal:RateLimits";

    /// <summary>The window every limit counts in, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts from one address, whatever the email (a council building shares one address, so not too few).</summary>
    public int SignInPerAddress { get; set; } = 30;

    /// <summary>Sign-in attempts for one email from one address (per account and address, so that no one can use it to keep the owner out).</summary>
    public int SignInPerAccount { get; set; } = 10;

    /// <summary>Posts of the first-administrator form from one address.</summary>
    public int SetupPerAddress { get; set; } = 10;

    /// <summary>Posts of the set-password form from one address.</summary>
    public int SetPasswordPerAddress { get; set; } = 10;

    /// <summary>Searches (requests of /search) from one address.</summary>
    public int SearchPerAddress { get; set; } = 60;

    /// <summary>Calendar feed requests from one address (calendar apps poll; a building full of them shares one address).</summary>
    public int FeedsPerAddress { get; set; } = 120;

    /// <summary>Wrong passwords for one email from one address before that pair is locked (<see cref="SignInThrottle"/>).</summary>
    public int LockoutAfter { get; set; } = 5;

    /// <summary>
    /// Wrong passwords for one email from any addresses, in a day, before every browser that has not
    /// signed in as that email before waits too (guessing spread over many addresses); the owner's
    /// own browsers are counted apart and go on (<see cref="KnownDevices"/>).
    /// </summary>
    public int LockoutAcrossAddressesAfter { get; set; } = 20;

    /// <summary>The first lock's length in minutes; each failure after it doubles the wait.</summary>
    public double LockoutFirstMinutes { get; set; } = 1;

    /// <summary>The longest wait, in minutes.</summary>
    public double LockoutMaxMinutes { get; set; } = 60;
}

/// <summary>
/// ASP.NET Core's rate limiter on the forms and reads a script would hammer, per address
/// (<see cref="ClientAddress"/>) and, for signing in, per email and address as well. A request
/// over a limit gets 429 with a Retry-After header and a short page in the reader's language
/// saying when to try again; nothing behind it runs. Pages and endpoints name their policy
/// (<c>[EnableRateLimiting(RateLimits.SignIn)]</c>, <c>.RequireRateLimiting(RateLimits.Feeds)</c>).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Setup = "setup";
    public const string SetPassword = "set-password";
    public const string Search = "search";
    public const string Feeds = "feeds";

    // Swedish letters written as themselves, not as character references.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The sign-in form's email field, read by the per-account limit.</summary>
    private const string EmailField = "Input.Email";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RateLimitOptions.Section);
        var limits = section.Get<RateLimitOptions>() ?? new RateLimitOptions();
        var window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, context => PerAddress(context, SignIn, limits.SignInPerAddress, window, postsOnly: true));
            options.AddPolicy(Setup, context => PerAddress(context, Setup, limits.SetupPerAddress, window, postsOnly: true));
            options.AddPolicy(SetPassword, context => PerAddress(context, SetPassword, limits.SetPasswordPerAddress, window, postsOnly: true));
            options.AddPolicy(Search, context => PerAddress(context, Search, limits.SearchPerAddress, window, postsOnly: false));
            options.AddPolicy(Feeds, context => PerAddress(context, Feeds, limits.FeedsPerAddress, window, postsOnly: false));

            // Runs before the endpoint's own policy, on every request: a limit only for a sign-in post, per email and address.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                PolicyOf(context) == SignIn && HttpMethods.IsPost(context.Request.Method) && Email(context) is string email
                    ? Window($"{SignIn}|{email}|{ClientAddress.Of(context)}", limits.SignInPerAccount, window)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>The rate limiter, after the request's culture is known (its refusal is in the reader's language).</summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // A sign-in post's form is read before the limiter, so that the per-account limit sees
        // the email without blocking a thread; the page reads the same form again from the cache.
        // A form no sign-in page sends (too many fields, a field too long, a broken body) is
        // answered 400 here, not left to fail as an error further on.
        app.Use(async (context, next) =>
        {
            if (PolicyOf(context) == SignIn && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static string? PolicyOf(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    private static string? Email(HttpContext context) =>
        context.Features.Get<IFormFeature>()?.Form is { } form && form[EmailField].ToString() is { Length: > 0 and <= 256 } email
            ? email.Trim().ToUpperInvariant()
            : null;

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, int limit, TimeSpan window, bool postsOnly) =>
        postsOnly && !HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : Window($"{policy}|{ClientAddress.Of(context)}", limit, window);

    private static RateLimitPartition<string> Window(string key, int limit, TimeSpan window) =>
        limit <= 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    /// <summary>429, Retry-After, and a plain page in the reader's language saying when to try again.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        seconds = Math.Max(1, seconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
            .LogWarning("A request was refused: over the {Policy} rate limit", PolicyOf(context));

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<Text>>();
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        var wait = seconds < 60 ? text["TooMany.UnderAMinute"] : minutes == 1 ? text["TooMany.AMinute"] : text["TooMany.Minutes", minutes];
        string Encode(string value) => Html.Encode(value);
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{Encode(CultureInfo.CurrentUICulture.Name)}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>{Encode(text["TooMany.Title"])} – {Encode(text["App.Name"])}</title></head>
            <body>
            <main>
            <h1>{Encode(text["TooMany.Title"])}</h1>
            <p>{Encode(text["TooMany.Body", wait])}</p>
            <p><a href="/">{Encode(text["Common.BackHome"])}</a></p>
            </main>
            </body>
            </html>
            """,
            ct);
    }
}
