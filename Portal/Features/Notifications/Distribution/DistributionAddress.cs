using System.Globalization;
using MimeKit;
using Portal.Domain.Common;
using Portal.Domain.Notifications;

namespace Portal.Features.Notifications.Distribution;

/// <summary>
/// Whether typed text is one outside address a distribution list can hold: MimeKit must read it as
/// a single mailbox that is exactly what was typed (no display name, no second address, no
/// comment), with one @, a local part, and a domain of two or more labels of letters, digits and
/// hyphens (an IDN domain's letters count). Anything else is refused at entry, beside the field.
/// </summary>
public static class DistributionAddress
{
    public static string Check(string? typed)
    {
        var address = typed?.Trim() ?? string.Empty;
        if (address.Length == 0)
        {
            throw new DomainRuleException("Distribution.EmailRequired", "Enter the e-mail address.", nameof(DistributionRecipient.Email));
        }

        if (!IsValid(address))
        {
            throw new DomainRuleException(
                "Distribution.EmailInvalid", "Enter an e-mail address in the form name@example.org.", nameof(DistributionRecipient.Email));
        }

        return address;
    }

    public static bool IsValid(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Length > DistributionRecipient.EmailMaxLength || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || address.Count(c => c == '@') != 1)
        {
            return false;
        }

        if (!MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name)
            || !string.Equals(mailbox.Address, address, StringComparison.Ordinal))
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.Length is 0 or > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => c == '-' || char.IsLetterOrDigit(c)))
            && !labels[^1].All(char.IsAsciiDigit);
    }

    /// <summary>How two addresses are compared for the list: case aside.</summary>
    public static string Key(string address) => (address ?? string.Empty).Trim().ToLower(CultureInfo.InvariantCulture);
}
