using Portal.Domain.Common;

namespace Portal.Domain.Members;

/// <summary>How a person sits on the council: a member, or a substitute (a Swedish ersättare).</summary>
public enum CouncilSeat
{
    Member = 0,
    Substitute = 1,
}

/// <summary>
/// An elected member's public record, beside the <c>Person</c> they are: the ward they
/// represent, their party, the contact details they choose to publish and their terms of office.
/// A councillor the demo made up rather than took from the source documents is marked
/// <see cref="IsDemo"/>, and the page says so.
/// </summary>
public sealed class Councillor : Entity
{
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 40;
    public const int AddressMaxLength = 400;

    private readonly List<TermOfOffice> _terms = [];

    private Councillor()
    {
    }

    public int PersonId { get; private set; }

    public int? WardId { get; private set; }

    public int? PartyId { get; private set; }

    public CouncilSeat Seat { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>The email address the councillor chose to publish; null for none.</summary>
    public string? PublicEmail { get; private set; }

    public string? PublicPhone { get; private set; }

    /// <summary>An address for letters, if they publish one.</summary>
    public string? PublicAddress { get; private set; }

    /// <summary>Raised with each new photo, so its address changes and caches fetch the new one.</summary>
    public int PhotoVersion { get; private set; }

    public IReadOnlyList<TermOfOffice> Terms => _terms;

    public static Councillor Create(int personId, int? wardId, int? partyId, CouncilSeat seat = CouncilSeat.Member, bool isDemo = false)
    {
        var councillor = new Councillor { PersonId = personId, IsDemo = isDemo };
        councillor.Represent(wardId, partyId, seat);
        return councillor;
    }

    public void Represent(int? wardId, int? partyId, CouncilSeat seat)
    {
        if (!Enum.IsDefined(seat))
        {
            throw new DomainRuleException("Councillor.SeatRequired", "Choose whether they are a member or a substitute.", nameof(Seat));
        }

        (WardId, PartyId, Seat) = (wardId, partyId, seat);
    }

    /// <summary>Publishes the contact details the councillor chose; blank leaves one out.</summary>
    public void PublishContact(string? email, string? phone, string? address)
    {
        var mail = Guard.OptionalText(email, EmailMaxLength, "Councillor.Email", nameof(PublicEmail), "email address");
        if (mail is not null && (!mail.Contains('@', StringComparison.Ordinal) || mail.StartsWith('@') || mail.EndsWith('@')))
        {
            throw new DomainRuleException("Councillor.EmailInvalid", "Enter an email address in the correct format, like name@example.gov.uk.", nameof(PublicEmail));
        }

        var number = Guard.OptionalText(phone, PhoneMaxLength, "Councillor.Phone", nameof(PublicPhone), "telephone number");
        if (number is not null && !number.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-'))
        {
            throw new DomainRuleException("Councillor.PhoneInvalid", "Enter a telephone number using digits, spaces and + ( ) - only.", nameof(PublicPhone));
        }

        (PublicEmail, PublicPhone, PublicAddress) = (mail, number, Guard.OptionalText(address, AddressMaxLength, "Councillor.Address", nameof(PublicAddress), "address"));
    }

    /// <summary>A term of office from <paramref name="from"/> (the day they took office) until <paramref name="to"/>; terms may not overlap.</summary>
    public TermOfOffice AddTerm(DateOnly from, DateOnly? to)
    {
        CheckTerm(null, from, to);
        var term = new TermOfOffice(Id, from, to);
        _terms.Add(term);
        return term;
    }

    /// <summary>Corrects a term's dates, or ends it (a resignation, a by-election, the next election); the same rules as a new term.</summary>
    public void ChangeTerm(int termId, DateOnly? from, DateOnly? to)
    {
        var term = Term(termId);
        var start = from ?? throw new DomainRuleException("Councillor.TermFromRequired", "Enter the day the term started.", nameof(TermOfOffice.From));
        CheckTerm(term, start, to);
        term.Set(start, to);
    }

    /// <summary>Removes a term entered in error; a term that ended is ended, not removed.</summary>
    public void RemoveTerm(int termId) => _terms.Remove(Term(termId));

    private TermOfOffice Term(int termId) =>
        _terms.SingleOrDefault(t => t.Id == termId)
        ?? throw new DomainRuleException("Councillor.NoSuchTerm", "That term is no longer recorded.", nameof(Terms));

    private void CheckTerm(TermOfOffice? changing, DateOnly from, DateOnly? to)
    {
        if (to is DateOnly end && end < from)
        {
            throw new DomainRuleException("Councillor.TermEndsBeforeStart", "A term must end on or after the day it starts.", nameof(TermOfOffice.To));
        }

        if (_terms.Any(t => t != changing && t.From <= (to ?? DateOnly.MaxValue) && from <= (t.To ?? DateOnly.MaxValue)))
        {
            throw new DomainRuleException("Councillor.TermsOverlap", "That term overlaps one already recorded.", nameof(TermOfOffice.From));
        }
    }

    /// <summary>The term that covers <paramref name="day"/>, or null when they were not in office.</summary>
    public TermOfOffice? TermOn(DateOnly day) => _terms.FirstOrDefault(t => t.From <= day && (t.To is null || day <= t.To));

    /// <summary>Marks a new photo stored.</summary>
    public void PhotoChanged() => PhotoVersion++;
}

/// <summary>One term of office: elected (or co-opted) on <see cref="From"/>, serving until <see cref="To"/>.</summary>
public sealed class TermOfOffice : Entity
{
    private TermOfOffice()
    {
    }

    internal TermOfOffice(int councillorId, DateOnly from, DateOnly? to)
    {
        CouncillorId = councillorId;
        From = from;
        To = to;
    }

    public int CouncillorId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    internal void Set(DateOnly from, DateOnly? to) => (From, To) = (from, to);
}

/// <summary>A councillor's photo, kept apart so lists never load the bytes: already checked, resized and stripped of metadata.</summary>
public sealed class CouncillorPhoto : Entity
{
    private CouncillorPhoto()
    {
        Bytes = [];
        ContentType = string.Empty;
    }

    public int CouncillorId { get; private set; }

    public byte[] Bytes { get; private set; }

    public string ContentType { get; private set; }

    public static CouncillorPhoto For(int councillorId, byte[] bytes, string contentType) =>
        new() { CouncillorId = councillorId, Bytes = bytes, ContentType = contentType };

    public void Replace(byte[] bytes, string contentType) => (Bytes, ContentType) = (bytes, contentType);
}

/// <summary>How many seats a body has and its quorum, as the council's constitution sets them.</summary>
public sealed class BodyMakeUp : Entity
{
    public const int MaxSeats = 200;

    private BodyMakeUp()
    {
    }

    public int BodyId { get; private set; }

    public int Seats { get; private set; }

    /// <summary>The quorum the constitution sets; null for the default rule (<see cref="Quorum.For"/>).</summary>
    public int? Quorum { get; private set; }

    public static BodyMakeUp For(int bodyId, int seats, int? quorum)
    {
        var makeUp = new BodyMakeUp { BodyId = bodyId };
        makeUp.Set(seats, quorum);
        return makeUp;
    }

    public void Set(int seats, int? quorum)
    {
        if (seats is < 1 or > MaxSeats)
        {
            throw new DomainRuleException("MakeUp.Seats", $"Enter a number of seats from 1 to {MaxSeats}.", nameof(Seats), MaxSeats);
        }

        if (quorum is int q && (q < 1 || q > seats))
        {
            throw new DomainRuleException("MakeUp.Quorum", "The quorum must be at least 1 and no more than the seats.", nameof(Quorum));
        }

        (Seats, Quorum) = (seats, quorum);
    }
}
