using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Features.Notifications.Mail;

/// <summary>Where mail goes: an SMTP server, or a pickup folder in development.</summary>
public interface IMailTransport
{
    /// <summary>Opens a connection for a batch of mails; throws when the server cannot be reached.</summary>
    Task<IMailConnection> OpenAsync(CancellationToken ct);
}

public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Chooses the transport the settings ask for; null when no mail is configured.</summary>
public static class MailTransports
{
    public static IMailTransport? From(MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrWhiteSpace(options.PickupFolder) ? new PickupFolderTransport(options.PickupFolder)
            : !string.IsNullOrWhiteSpace(options.Host) ? new SmtpTransport(options)
            : null;
    }
}

/// <summary>Sends through an SMTP server with MailKit, one connection per batch.</summary>
public sealed class SmtpTransport(MailOptions options) : IMailTransport
{
    public async Task<IMailConnection> OpenAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = options.TlsMode switch
            {
                MailTls.None => SecureSocketOptions.None,
                MailTls.StartTls => SecureSocketOptions.StartTls,
                MailTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            // Our own socket with Nagle's algorithm off: SMTP is small commands each awaiting a reply,
            // and with it on each mail waited out a delayed acknowledgement (about 40 ms) several times.
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(options.Host ?? "localhost", options.Port, ct);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await client.ConnectAsync(socket, options.Host ?? "localhost", options.Port, security, ct);
            if (!options.Pipelining)
            {
                client.Capabilities &= ~SmtpCapabilities.Pipelining;
            }

            if (!string.IsNullOrEmpty(options.User))
            {
                await client.AuthenticateAsync(options.User, options.Password ?? string.Empty, ct);
            }

            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken ct) => client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // The mails are sent or marked already; a connection that drops on QUIT changes nothing.
            }

            client.Dispose();
        }
    }
}

/// <summary>
/// Writes each mail as an .eml file named by its Message-Id, for development: a second delivery of
/// the same notification overwrites its file rather than adding one.
/// </summary>
public sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public Task<IMailConnection> OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailConnection>(new Connection(folder));
    }

    private sealed class Connection(string folder) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
            var path = Path.Combine(folder, name + ".eml");
            var temp = path + ".tmp";
            await message.WriteToAsync(temp, ct);
            File.Move(temp, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Options read once: the transport the portal runs with.</summary>
public sealed class ConfiguredMail(IOptions<MailOptions> options)
{
    public MailOptions Options => options.Value;

    public IMailTransport? Transport { get; } = MailTransports.From(options.Value);
}
