using Portal.Domain.Common;

namespace Portal.Domain.Thread;

/// <summary>
/// "This item contributes to that one": always from an item to one exactly one level above it.
/// An item may contribute to several; the one marked primary is the main reason it exists and
/// comes first wherever the thread is traced.
/// </summary>
public sealed class ThreadLink : Entity
{
    private ThreadLink()
    {
    }

    public ThreadLevel ChildLevel { get; private set; }

    public int ChildId { get; private set; }

    public ThreadLevel ParentLevel { get; private set; }

    public int ParentId { get; private set; }

    public bool IsPrimary { get; private set; }

    public ThreadNode Child => new(ChildLevel, ChildId);

    public ThreadNode Parent => new(ParentLevel, ParentId);

    /// <summary>
    /// Links <paramref name="child"/> to <paramref name="parent"/>. Refused when the parent is not
    /// exactly one level up (a link that skips a level, or goes sideways or down and so could
    /// close a cycle) or when the same link already exists.
    /// </summary>
    public static ThreadLink Create(ThreadNode child, ThreadNode parent, IEnumerable<ThreadNode> existingParents)
    {
        ArgumentNullException.ThrowIfNull(existingParents);
        EnsureCanLink(child.Level, parent);
        var parents = existingParents.ToList();
        if (parents.Contains(parent))
        {
            throw new DomainRuleException("Thread.AlreadyLinked", "The item already contributes to that one.", "Parent");
        }

        return new ThreadLink
        {
            ChildLevel = child.Level,
            ChildId = child.Id,
            ParentLevel = parent.Level,
            ParentId = parent.Id,
            IsPrimary = parents.Count == 0,
        };
    }

    public void MakePrimary(bool primary) => IsPrimary = primary;

    /// <summary>Refuses a parent that is not exactly one level above an item on <paramref name="childLevel"/>.</summary>
    public static void EnsureCanLink(ThreadLevel childLevel, ThreadNode parent)
    {
        if (parent.Level >= childLevel)
        {
            throw new DomainRuleException("Thread.LinkNotUpward", "An item can only contribute to an item on the level above it, so the thread cannot loop.", "Parent");
        }

        if (parent.Level != childLevel - 1)
        {
            throw new DomainRuleException("Thread.LinkSkipsLevel", "An item contributes to the level directly above it; link it to an item there instead of skipping a level.", "Parent");
        }
    }
}
