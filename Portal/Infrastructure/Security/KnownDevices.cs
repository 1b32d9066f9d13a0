using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Infrastructure.Security;

/// <summary>
/// A browser that has signed in as an email before carries a cookie saying so, protected so that
/// it can be neither read nor forged. Its sign-ins for that email are counted on their own
/// (<see cref="SignInThrottle"/>), apart from the address it shares with everyone else in the
/// building: a council office behind one address cannot lock its own people out, however many
/// wrong passwords someone there types for a colleague's email, and guessing from many addresses
/// at once slows every browser but the owner's.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider protection)
{
    public const string CookieName = "portal.device";

    /// <summary>The prefix of a source that is a known browser rather than an address.</summary>
    public const string DevicePrefix = "device:";

    // A shared computer remembers a few people; the oldest are forgotten first.
    private const int MostEmails = 5;

    private readonly IDataProtector _protector = protection.CreateProtector("Portal.KnownDevices");

    /// <summary>
    /// Where a sign-in for <paramref name="email"/> is counted: this browser, when it has signed in
    /// as that email before; otherwise the address it comes from (<see cref="ClientAddress"/>).
    /// </summary>
    public string SourceOf(HttpContext context, string email)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(email);
        return Read(context) is { } device && device.Emails.Contains(SignInThrottle.KeyOf(email), StringComparer.Ordinal)
            ? DevicePrefix + device.Id
            : ClientAddress.Of(context);
    }

    /// <summary>After a successful sign-in: this browser is known for <paramref name="email"/> from now on.</summary>
    public void Remember(HttpContext context, string email)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(email);
        var device = Read(context) ?? new Device(Guid.NewGuid().ToString("N"), []);
        var key = SignInThrottle.KeyOf(email);
        var emails = device.Emails.Where(e => e != key).Prepend(key).Take(MostEmails).ToArray();
        context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(device with { Emails = emails })), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }

    private Device? Read(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 and < 4096 } value)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Device>(_protector.Unprotect(value)) is { Id.Length: > 0, Emails: not null } device ? device : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            // Made by another installation, tampered with, or from keys since replaced: an unknown browser.
            return null;
        }
    }

    private sealed record Device(string Id, string[] Emails);
}
