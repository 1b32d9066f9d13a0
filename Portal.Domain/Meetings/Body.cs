using System.Globalization;
using System.Text;
using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

public enum BodyKind
{
    /// <summary>Officers managing the council together (Kirklees' EMG, Nybro's KLG).</summary>
    OfficerGroup = 0,

    /// <summary>Councillors on a panel or committee (an Employment Panel, an Advisory Panel).</summary>
    MemberPanel = 1,

    /// <summary>An executive member taking decisions in public session.</summary>
    ExecutiveSession = 2,

    /// <summary>The full council.</summary>
    FullCouncil = 3,
}

/// <summary>The law a body's meetings follow, which decides how its record is kept.</summary>
public enum Regime
{
    /// <summary>A statutory meeting in England: agenda published five clear days ahead; minutes approved as a correct record at the next meeting.</summary>
    England = 0,

    /// <summary>A Swedish political body: the protokoll is signed by the justerare within 14 days and announced on the notice board.</summary>
    Sweden = 1,

    /// <summary>An internal group: notes sent to a distribution list and published on the intranet.</summary>
    Internal = 2,
}

public enum MemberRole
{
    Chair = 0,
    Member = 1,
    Secretary = 2,
    NoteTaker = 3,

    /// <summary>A named substitute (ersättare): attends in a member's place when the member cannot.</summary>
    Substitute = 4,
}

/// <summary>
/// A body that meets: a management group, a panel or committee, an executive decision session
/// or the full council. It has a remit, members (people, or posts not yet linked to a person),
/// the people its notes are reported or distributed to, and a regime that decides the record.
/// </summary>
public sealed class Body : Entity
{
    public const int NameMaxLength = 200;
    public const int ShortNameMaxLength = 20;
    public const int SlugMaxLength = 80;
    public const int RemitMaxLength = 20_000;
    public const int ReportsToMaxLength = 1_000;

    private readonly List<BodyMember> _members = [];

    private Body()
    {
        Name = string.Empty;
        Slug = string.Empty;
    }

    public string Name { get; private set; }

    public string? ShortName { get; private set; }

    /// <summary>How the body appears in addresses, such as <c>/meetings/emg/calendar.ics</c>.</summary>
    public string Slug { get; private set; }

    public BodyKind Kind { get; private set; }

    public Regime Regime { get; private set; }

    /// <summary>What the body is for, in Markdown.</summary>
    public string? Remit { get; private set; }

    /// <summary>Whom its notes or minutes are reported or distributed to.</summary>
    public string? ReportsTo { get; private set; }

    /// <summary>Whether the public sees its meetings. Statutory bodies always do; an internal group may not.</summary>
    public bool IsPublic { get; private set; }

    public IReadOnlyList<BodyMember> Members => _members;

    /// <summary>The colour an administrator chose for its meetings in the calendar; none, <see cref="BodyColours.Default"/>.</summary>
    public BodyColour? Colour { get; private set; }

    /// <summary>The colour it is shown in: the one chosen, or the palette's in turn.</summary>
    public BodyColour ShownColour => Colour ?? BodyColours.Default(Id);

    /// <summary>Chooses its colour in the calendar, or with null goes back to the one it has by default.</summary>
    public void Paint(BodyColour? colour)
    {
        if (colour is BodyColour chosen && !Enum.IsDefined(chosen))
        {
            throw new DomainRuleException("Body.ColourUnknown", "Choose a colour from the palette.", nameof(Colour));
        }

        Colour = colour;
    }

    public static Body Create(string name, string? shortName, BodyKind kind, Regime regime, string? remit, string? reportsTo, bool isPublic)
    {
        var body = new Body();
        body.Describe(name, shortName, kind, regime, remit, reportsTo, isPublic);
        body.Slug = SlugFor(body.ShortName ?? body.Name);
        return body;
    }

