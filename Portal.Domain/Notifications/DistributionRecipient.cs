using Portal.Domain.Common;

namespace Portal.Domain.Notifications;

/// <summary>
/// One entry on an internal body's distribution list: a person in the portal (mailed as any
/// notification is, by their own preferences) or an outside address with a display name, such as
/// Nybro's KSAU or Cesam, mailed in the council's language with a link that takes it off the list.
/// The address itself is checked by the service that adds it (a mail library decides what parses).
/// </summary>
public sealed class DistributionRecipient : Entity
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;

    private DistributionRecipient()
    {
    }

    public int BodyId { get; private set; }

    /// <summary>The person on the list; null for an outside address.</summary>
    public int? PersonId { get; private set; }

    /// <summary>The outside address; null for a person, who is mailed at their own.</summary>
    public string? Email { get; private set; }

    /// <summary>The outside address's display name (KSAU, Cesam); null for a person.</summary>
    public string? Name { get; private set; }

    public DateTime AddedUtc { get; private set; }

    public bool IsOutside => PersonId is null;

    public static DistributionRecipient ForPerson(int bodyId, int personId, DateTime nowUtc) =>
        new() { BodyId = bodyId, PersonId = personId, AddedUtc = nowUtc };

    /// <summary>An outside address, already checked to be a single mailbox (<paramref name="email"/> trimmed).</summary>
    public static DistributionRecipient ForAddress(int bodyId, string? name, string email, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(email);
        return new()
        {
            BodyId = bodyId,
            Name = Guard.RequiredText(name, NameMaxLength, "Distribution.Name", nameof(Name), "name"),
            Email = email,
            AddedUtc = nowUtc,
        };
    }
}
