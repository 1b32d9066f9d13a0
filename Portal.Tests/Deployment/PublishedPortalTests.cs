using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deployment;

/// <summary>
/// The deployment as the README describes it: a fresh <c>dotnet publish -c Release</c>, started
/// (<c>dotnet Portal.dll</c> from its folder, as <c>Portal/deploy/portal.service</c> does) with the
/// settings of <c>Portal/deploy/portal.env.example</c> (only the port and the data folder moved
/// to the test's own), behind a reverse proxy doing what <c>Portal/deploy/portal.nginx.conf</c>
/// does (YARP on loopback: the Host passed on, X-Forwarded-For/-Proto/-Host set, WebSockets
/// through): the published binary's check finds nothing to fix, and the home page, its
/// scripts and <c>/health/ready</c> are served through the proxy for the public host. About a
/// minute, most of it the publish.
/// </summary>
public sealed class PublishedPortalTests : IDisposable
{
    private const string PublicHost = "portal.council.gov.uk";

    private readonly TempDatabase _data = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task AFreshPublishWithTheReadmesSettingsServesThePortalBehindTheProxy()
    {
        var output = Path.Combine(_data.Folder, "app");
        var (published, log) = await RunAsync("dotnet", ["publish", Path.Combine(PortalProcess.RepositoryRoot, "Portal", "Portal.csproj"), "-c", "Release", "-o", output, "--nologo"], PortalProcess.RepositoryRoot, new Dictionary<string, string>(), TimeSpan.FromMinutes(4));
        Assert.True(published == 0, "dotnet publish failed:\n" + log);
        Assert.True(File.Exists(Path.Combine(output, "Portal.dll")));
        Assert.True(File.Exists(Path.Combine(output, "Portal.staticwebassets.endpoints.json")), "The static assets' manifest is not in the publish output.");
        Assert.False(Directory.Exists(Path.Combine(output, "deploy")), "The deployment files are for the administrator, not the published portal.");

        var port = FreePort();
        var settings = ReadmeSettings();
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["ConnectionStrings__Portal"] = $"Data Source={_data.File}";
        settings["Portal__Backups__Folder"] = Path.Combine(_data.Folder, "backups");

        var (checkedCode, checkedOutput) = await RunAsync("dotnet", [Path.Combine(output, "Portal.dll"), "check"], output, settings, TimeSpan.FromSeconds(60));
        Assert.True(checkedCode == 0, "The published portal's check found something to fix:\n" + checkedOutput);

        using var portal = Start(Path.Combine(output, "Portal.dll"), output, settings, out var portalLog);
        try
        {
            await WaitUntilLiveAsync(port, portal, portalLog);
            await using var proxy = await ReverseProxy.StartAsync($"http://127.0.0.1:{port}", from: "127.0.0.1", proto: "https", keepHost: true);
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(proxy.BaseUrl) };

            var home = await GetAsync(client, "/");
            Assert.True(home.Status == HttpStatusCode.OK, $"The home page answered {home.Status}:\n{home.Body}\n{portalLog}");
            Assert.Contains("<h1", home.Body, StringComparison.Ordinal);
            Assert.Contains("_framework/blazor.web", home.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/_framework/blazor.web.js")).Status);
            var ready = await GetAsync(client, "/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.Status);
            Assert.Contains("Healthy", ready.Body, StringComparison.Ordinal);

            // Asked for by another name than the public one (straight at Kestrel, say): refused.
            using var direct = new HttpClient();
            Assert.Equal(HttpStatusCode.BadRequest, (await direct.GetAsync($"http://127.0.0.1:{port}/", Ct)).StatusCode);

            await BehindTheDeploymentsNginxAsync(port);
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync(Ct);
        }
    }

    /// <summary>
    /// The same published portal behind Debian's nginx running <c>Portal/deploy/portal.nginx.conf</c>
    /// itself: over TLS the portal knows it was reached over HTTPS at its public name (HSTS, and the
    /// sign-in redirect), plain HTTP is sent to HTTPS, and a live page's WebSocket is upgraded
    /// through it and answers the circuit's handshake.
    /// </summary>
    private async Task BehindTheDeploymentsNginxAsync(int port)
    {
        if (NginxSite.Path is null)
        {
            Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "nginx is not installed; .ci/run installs it from Debian's packages.");
            TestContext.Current.TestOutputHelper?.WriteLine("nginx is not installed here, so the deployment's nginx site was not tried (CI tries it).");
            return;
        }

        var site = await File.ReadAllTextAsync(Path.Combine(PortalProcess.RepositoryRoot, "Portal", "deploy", "portal.nginx.conf"), Ct);
        await using var nginx = await NginxSite.StartAsync(site, port, PublicHost, Path.Combine(_data.Folder, "nginx"));
        using var https = new HttpClient(nginx.Handler()) { BaseAddress = new Uri($"https://{PublicHost}:{nginx.HttpsPort}") };

        using var home = await https.GetAsync("/", Ct);
        Assert.True(home.StatusCode == HttpStatusCode.OK, $"Through nginx the home page answered {home.StatusCode}.\n{nginx.Log()}");
        Assert.True(home.Headers.Contains("Strict-Transport-Security"), "Through nginx's TLS the portal did not know it was reached over HTTPS (no HSTS).");

        using var admin = await https.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Found, admin.StatusCode);
        Assert.StartsWith($"https://{PublicHost}/account/login", admin.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var plain = new HttpClient(nginx.Handler()) { BaseAddress = new Uri($"http://{PublicHost}:{nginx.HttpPort}") };
        using var moved = await plain.GetAsync("/meetings", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"https://{PublicHost}/meetings", moved.Headers.Location?.ToString());

        // A live page's connection: negotiated over HTTPS, then upgraded to a WebSocket through nginx.
        using var negotiate = await https.PostAsync("/_blazor/negotiate?negotiateVersion=1", content: null, Ct);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        using var answer = System.Text.Json.JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync(Ct));
        var token = answer.RootElement.GetProperty("connectionToken").GetString();
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        using var invoker = new HttpMessageInvoker(nginx.Handler());
        await socket.ConnectAsync(new Uri($"wss://{PublicHost}:{nginx.HttpsPort}/_blazor?id={token}"), invoker, Ct);
        await socket.SendAsync("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, endOfMessage: true, Ct);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, Ct);
        Assert.Equal("{}\u001e", System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count));
    }

    /// <summary>The KEY=value lines of Portal/deploy/portal.env.example, the settings the README gives for Production.</summary>
    private static Dictionary<string, string> ReadmeSettings()
    {
        var file = Path.Combine(PortalProcess.RepositoryRoot, "Portal", "deploy", "portal.env.example");
        var settings = File.ReadAllLines(file)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal($"https://{PublicHost}/", settings["Portal__PublicUrl"]);
        return settings;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = PublicHost;
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task WaitUntilLiveAsync(int port, Process portal, System.Text.StringBuilder log)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until && !portal.HasExited)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/health/live");
                request.Headers.Host = PublicHost;
                // Any answer will do: asked directly over plain HTTP it is sent to HTTPS, as it should be.
                using var live = await http.SendAsync(request, Ct);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!Ct.IsCancellationRequested)
            {
            }

            await Task.Delay(250, Ct);
        }

        Assert.Fail($"The published portal did not come up:\n{log}");
    }

    private static Process Start(string dll, string folder, IReadOnlyDictionary<string, string> settings, out System.Text.StringBuilder log) =>
        Launch("dotnet", [dll], folder, settings, out log);

    private static Process Launch(string file, string[] arguments, string folder, IReadOnlyDictionary<string, string> settings, out System.Text.StringBuilder log)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var lines = new System.Text.StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            lock (lines)
            {
                lines.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (lines)
            {
                lines.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log = lines;
        return process;
    }

    /// <summary>Runs a command to its end (failing the test after <paramref name="timeout"/>); its exit code and everything it printed.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string folder, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        using var process = Launch(file, arguments, folder, settings, out var log);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        wait.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} was still running after {timeout.TotalSeconds} s:\n{log}");
        }

        process.WaitForExit();
        lock (log)
        {
            return (process.ExitCode, log.ToString());
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
