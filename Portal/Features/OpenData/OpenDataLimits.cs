using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Infrastructure.Security;

namespace Portal.Features.OpenData;

/// <summary>
/// How many open-data requests (OParl, <c>/api/v1</c>, the Atom feeds) one address may make in
/// the rate limits' window: <c>Portal:RateLimits:OpenDataPerAddress</c> (300; 0 switches it off).
/// A crawler over the limit gets 429 with Retry-After, like every other limit of the portal.
/// </summary>
public static class OpenDataLimits
{
    public const string Policy = "open-data";

    public const int DefaultPerAddress = 300;

    public static IServiceCollection AddOpenDataLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RateLimitOptions.Section);
        var limit = section.GetValue("OpenDataPerAddress", DefaultPerAddress);
        var window = TimeSpan.FromSeconds(Math.Max(1, section.GetValue("WindowSeconds", 60)));
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, context => limit <= 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter($"{Policy}|{ClientAddress.Of(context)}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = window,
                QueueLimit = 0,
            })));
        return services;
    }
}
