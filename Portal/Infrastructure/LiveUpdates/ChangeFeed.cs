using System.Collections.Immutable;

namespace Portal.Infrastructure.LiveUpdates;

/// <summary>
/// The one in-process change feed. A service publishes a small change record after a successful
/// save; every open component that shows the item subscribes and re-renders. A subscription is
/// an <see cref="IDisposable"/>: a component disposes it with itself, or the feed would keep the
/// whole component tree alive.
/// </summary>
/// <remarks>
/// Handlers run on the publisher's thread and must not block: components hand the work to their
/// own dispatcher with <c>InvokeAsync</c>. A handler that throws is logged and does not stop the
/// others from being told.
/// </remarks>
public sealed class ChangeFeed(ILogger<ChangeFeed> logger)
{
    private ImmutableArray<Subscription> _subscriptions = [];
    private long _version;

    /// <summary>
    /// How many changes have been published. It moves before any subscriber is told, so a value
    /// read before a computation says whether anything was saved since: what <see cref="Portal.Features.Plans.Dashboard.DashboardCache"/> keys on.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Raised after each change published on this instance (not for those received from other
    /// instances): how <see cref="PostgresChangeRelay"/> passes them on.
    /// </summary>
    public event Action<object>? Published;

    /// <summary>Tells every subscriber to <typeparamref name="TChange"/> (or a base type of it), here and, through the relay, on other instances.</summary>
    public void Publish<TChange>(TChange change)
        where TChange : notnull
    {
        Deliver(change);
        Published?.Invoke(change);
    }

    /// <summary>Tells this instance's subscribers to the change's type (or a base type of it): a change published here or received from another instance.</summary>
    public void Deliver(object change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Interlocked.Increment(ref _version);
        foreach (var subscription in _subscriptions)
        {
            if (!subscription.ChangeType.IsInstanceOfType(change))
            {
                continue;
            }

            try
            {
                subscription.Handler(change);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A subscriber to {ChangeType} failed", change.GetType().Name);
            }
        }
    }

    public IDisposable Subscribe<TChange>(Action<TChange> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, typeof(TChange), change => handler((TChange)change));
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    /// <summary>How many subscriptions are open; a leak shows here first.</summary>
    public int SubscriberCount => _subscriptions.Length;

    private void Remove(Subscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription));

    private sealed class Subscription(ChangeFeed feed, Type changeType, Action<object> handler) : IDisposable
    {
        private int _disposed;

        public Type ChangeType { get; } = changeType;

        public Action<object> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Remove(this);
            }
        }
    }
}
