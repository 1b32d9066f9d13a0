using Portal.Domain.Common;

namespace Portal.Domain.Members;

/// <summary>
/// What a councillor registers (Localism Act 2011 s29-30; the Relevant Authorities (Disclosable
/// Pecuniary Interests) Regulations 2012 name the first seven), then the council's code of
/// conduct's other registrable interests, and gifts and hospitality over the council's threshold.
/// </summary>
public enum InterestCategory
{
    Employment = 0,
    Sponsorship = 1,
    Contracts = 2,
    Land = 3,
    Licences = 4,
    CorporateTenancies = 5,
    Securities = 6,
    OtherRegistrable = 7,
    GiftOrHospitality = 8,
}

/// <summary>Whose interest it is: the councillor's own, or their spouse's or partner's (which s30 counts too).</summary>
public enum InterestHolder
{
    Councillor = 0,
    SpouseOrPartner = 1,
}

/// <summary>What a version of an entry records.</summary>
public enum InterestChange
{
    Registered = 0,
    Amended = 1,
    Published = 2,
    Removed = 3,
}

/// <summary>What is entered for an interest.</summary>
public sealed record InterestEntry(
    InterestCategory Category, InterestHolder Holder, string? Particulars, string? Giver, decimal? Value, DateOnly? ReceivedOn, bool IsSensitive);

/// <summary>
/// One entry in a councillor's register of interests. Every change is kept as a
/// <see cref="InterestVersion"/> (who, when, what), so the register's history can be read back.
/// An entry is published by the Monitoring Officer; one the councillor amends waits to be
/// published again. A sensitive interest (s32: disclosure could lead to violence or
/// intimidation) is kept, but only the fact that one exists is ever published.
/// </summary>
public sealed class RegisteredInterest : Entity
{
    public const int ParticularsMaxLength = 2_000;
    public const int GiverMaxLength = 200;

    private readonly List<InterestVersion> _versions = [];

    private RegisteredInterest()
    {
        Particulars = string.Empty;
    }

    public int CouncillorId { get; private set; }

    public InterestCategory Category { get; private set; }

    public InterestHolder Holder { get; private set; }

    /// <summary>The particulars (an employer, a property's address, a company). Kept out of the audit trail's values: the versions are the history.</summary>
    public string Particulars { get; private set; }

    /// <summary>For a gift or hospitality: who gave it.</summary>
    public string? Giver { get; private set; }

    /// <summary>For a gift or hospitality: its estimated value.</summary>
    public decimal? Value { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    public bool IsSensitive { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    /// <summary>When the Monitoring Officer published the current version; null while it waits.</summary>
    public DateOnly? PublishedOn { get; private set; }

    /// <summary>When the interest ended and left the register; the entry and its history are kept.</summary>
    public DateOnly? RemovedOn { get; private set; }

    public IReadOnlyList<InterestVersion> Versions => _versions;

    public bool IsPublished => PublishedOn is not null && RemovedOn is null;

    public static RegisteredInterest Register(int councillorId, InterestEntry entry, decimal giftThreshold, DateOnly today, string recordedBy)
    {
        var interest = new RegisteredInterest { CouncillorId = councillorId, RegisteredOn = today };
        interest.Apply(entry, giftThreshold, today);
        interest.Keep(InterestChange.Registered, today, recordedBy);
        return interest;
    }

    /// <summary>Changes the entry. <paramref name="staysPublished"/>: the Monitoring Officer's own amendment stays published; a councillor's waits for them.</summary>
    public void Amend(InterestEntry entry, decimal giftThreshold, DateOnly today, string recordedBy, bool staysPublished)
    {
        EnsureOpen();
        Apply(entry, giftThreshold, today);
        if (!staysPublished)
        {
            PublishedOn = null;
        }
        else if (PublishedOn is not null)
        {
            PublishedOn = today;
        }

        Keep(InterestChange.Amended, today, recordedBy);
    }

    public void Publish(DateOnly today, string recordedBy)
    {
        EnsureOpen();
        PublishedOn = today;
        Keep(InterestChange.Published, today, recordedBy);
    }

    /// <summary>The interest has ended: it leaves the published register, and its history stays.</summary>
    public void Remove(DateOnly today, string recordedBy)
    {
        EnsureOpen();
        RemovedOn = today;
        Keep(InterestChange.Removed, today, recordedBy);
    }

    private void EnsureOpen()
    {
        if (RemovedOn is not null)
        {
            throw new DomainRuleException("Interest.Removed", "This interest has been removed from the register.", nameof(RemovedOn));
        }
    }

    private void Apply(InterestEntry entry, decimal giftThreshold, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Enum.IsDefined(entry.Category))
        {
            throw new DomainRuleException("Interest.CategoryRequired", "Choose the kind of interest.", nameof(Category));
        }

        if (!Enum.IsDefined(entry.Holder))
        {
            throw new DomainRuleException("Interest.HolderRequired", "Choose whose interest it is.", nameof(Holder));
        }

        var particulars = Guard.RequiredText(entry.Particulars, ParticularsMaxLength, "Interest.Particulars", nameof(Particulars), "particulars");
        string? giver = null;
        decimal? value = null;
        DateOnly? received = null;
        if (entry.Category == InterestCategory.GiftOrHospitality)
        {
            giver = Guard.RequiredText(entry.Giver, GiverMaxLength, "Interest.Giver", nameof(Giver), "name of who gave it");
            if (entry.ReceivedOn is not DateOnly on || on > today)
            {
                throw new DomainRuleException("Interest.ReceivedOn", "Enter the date it was received, today or earlier.", nameof(ReceivedOn));
            }

            if (entry.Value is not decimal worth || worth < giftThreshold)
            {
                throw new DomainRuleException(
                    "Interest.BelowThreshold", $"Gifts and hospitality are registered from {giftThreshold:0.##} upwards: enter its estimated value.", nameof(Value), giftThreshold);
            }

            (value, received) = (worth, on);
        }

        (Category, Holder, Particulars, Giver, Value, ReceivedOn, IsSensitive) = (entry.Category, entry.Holder, particulars, giver, value, received, entry.IsSensitive);
    }

    private void Keep(InterestChange change, DateOnly today, string recordedBy) =>
        _versions.Add(new InterestVersion(this, _versions.Count + 1, change, today, recordedBy));
}

/// <summary>One version of a register entry, as it stood after a change, with who made it and when.</summary>
public sealed class InterestVersion : Entity
{
    public const int RecordedByMaxLength = 200;

    private InterestVersion()
    {
        Particulars = string.Empty;
        RecordedBy = string.Empty;
    }

    internal InterestVersion(RegisteredInterest interest, int number, InterestChange change, DateOnly on, string recordedBy)
    {
        InterestId = interest.Id;
        Number = number;
        Change = change;
        RecordedOn = on;
        RecordedBy = Guard.RequiredText(recordedBy, RecordedByMaxLength, "Interest.RecordedBy", nameof(RecordedBy), "name of who recorded it");
        Category = interest.Category;
        Holder = interest.Holder;
        Particulars = interest.Particulars;
        Giver = interest.Giver;
        Value = interest.Value;
        ReceivedOn = interest.ReceivedOn;
        IsSensitive = interest.IsSensitive;
    }

    public int InterestId { get; private set; }

    public int Number { get; private set; }

    public InterestChange Change { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    public string RecordedBy { get; private set; }

    public InterestCategory Category { get; private set; }

    public InterestHolder Holder { get; private set; }

    public string Particulars { get; private set; }

    public string? Giver { get; private set; }

    public decimal? Value { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    public bool IsSensitive { get; private set; }
}