    public void Describe(string name, string? shortName, BodyKind kind, Regime regime, string? remit, string? reportsTo, bool isPublic)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Body.KindRequired", "Choose what kind of body this is.", nameof(Kind));
        }

        if (!Enum.IsDefined(regime))
        {
            throw new DomainRuleException("Body.RegimeRequired", "Choose which rules its meetings follow.", nameof(Regime));
        }

        if (regime != Regime.Internal && !isPublic)
        {
            throw new DomainRuleException("Body.StatutoryIsPublic", "Statutory meetings are open to the public: only an internal group can be private.", nameof(IsPublic));
        }

        Name = Guard.RequiredText(name, NameMaxLength, "Body.Name", nameof(Name), "name");
        ShortName = Guard.OptionalText(shortName, ShortNameMaxLength, "Body.ShortName", nameof(ShortName), "short name");
        Kind = kind;
        Regime = regime;
        Remit = Guard.OptionalText(remit, RemitMaxLength, "Body.Remit", nameof(Remit), "remit");
        ReportsTo = Guard.OptionalText(reportsTo, ReportsToMaxLength, "Body.ReportsTo", nameof(ReportsTo), "distribution");
        IsPublic = isPublic;
    }

    /// <summary>Gives the body a different address, when two bodies would otherwise share one.</summary>
    public void UseSlug(string slug)
    {
        var clean = SlugFor(slug);
        Slug = clean;
    }

    /// <summary>
    /// Adds a member in a role: a person, a post in the establishment (so the seat follows whoever
    /// holds it), or a post named in words (such as the vd of a council company). A person or post
    /// sits once; a body has one chair.
    /// </summary>
    public BodyMember AddMember(int? personId, string? post, MemberRole role, int? postId = null, string? responsibilities = null)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainRuleException("Body.RoleRequired", "Choose the member's role.", nameof(BodyMember.Role));
        }

        var postTitle = Guard.OptionalText(post, BodyMember.PostMaxLength, "Body.Post", nameof(BodyMember.Post), "post");
        if (personId is null && postTitle is null && postId is null)
        {
            throw new DomainRuleException("Body.MemberRequired", "Choose a person, or enter the post that sits on the body.", nameof(BodyMember.PersonId));
        }

        if (personId is int id && _members.Any(m => m.PersonId == id))
        {
            throw new DomainRuleException("Body.AlreadyMember", "That person is already a member of this body.", nameof(BodyMember.PersonId));
        }

        if (postId is int pid && _members.Any(m => m.PostId == pid))
        {
            throw new DomainRuleException("Body.AlreadyMember", "That post already sits on this body.", nameof(BodyMember.PostId));
        }

        if (role == MemberRole.Chair && _members.Any(m => m.Role == MemberRole.Chair))
        {
            throw new DomainRuleException("Body.OneChair", "The body already has a chair. Change the current chair's role first.", nameof(BodyMember.Role));
        }

        var member = new BodyMember(
            Id, personId, postTitle, role, _members.Count == 0 ? 1 : _members.Max(m => m.Position) + 1, postId,
            Guard.OptionalText(responsibilities, BodyMember.ResponsibilitiesMaxLength, "Body.Responsibilities", nameof(BodyMember.Responsibilities), "responsibilities"));
        _members.Add(member);
        return member;
    }

    /// <summary>Sets the term of a seat: from when, and until when (null: until further notice).</summary>
    public void SetTerm(int memberId, DateOnly? from, DateOnly? to)
    {
        var member = _members.SingleOrDefault(m => m.Id == memberId)
            ?? throw new DomainRuleException("Body.NoSuchMember", "That member is no longer on the body.", nameof(BodyMember.PersonId));
        if (from is DateOnly start && to is DateOnly end && end < start)
        {
            throw new DomainRuleException("Body.TermEndsBeforeStart", "A term must end on or after the day it starts.", nameof(BodyMember.TermTo));
        }

        member.SetTerm(from, to);
    }

    public void RemoveMember(int memberId)
    {
        var member = _members.SingleOrDefault(m => m.Id == memberId)
            ?? throw new DomainRuleException("Body.NoSuchMember", "That member is no longer on the body.", nameof(BodyMember.PersonId));
        _members.Remove(member);
    }

    /// <summary>Whether <paramref name="personId"/> (holding <paramref name="heldPosts"/>) may keep the body's record: its chair, secretary or note-taker.</summary>
    public bool KeepsRecord(int? personId, IReadOnlySet<int>? heldPosts = null) =>
        _members.Any(m => m.Role is MemberRole.Chair or MemberRole.Secretary or MemberRole.NoteTaker && Is(m, personId, heldPosts));

    /// <summary>Whether <paramref name="personId"/> sits on the body, in person or through a post they hold.</summary>
    public bool HasMember(int? personId, IReadOnlySet<int>? heldPosts = null) => _members.Any(m => Is(m, personId, heldPosts));

    private static bool Is(BodyMember member, int? personId, IReadOnlySet<int>? heldPosts) =>
        (personId is int id && member.PersonId == id) || (member.PostId is int post && heldPosts?.Contains(post) == true);

    /// <summary>An address-safe form of a name: lower case, letters and digits, Swedish letters folded (Kommunstyrelsens AU → kommunstyrelsens-au).</summary>
    public static string SlugFor(string text)
    {
        var folded = (text ?? string.Empty).Trim().ToLowerInvariant()
            .Replace("å", "a", StringComparison.Ordinal).Replace("ä", "a", StringComparison.Ordinal).Replace("ö", "o", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > SlugMaxLength)
        {
            slug = slug[..SlugMaxLength].Trim('-');
        }

        return slug.Length == 0
            ? throw new DomainRuleException("Body.SlugRequired", "Enter a name with at least one letter or digit.", nameof(Name))
            : slug;
    }
}

/// <summary>A seat on a body: a person, or a post that sits ex officio (such as the vd of a council company).</summary>
public sealed class BodyMember : Entity
{
    public const int PostMaxLength = 200;

    private BodyMember()
    {
    }

    internal BodyMember(int bodyId, int? personId, string? post, MemberRole role, int position, int? postId, string? responsibilities)
    {
        BodyId = bodyId;
        PersonId = personId;
        Post = post;
        Role = role;
        Position = position;
        PostId = postId;
        Responsibilities = responsibilities;
    }

    public const int ResponsibilitiesMaxLength = 2_000;

    /// <summary>A post in the establishment that sits on the body: the seat follows whoever holds it.</summary>
    public int? PostId { get; private set; }

    /// <summary>The member's roles and responsibilities within the group, in Markdown.</summary>
    public string? Responsibilities { get; private set; }

    public int BodyId { get; private set; }

    public int? PersonId { get; private set; }

    public string? Post { get; private set; }

    public MemberRole Role { get; private set; }

    /// <summary>Order on the membership list.</summary>
    public int Position { get; private set; }

    /// <summary>The first day of the seat's term; null when not recorded.</summary>
    public DateOnly? TermFrom { get; private set; }

    /// <summary>The last day of the seat's term; null until further notice.</summary>
    public DateOnly? TermTo { get; private set; }

    /// <summary>Whether the seat counts towards the body's seats: a chair or a member (not a substitute, secretary or note-taker).</summary>
    public bool HoldsSeat => Role is MemberRole.Chair or MemberRole.Member;

    /// <summary>Whether the seat's term covers <paramref name="day"/>.</summary>
    public bool ServesOn(DateOnly day) => (TermFrom is null || TermFrom <= day) && (TermTo is null || day <= TermTo);

    internal void SetTerm(DateOnly? from, DateOnly? to) => (TermFrom, TermTo) = (from, to);
}
