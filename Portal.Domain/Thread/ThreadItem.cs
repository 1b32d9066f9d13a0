using Portal.Domain.Common;

namespace Portal.Domain.Thread;

/// <summary>
/// An item on the strategy levels the portal keeps in one shape: a community strategy ambition
/// (under a theme), a corporate priority, value or strategic challenge, a service plan objective
/// or a team workplan item. Directorate priorities live with their plans, appraisal objectives
/// with their appraisals; all of them meet in <see cref="ThreadLink"/>.
/// </summary>
public sealed class ThreadItem : Entity
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 4000;

    private ThreadItem()
    {
        Title = string.Empty;
    }

    public ThreadItemKind Kind { get; private set; }

    public ThreadLevel Level => LevelOf(Kind);

    /// <summary>The theme an ambition sits under (community strategy only).</summary>
    public string? Theme { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The service or team a service objective or team item belongs to.</summary>
    public int? UnitId { get; private set; }

    /// <summary>The plan year (named by the calendar year it starts in) of a service objective or team item.</summary>
    public int? Year { get; private set; }

    public int? OwnerId { get; private set; }

    public ThreadStatus Status { get; private set; }

    /// <summary>The strategic challenge a corporate priority answers (see <see cref="Answer"/>).</summary>
    public int? ChallengeId { get; private set; }

    /// <summary>Whether items on the level below can link to it: ambitions and priorities can; values and challenges frame the strategy.</summary>
    public bool Linkable => Kind is not (ThreadItemKind.CorporateValue or ThreadItemKind.StrategicChallenge);

    public static ThreadLevel LevelOf(ThreadItemKind kind) => kind switch
    {
        ThreadItemKind.CommunityAmbition => ThreadLevel.CommunityStrategy,
        ThreadItemKind.CorporatePriority or ThreadItemKind.CorporateValue or ThreadItemKind.StrategicChallenge => ThreadLevel.CorporateStrategy,
        ThreadItemKind.ServiceObjective => ThreadLevel.ServicePlan,
        ThreadItemKind.TeamItem => ThreadLevel.TeamWorkplan,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ThreadItem Strategy(ThreadItemKind kind, string? theme, string title, string? description)
    {
        if (kind is ThreadItemKind.ServiceObjective or ThreadItemKind.TeamItem)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Service objectives and team items belong to a unit and a year.");
        }

        var item = new ThreadItem { Kind = kind, Theme = Guard.OptionalText(theme, TitleMaxLength, "Thread.Theme", nameof(Theme), "theme") };
        item.Describe(title, description);
        return item;
    }

    /// <summary>A service plan objective or a team workplan item, for one unit and year.</summary>
    public static ThreadItem ForUnit(ThreadItemKind kind, int unitId, int year, string title, string? description, int? ownerId)
    {
        if (kind is not (ThreadItemKind.ServiceObjective or ThreadItemKind.TeamItem))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only service objectives and team items belong to a unit.");
        }

        var item = new ThreadItem { Kind = kind, UnitId = unitId, Year = year, OwnerId = ownerId };
        item.Describe(title, description);
        return item;
    }

    public void Describe(string title, string? description)
    {
        Title = Guard.RequiredText(title, TitleMaxLength, "Thread.Title", nameof(Title), "title");
        Description = Guard.OptionalText(description, TextMaxLength, "Thread.Description", nameof(Description), "description");
    }

    public void SetStatus(ThreadStatus status) => Status = status;

    /// <summary>
    /// Says which strategic challenge this corporate priority answers. The challenges ("Direction
    /// of Travel") sit at the top of the corporate strategy and its priorities answer them; both
    /// are on the corporate strategy level, so this is not a link of the thread, which only ever
    /// goes one level up.
    /// </summary>
    public void Answer(ThreadItem challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (Kind != ThreadItemKind.CorporatePriority || challenge.Kind != ThreadItemKind.StrategicChallenge)
        {
            throw new DomainRuleException("Thread.OnlyPrioritiesAnswerChallenges", "Only a corporate priority answers a strategic challenge.", nameof(ChallengeId));
        }

        ChallengeId = challenge.Id;
    }
}

public enum ThreadItemKind
{
    CommunityAmbition = 1,
    CorporatePriority = 2,
    CorporateValue = 3,
    StrategicChallenge = 4,
    ServiceObjective = 5,
    TeamItem = 6,
}

/// <summary>Where an item stands, said by its owner; the thread turns it into a RAG (see <see cref="ThreadRating"/>).</summary>
public enum ThreadStatus
{
    NotStarted = 0,
    OnTrack = 1,
    AtRisk = 2,
    OffTrack = 3,
    Achieved = 4,
}
