using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Notifications;

/// <summary>
/// A person's choices for mail: the language, and for each kind immediate, a daily digest or
/// off. Kinds not chosen are immediate. Security mail (invitations, password resets) cannot be
/// switched off or delayed.
/// </summary>
public sealed class NotificationPreference : Entity
{
    public static readonly IReadOnlyList<string> Cultures = ["en-GB", "sv-SE"];

    private NotificationPreference()
    {
        Choices = string.Empty;
    }

    public int PersonId { get; private set; }

    /// <summary>en-GB or sv-SE; null follows the council's default.</summary>
    public string? Culture { get; private set; }

    /// <summary>The kinds not immediate, as "PapersPublished=DailyDigest;LateItem=Off".</summary>
    public string Choices { get; private set; }

    public static NotificationPreference For(int personId) => new() { PersonId = personId };

    public DeliveryMode ModeFor(NotificationKind kind)
    {
        if (!NotificationKinds.MayBeChosen(kind))
        {
            return DeliveryMode.Immediate;
        }

        foreach (var pair in Choices.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && Enum.TryParse<NotificationKind>(parts[0], out var k) && k == kind && Enum.TryParse<DeliveryMode>(parts[1], out var mode))
            {
                return mode;
            }
        }

        return DeliveryMode.Immediate;
    }

    public void Choose(NotificationKind kind, DeliveryMode mode)
    {
        if (!NotificationKinds.MayBeChosen(kind))
        {
            throw new DomainRuleException("Preference.Required", "This mail cannot be switched off or put in a digest.", nameof(Choices));
        }

        var modes = NotificationKinds.Choosable.ToDictionary(k => k, ModeFor);
        modes[kind] = mode;
        Choices = string.Join(';', modes.Where(m => m.Value != DeliveryMode.Immediate).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value}")));
    }

    public void UseCulture(string? culture)
    {
        if (culture is not null && !Cultures.Contains(culture))
        {
            throw new DomainRuleException("Preference.Culture", "Choose English or Svenska.", nameof(Culture));
        }

        Culture = culture;
    }
}
