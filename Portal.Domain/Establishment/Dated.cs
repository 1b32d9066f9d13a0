using Portal.Domain.Common;

namespace Portal.Domain.Establishment;

/// <summary>Something true from one date until (not including) another, or from then on.</summary>
public interface IDated
{
    DateOnly From { get; }

    DateOnly? To { get; }
}

public static class Dated
{
    public static bool IsOn(this IDated row, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.From <= date && (row.To is not DateOnly to || to > date);
    }

    /// <summary>Whether two spans share a day.</summary>
    public static bool Overlaps(this IDated row, DateOnly from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.From < (to ?? DateOnly.MaxValue) && from < (row.To ?? DateOnly.MaxValue);
    }
}

/// <summary>Whom a post is accountable to, from a date. A change closes the old line and opens a new one; nothing is overwritten.</summary>
public sealed class PostReporting : Entity, IDated
{
    private PostReporting()
    {
    }

    public int PostId { get; private set; }

    /// <summary>The post above; null for the head of the structure.</summary>
    public int? AccountableToId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public static PostReporting Start(int postId, int? accountableToId, DateOnly from) =>
        new() { PostId = postId, AccountableToId = accountableToId, From = from };

    internal void End(DateOnly on) => To = on;

    internal void Correct(int? accountableToId) => AccountableToId = accountableToId;
}

/// <summary>Who holds a post, from a date: substantively or acting up.</summary>
public sealed class PostHolding : Entity, IDated
{
    private PostHolding()
    {
    }

    public int PostId { get; private set; }

    public int PersonId { get; private set; }

    public bool IsActing { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public static PostHolding Start(int postId, int personId, bool acting, DateOnly from) =>
        new() { PostId = postId, PersonId = personId, IsActing = acting, From = from };

    internal void End(DateOnly on) => To = on;
}

public enum StatutoryRole
{
    /// <summary>Head of Paid Service (Local Government and Housing Act 1989, s.4).</summary>
    HeadOfPaidService = 0,

    /// <summary>Chief finance officer (Local Government Act 1972, s.151).</summary>
    Section151Officer = 1,

    /// <summary>Monitoring Officer (Local Government and Housing Act 1989, s.5).</summary>
    MonitoringOfficer = 2,

    /// <summary>Designated deputy to the chief executive.</summary>
    DeputyChiefExecutive = 3,
}

/// <summary>A statutory or designated role given to a post from a date; it follows whoever holds the post.</summary>
public sealed class StatutoryDesignation : Entity, IDated
{
    private StatutoryDesignation()
    {
    }

    public StatutoryRole Role { get; private set; }

    public int PostId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public static StatutoryDesignation Start(StatutoryRole role, int postId, DateOnly from) =>
        new() { Role = role, PostId = postId, From = from };

    internal void End(DateOnly on) => To = on;
}
