namespace Portal.Domain.Thread;

/// <summary>
/// The six levels of the golden thread, top to bottom. Each item contributes to items exactly one
/// level up: an appraisal objective to a team workplan item, a team item to a service objective,
/// and so on to the community strategy.
/// </summary>
public enum ThreadLevel
{
    /// <summary>The Sustainable Community Strategy's ambitions, shared with partners.</summary>
    CommunityStrategy = 1,

    /// <summary>The Corporate Strategy's priorities.</summary>
    CorporateStrategy = 2,

    /// <summary>A directorate plan's priorities (see <c>Portal.Domain.Plans.Priority</c>).</summary>
    DirectoratePlan = 3,

    /// <summary>A service plan's objectives, per service and year.</summary>
    ServicePlan = 4,

    /// <summary>A team workplan's items, per team and year.</summary>
    TeamWorkplan = 5,

    /// <summary>One person's appraisal objectives for one appraisal year. Personal data.</summary>
    Appraisal = 6,
}

/// <summary>One item anywhere on the thread: its level and its id within that level.</summary>
public readonly record struct ThreadNode(ThreadLevel Level, int Id)
{
    public ThreadLevel? LevelAbove => Level == ThreadLevel.CommunityStrategy ? null : Level - 1;

    public override string ToString() => $"{(int)Level}-{Id}";

    public static bool TryParse(string? text, out ThreadNode node)
    {
        node = default;
        var parts = text?.Split('-');
        if (parts is not [var level, var id] || !int.TryParse(level, out var l) || !int.TryParse(id, out var i) || !Enum.IsDefined((ThreadLevel)l))
        {
            return false;
        }

        node = new ThreadNode((ThreadLevel)l, i);
        return true;
    }
}
