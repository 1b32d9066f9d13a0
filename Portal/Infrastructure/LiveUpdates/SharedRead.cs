namespace Portal.Infrastructure.LiveUpdates;

/// <summary>
/// One read of something many circuits ask for at once, shared between them: begun by the first
/// to ask, awaited by the others, and good while nothing has been published on the
/// <see cref="ChangeFeed"/> since it began (every save a live page shows is published there after
/// it commits, so a read begun after that saw it) and for a given age at most, so a change made
/// outside the portal's services shows soon after. A read that failed is good for no one: the next
/// caller begins another.
/// </summary>
/// <remarks>
/// The read is not given any caller's cancellation token: one reader leaving must not cancel it
/// for the rest. Callers keep their entries under a lock of their own and await
/// <see cref="Value"/> outside it.
/// </remarks>
public sealed class SharedRead<T>
{
    private readonly ChangeFeed _changes;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _maxAge;
    private readonly long _version;
    private readonly DateTimeOffset _began;
    private readonly Lazy<Task<T>> _value;

    public SharedRead(ChangeFeed changes, TimeProvider clock, TimeSpan maxAge, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(clock);
        (_changes, _clock, _maxAge) = (changes, clock, maxAge);
        _version = changes.Version;
        _began = clock.GetUtcNow();
        _value = new Lazy<Task<T>>(read);
    }

    /// <summary>The read: begun by the first caller to ask for it.</summary>
    public Task<T> Value => _value.Value;

    /// <summary>Nothing published since it began, younger than its age limit, and not a read that failed.</summary>
    public bool IsGood =>
        _version == _changes.Version
        && _clock.GetUtcNow() - _began < _maxAge
        && !(_value.IsValueCreated && (_value.Value.IsFaulted || _value.Value.IsCanceled));
}
