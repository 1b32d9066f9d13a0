using Portal.Domain.Common;

namespace Portal.Domain.Establishment;

public enum RecruitmentStatus
{
    /// <summary>Not being recruited to.</summary>
    None = 0,

    /// <summary>Open to internal candidates first (the "Direction of Travel" approach).</summary>
    RingFencedInternal = 1,

    /// <summary>Advertised externally.</summary>
    External = 2,

    /// <summary>An appointment has been made.</summary>
    Appointed = 3,
}

/// <summary>
/// A post in the establishment: what it is (title, number, unit, grade, FTE), whom it is
/// accountable to, what the job is (purpose, principal accountabilities, key result areas, in
/// Markdown) and what the person must bring (the person specification). Who holds it, and whom it
/// reports to, are effective-dated rows (<see cref="PostHolding"/>, <see cref="PostReporting"/>),
/// so the structure on any past date can be shown and nothing is overwritten.
/// </summary>
public sealed class Post : Entity
{
    public const int TitleMaxLength = 200;
    public const int NumberMaxLength = 40;
    public const int ProseMaxLength = 20_000;

    private readonly List<PersonSpecCriterion> _criteria = [];

    private Post()
    {
        Title = string.Empty;
        Number = string.Empty;
    }

    public string Title { get; private set; }

    /// <summary>The council's post number, such as "CE-001".</summary>
    public string Number { get; private set; }

    public int UnitId { get; private set; }

    public int GradeId { get; private set; }

    /// <summary>Full-time equivalent: more than 0, at most 1 (one person's post).</summary>
    public decimal Fte { get; private set; }

    public DateOnly EstablishedOn { get; private set; }

    /// <summary>The day the post stopped existing, if it has.</summary>
    public DateOnly? DeletedOn { get; private set; }

    public string? Purpose { get; private set; }

    public string? PrincipalAccountabilities { get; private set; }

    public string? KeyResultAreas { get; private set; }

    public RecruitmentStatus Recruitment { get; private set; }

    public DateOnly? RecruitmentOpenedOn { get; private set; }

    public DateOnly? RecruitmentClosesOn { get; private set; }

    public DateOnly? AppointedOn { get; private set; }

    public IReadOnlyList<PersonSpecCriterion> Criteria => _criteria;

    public static Post Establish(string number, string title, int unitId, int gradeId, decimal fte, DateOnly on)
    {
        var post = new Post { EstablishedOn = on };
        post.Describe(number, title, unitId, gradeId, fte);
        return post;
    }

    public void Describe(string number, string title, int unitId, int gradeId, decimal fte)
    {
        if (fte <= 0 || fte > 1)
        {
            throw new DomainRuleException("Post.FteOutOfRange", "Enter an FTE more than 0 and at most 1: one post is for one person.", nameof(Fte));
        }

        Number = Guard.RequiredText(number, NumberMaxLength, "Post.Number", nameof(Number), "post number");
        Title = Guard.RequiredText(title, TitleMaxLength, "Post.Title", nameof(Title), "post title");
        UnitId = unitId;
        GradeId = gradeId;
        Fte = fte;
    }

    public void DescribeJob(string? purpose, string? principalAccountabilities, string? keyResultAreas)
    {
        Purpose = Guard.OptionalText(purpose, ProseMaxLength, "Post.Purpose", nameof(Purpose), "purpose");
        PrincipalAccountabilities = Guard.OptionalText(principalAccountabilities, ProseMaxLength, "Post.Accountabilities", nameof(PrincipalAccountabilities), "principal accountabilities");
        KeyResultAreas = Guard.OptionalText(keyResultAreas, ProseMaxLength, "Post.KeyResultAreas", nameof(KeyResultAreas), "key result areas");
    }

    public PersonSpecCriterion AddCriterion(string heading, string text, bool essential, string? measuredBy)
    {
        var criterion = new PersonSpecCriterion(
            Id,
            _criteria.Count + 1,
            Guard.RequiredText(heading, PersonSpecCriterion.HeadingMaxLength, "Criterion.Heading", nameof(PersonSpecCriterion.Heading), "heading"),
            Guard.RequiredText(text, PersonSpecCriterion.TextMaxLength, "Criterion.Text", nameof(PersonSpecCriterion.Text), "criterion"),
            essential,
            Guard.OptionalText(measuredBy, PersonSpecCriterion.HeadingMaxLength, "Criterion.MeasuredBy", nameof(PersonSpecCriterion.MeasuredBy), "how it is measured"));
        _criteria.Add(criterion);
        return criterion;
    }

    public void SetRecruitment(RecruitmentStatus status, DateOnly? openedOn, DateOnly? closesOn, DateOnly? appointedOn)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("Post.RecruitmentStatus", "Choose the recruitment status.", nameof(Recruitment));
        }

        if (status is RecruitmentStatus.RingFencedInternal or RecruitmentStatus.External && openedOn is null)
        {
            throw new DomainRuleException("Post.RecruitmentOpenedRequired", "Enter the date recruitment opened.", nameof(RecruitmentOpenedOn));
        }

        if (openedOn is DateOnly opened && closesOn is DateOnly closes && closes < opened)
        {
            throw new DomainRuleException("Post.RecruitmentClosesBeforeOpening", "The closing date must be on or after the opening date.", nameof(RecruitmentClosesOn));
        }

        if (status == RecruitmentStatus.Appointed && appointedOn is null)
        {
            throw new DomainRuleException("Post.AppointedOnRequired", "Enter the date of the appointment.", nameof(AppointedOn));
        }

        Recruitment = status;
        RecruitmentOpenedOn = status == RecruitmentStatus.None ? null : openedOn;
        RecruitmentClosesOn = status == RecruitmentStatus.None ? null : closesOn;
        AppointedOn = status == RecruitmentStatus.Appointed ? appointedOn : null;
    }

    public void Delete(DateOnly on)
    {
        if (on < EstablishedOn)
        {
            throw new DomainRuleException("Post.DeletedBeforeEstablished", "A post cannot end before it was established.", nameof(DeletedOn));
        }

        DeletedOn = on;
    }

    public bool ExistsOn(DateOnly date) => EstablishedOn <= date && (DeletedOn is not DateOnly deleted || deleted > date);
}

/// <summary>One line of a person specification: under a heading, essential or desirable, and how it is measured.</summary>
public sealed class PersonSpecCriterion : Entity
{
    public const int HeadingMaxLength = 200;
    public const int TextMaxLength = 1_000;

    private PersonSpecCriterion()
    {
        Heading = string.Empty;
        Text = string.Empty;
    }

    internal PersonSpecCriterion(int postId, int position, string heading, string text, bool essential, string? measuredBy)
    {
        PostId = postId;
        Position = position;
        Heading = heading;
        Text = text;
        IsEssential = essential;
        MeasuredBy = measuredBy;
    }

    public int PostId { get; private set; }

    public int Position { get; private set; }

    public string Heading { get; private set; }

    public string Text { get; private set; }

    public bool IsEssential { get; private set; }

    public string? MeasuredBy { get; private set; }
}
