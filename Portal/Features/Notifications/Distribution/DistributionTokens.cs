using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Features.Notifications.Distribution;

/// <summary>
/// The signed token in an outside recipient's "take me off this list" link: it names the body and
/// the address, so the link removes exactly that address from exactly that list, without a sign-in,
/// and cannot be forged or turned to another address.
/// </summary>
public sealed class DistributionTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Portal.Notifications.Distribution.Leave.v1");

    public string For(int bodyId, string email) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{bodyId}|{DistributionAddress.Key(email)}"));

    public bool TryRead(string? token, out int bodyId, out string email)
    {
        bodyId = 0;
        email = string.Empty;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return false;
        }

        try
        {
            var text = _protector.Unprotect(token);
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0 || !int.TryParse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out bodyId))
            {
                return false;
            }

            email = text[(bar + 1)..];
            return email.Length > 0;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
