using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Portal.Infrastructure.Hosting;

/// <summary>
/// OpenTelemetry metrics and traces, exported by OTLP only when an endpoint is configured
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>Portal:Telemetry:OtlpEndpoint</c>); otherwise nothing
/// is registered. Metrics: ASP.NET Core (requests, Kestrel connections, SignalR connections, Blazor
/// circuits and renders, rate limiting, authentication), outgoing HTTP, the runtime and the
/// portal's backups. Traces: requests, outgoing HTTP, Blazor, SignalR and backups. No personal data:
/// a request's path is its route template (never a feed's private address), its query, the
/// visitor's address and user agent are dropped, and no instrument is tagged with who.
/// </summary>
public static class PortalTelemetry
{
    public const string EndpointKey = "Portal:Telemetry:OtlpEndpoint";
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string Name = "Portal";

    /// <summary>The portal's own spans (a backup).</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Backups taken, tagged with the trigger (scheduled, on demand) and the outcome (sound, failed, unreadable).</summary>
    public static readonly Counter<long> Backups = Meter.CreateCounter<long>("portal.backups", "{backup}", "Backups of the database taken");

    /// <summary>How long a backup took, copy and checks included.</summary>
    public static readonly Histogram<double> BackupDuration = Meter.CreateHistogram<double>("portal.backup.duration", "s", "Time to copy and check the database");

    private static readonly string[] Meters =
    [
        Name,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Lifecycle",
        "Microsoft.AspNetCore.Components.Server.Circuits",
    ];

    private static readonly string[] Sources = [Name, "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.SignalR.Server"];

    /// <summary>Where telemetry goes, or null when it is off.</summary>
    public static Uri? Endpoint(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[EndpointKey];
        value = string.IsNullOrWhiteSpace(value) ? configuration[StandardEndpointKey] : value;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>What is on, in words, for the start-up check.</summary>
    public static string Describe(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var logs = string.Equals(configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase)
            ? "console logs as JSON"
            : "console logs as text (Logging:Console:FormatterName=json for JSON)";
        return Endpoint(configuration) is Uri endpoint
            ? $"metrics and traces exported by OTLP to {endpoint}; {logs}"
            : $"off (set {StandardEndpointKey} or {EndpointKey} to export metrics and traces by OTLP); {logs}";
    }

    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (Endpoint(configuration) is not Uri endpoint)
        {
            return services;
        }

        var otlpEndpoint = configuration[EndpointKey];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("portal"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(Meters);
                metrics.AddOtlpExporter(options => Point(options, otlpEndpoint, endpoint, "v1/metrics"));
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options =>
                    {
                        options.EnrichWithHttpResponse = (activity, response) => WithoutPersonalData(activity, response.HttpContext);
                        options.RecordException = false;
                    })
                    .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = (activity, _) => activity.SetTag("url.full", null))
                    .AddSource(Sources);
                tracing.AddOtlpExporter(options => Point(options, otlpEndpoint, endpoint, "v1/traces"));
            });
        return services;
    }

    /// <summary>
    /// A request's span keeps its method, route template and status: the path becomes the template
    /// (so a private feed address or an invitation's user id never leaves), and the query, the
    /// visitor's address and the user agent are dropped.
    /// </summary>
    internal static void WithoutPersonalData(Activity activity, HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", route is null ? "(unrouted)" : "/" + route.TrimStart('/'));
        activity.SetTag("url.query", null);
        activity.SetTag("client.address", null);
        activity.SetTag("client.port", null);
        activity.SetTag("user_agent.original", null);
    }

    /// <summary>
    /// The portal's own setting names the collector (http://collector:4318 and the signal's path is
    /// added, as the standard variable does); the standard variables are otherwise read by the exporter itself.
    /// </summary>
    private static void Point(OpenTelemetry.Exporter.OtlpExporterOptions options, string? portalSetting, Uri endpoint, string signalPath)
    {
        if (!string.IsNullOrWhiteSpace(portalSetting))
        {
            options.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
            options.Endpoint = new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/" + signalPath);
        }
    }
}
