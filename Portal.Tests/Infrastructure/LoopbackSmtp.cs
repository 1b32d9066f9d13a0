using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port, hosted in the test process:
/// it keeps every message that arrives, parsed with MimeKit, with the recipients the client gave
/// in the envelope. <see cref="RefuseWith"/> makes it answer each message with an error instead.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private LoopbackSmtp(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<Received> Messages { get; } = new();

    /// <summary>When set, every message is answered with this code (451 a passing refusal, 550 a lasting one).</summary>
    public int? RefuseWith { get; set; }

    public static async Task<LoopbackSmtp> StartAsync()
    {
        var server = new LoopbackSmtp(FreePort());
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, server.Port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("The loopback SMTP server did not start.");
    }

    /// <summary>A port nothing listens on (chosen by the OS, then let go): a mail server that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (Messages.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return [.. Messages];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    public sealed record Received(IReadOnlyList<string> To, MimeMessage Message);

    private sealed class Store(LoopbackSmtp server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.RefuseWith is int code)
            {
                return new SmtpResponse((SmtpReplyCode)code, "Refused by the test");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server.Messages.Enqueue(new Received(transaction.To.Select(t => $"{t.User}@{t.Host}").ToList(), message));
            return SmtpResponse.Ok;
        }
    }
}
