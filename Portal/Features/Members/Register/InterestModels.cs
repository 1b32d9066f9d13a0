using Portal.Domain.Members;

namespace Portal.Features.Members.Register;

/// <summary>What the form sends for an interest.</summary>
public sealed record InterestEdit(
    InterestCategory Category, InterestHolder Holder, string? Particulars, string? Giver, decimal? Value, DateOnly? ReceivedOn, bool IsSensitive, int Version = 0)
{
    public InterestEntry Entry => new(Category, Holder, Particulars, Giver, Value, ReceivedOn, IsSensitive);
}

public sealed record InterestVersionView(int Number, InterestChange Change, DateOnly On, string By, string Particulars);

/// <summary>
/// One entry as the reader may see it. A sensitive entry read by anyone but the Monitoring
/// Officer and the councillor has <see cref="Withheld"/> set and no particulars, giver, value or history.
/// </summary>
public sealed record InterestView(
    int Id,
    int Version,
    InterestCategory Category,
    InterestHolder Holder,
    bool Withheld,
    bool IsSensitive,
    string? Particulars,
    string? Giver,
    decimal? Value,
    DateOnly? ReceivedOn,
    DateOnly RegisteredOn,
    DateOnly? PublishedOn,
    DateOnly? RemovedOn,
    int VersionCount,
    IReadOnlyList<InterestVersionView> History,
    bool CanEdit,
    bool CanPublish);

public sealed record RegisterView(int PersonId, string Name, IReadOnlyList<InterestView> Entries, bool CanAdd, decimal GiftThreshold);

/// <summary>An entry waiting for the Monitoring Officer to publish it, with its last change.</summary>
public sealed record PendingInterest(
    int Id, int Version, int PersonId, string Councillor, InterestCategory Category, InterestHolder Holder, bool IsSensitive,
    string Particulars, string? Giver, decimal? Value, InterestChange LastChange, DateOnly ChangedOn, string ChangedBy);
