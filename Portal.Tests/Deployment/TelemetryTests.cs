using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Portal.Tests.Browser;
using Portal.Tests.Security;

namespace Portal.Tests.Deployment;

/// <summary>
/// Telemetry is off (nothing registered) until an OTLP endpoint is configured; configured, the
/// running portal records request, Kestrel and SignalR metrics and request spans (caught here by
/// an in-memory exporter beside the OTLP one), and a span carries the route template, never a
/// private feed address, a query or the visitor's address.
/// </summary>
public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnconfiguredNothingIsRegistered()
    {
        await using var app = new PortalApp();
        app.Start();

        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task ConfiguredRequestsAreMeasuredAndTracedWithoutPersonalData()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var app = new PortalApp(
            settings: new Dictionary<string, string> { ["Portal:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9" },
            services: services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            });
        app.Start();

        using var client = await PortalHttp.ClientAsync(app.BaseUrl);
        using var feed = await client.GetAsync("/meetings/feeds/private-token-of-someone.ics?person=someone%40york.example", Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);

        // Flushing reports false: the OTLP exporter beside the in-memory one has no collector to reach.
        app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);

        var span = Assert.Single(spans, s => s.GetTagItem("http.route") is "/meetings/feeds/{token}.ics" or "meetings/feeds/{token}.ics");
        Assert.Equal("/meetings/feeds/{token}.ics", span.GetTagItem("url.path"));
        var everyTag = string.Join(' ', spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString()));
        Assert.DoesNotContain("private-token", everyTag, StringComparison.Ordinal);
        Assert.DoesNotContain("york.example", everyTag, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", spans.SelectMany(s => s.TagObjects).Where(t => t.Key == "client.address").Select(t => t.Value?.ToString()));

        var names = metrics.Select(m => m.Name).ToHashSet();
        Assert.Contains("http.server.request.duration", names);
        Assert.Contains("kestrel.active_connections", names);
    }
}
