using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real HTTP reverse proxy (YARP) on a free loopback port in front of the portal, as a council
/// puts nginx in front of it: it passes everything on (WebSockets too) from its own address
/// <see cref="From"/> and sets <c>X-Forwarded-For</c> (the caller's address),
/// <c>X-Forwarded-Host</c> (the Host the caller asked for) and <c>X-Forwarded-Proto</c> (https, as
/// a proxy that ends TLS says, unless told otherwise), replacing whatever the caller sent.
/// </summary>
public sealed class ReverseProxy : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReverseProxy(WebApplication app, string baseUrl, string from)
    {
        _app = app;
        BaseUrl = baseUrl;
        From = from;
    }

    public string BaseUrl { get; }

    /// <summary>The loopback address the proxy's connections to the portal come from.</summary>
    public string From { get; }

    /// <param name="keepHost">Pass the caller's Host header on (as nginx's <c>proxy_set_header Host $host</c>) rather than the portal's address.</param>
    public static async Task<ReverseProxy> StartAsync(string destination, string from = "127.0.0.2", string proto = "https", bool keepHost = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "portal", ClusterId = "portal", Match = new RouteMatch { Path = "{**rest}" } }],
                [new ClusterConfig { ClusterId = "portal", Destinations = new Dictionary<string, DestinationConfig> { ["portal"] = new() { Address = destination } } }])
            .ConfigureHttpClient((_, handler) => handler.ConnectCallback = (context, ct) => ConnectFromAsync(IPAddress.Parse(from), context.DnsEndPoint, ct))
            .AddTransforms(context =>
            {
                context.UseDefaultForwarders = false;
                context.AddXForwardedFor(action: ForwardedTransformActions.Set);
                context.AddXForwardedHost(action: ForwardedTransformActions.Set);
                context.AddRequestHeader("X-Forwarded-Proto", proto, append: false);
                context.AddOriginalHost(keepHost);
            });
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReverseProxy(app, address.TrimEnd('/'), from);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress local, DnsEndPoint target, CancellationToken ct)
    {
        var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(target, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
