using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Portal.Domain.Notifications;

namespace Portal.Features.Notifications.Mail;

/// <summary>
/// The signed token in each mail's unsubscribe link: it names the person and the kind, so the link
/// switches that kind off without a sign-in, and cannot be forged or turned to another person.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Portal.Notifications.Unsubscribe.v1");

    public string For(int personId, NotificationKind kind) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{personId}|{kind}"));

    public bool TryRead(string? token, out int personId, out NotificationKind kind)
    {
        personId = 0;
        kind = default;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out personId)
                && Enum.TryParse(parts[1], out kind)
                && NotificationKinds.MayBeChosen(kind);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
