using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Portal.Tests.Deployment;

/// <summary>
/// Debian's nginx running <c>Portal/deploy/portal.nginx.conf</c> as the README tells an
/// administrator to install it, changed only where a test must: loopback ports instead of 80
/// and 443, the test's portal instead of 127.0.0.1:5000, a certificate made for the run, and
/// the process's own folders. Absent nginx, <see cref="Path"/> is null (CI installs it).
/// </summary>
internal sealed class NginxSite : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxSite(Process process, string folder, int httpPort, int httpsPort)
    {
        _process = process;
        _folder = folder;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
    }

    public static string? Path { get; } = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public static async Task<NginxSite> StartAsync(string site, int portalPort, string host, string folder)
    {
        Directory.CreateDirectory(folder);
        var (certificate, key) = WriteCertificate(folder, host);
        var httpPort = FreePort();
        var httpsPort = FreePort();
        var adapted = site
            .Replace("server 127.0.0.1:5000;", $"server 127.0.0.1:{portalPort};", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{httpPort};", StringComparison.Ordinal)
            .Replace("listen 443 ssl", $"listen 127.0.0.1:{httpsPort} ssl", StringComparison.Ordinal)
            .Replace($"/etc/ssl/certs/{host}.pem", certificate, StringComparison.Ordinal)
            .Replace($"/etc/ssl/private/{host}.key", key, StringComparison.Ordinal);
        adapted = string.Join('\n', adapted.Split('\n').Where(l => !l.TrimStart().StartsWith("listen [::]", StringComparison.Ordinal)));
        Assert.Contains($"127.0.0.1:{portalPort}", adapted, StringComparison.Ordinal);
        Assert.Contains(certificate, adapted, StringComparison.Ordinal);

        var conf = System.IO.Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(conf, $$"""
            daemon off;
            master_process off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{adapted}}
            }
            """);
        var start = new ProcessStartInfo(Path!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", folder, "-c", conf })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var nginx = new NginxSite(process, folder, httpPort, httpsPort);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                Assert.Fail($"nginx would not start with the deployment's site file:\n{await process.StandardError.ReadToEndAsync()}\n{ReadLog(folder)}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, httpsPort);
                return nginx;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await nginx.DisposeAsync();
        Assert.Fail("nginx did not open its port.\n" + ReadLog(folder));
        return nginx;
    }

    /// <summary>A handler that reaches the public host name at this nginx (as DNS would) and accepts the run's own certificate.</summary>
    public SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    };

    public string Log() => ReadLog(_folder);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string ReadLog(string folder)
    {
        var log = System.IO.Path.Combine(folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }

    private static (string Certificate, string Key) WriteCertificate(string folder, string host)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificateFile = System.IO.Path.Combine(folder, "portal.pem");
        var keyFile = System.IO.Path.Combine(folder, "portal.key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem(), Encoding.ASCII);
        File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem(), Encoding.ASCII);
        return (certificateFile, keyFile);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
