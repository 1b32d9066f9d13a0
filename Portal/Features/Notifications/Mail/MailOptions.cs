namespace Portal.Features.Notifications.Mail;

/// <summary>How mail leaves the portal: <c>Portal:Mail</c>. With neither a host nor a pickup folder, nothing is mailed and notifications stay in the portal.</summary>
public sealed class MailOptions
{
    public const string Section = "Portal:Mail";

    /// <summary>The SMTP server's name or address.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailTls TlsMode { get; set; } = MailTls.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address, such as "Council portal &lt;portal@council.gov.uk&gt;".</summary>
    public string From { get; set; } = "portal@localhost";

    /// <summary>
    /// Whether to send a mail's envelope commands together (SMTP PIPELINING) when the server offers it.
    /// Off by default: a server that writes each pipelined reply in its own small packet (the SmtpServer
    /// package does) meets the client's delayed acknowledgement and each mail waits about 40 ms.
    /// </summary>
    public bool Pipelining { get; set; }

    /// <summary>For development: write each mail as an .eml file in this folder instead of sending it.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>How often the sender looks for due mail when nothing wakes it.</summary>
    public double PollSeconds { get; set; } = 15;

    /// <summary>The wait before the second attempt; it doubles with each further one.</summary>
    public double RetrySeconds { get; set; } = 60;

    /// <summary>After this many failed attempts a mail is marked failed, for an administrator to retry.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long the sender holds a mail it is sending; past it, a mail left "sending" by a crash is sent again.</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>The hour (council time, 0-23) the daily digests go.</summary>
    public int DigestHour { get; set; } = 7;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(PickupFolder);
}

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum MailTls
{
    None = 0,
    StartTls = 1,
    SslOnConnect = 2,

    /// <summary>SSL on port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto = 3,
}
