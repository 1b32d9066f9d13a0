using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Plans;

/// <summary>
/// Dashboards computed once and shared. On a Monday morning a directorate's managers and its
/// councillors have the same plan's dashboard open; a progress update makes every one of those
/// pages reload at once. They read one computation between them, not one each, and the circuits
/// hold one copy of it rather than a copy each.
/// </summary>
/// <remarks>
/// A dashboard is kept for its plan, filter and day, and is good while nothing has been
/// published on the <see cref="ChangeFeed"/> since it was started (every save a live page shows
/// is published there after it commits, so a dashboard begun after that read what was saved),
/// and for <see cref="MaxAge"/> at most, so a change made outside the portal's services shows
/// soon after. The cache holds no one's rights: <see cref="DashboardService"/> checks the reader
/// before it asks, and a dashboard says the same to everyone who may read its plan.
/// </remarks>
public sealed class DashboardCache(ChangeFeed changes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Filters make many keys; past this many, stale entries go, and if none are stale, all.</summary>
    private const int Capacity = 500;

    private readonly Lock _gate = new();
    private readonly Dictionary<Key, Entry> _entries = [];

    /// <summary>
    /// The dashboard for this plan, filter and day: the one already computed if nothing has
    /// changed since, the one being computed if another reader started it, or a new one from
    /// <paramref name="compute"/>. The computation is shared, so it does not stop when one
    /// reader's <paramref name="ct"/> does.
    /// </summary>
    public Task<Dashboard?> GetAsync(int planId, DashboardFilter filter, DateOnly today, Func<Task<Dashboard?>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(compute);
        var key = new Key(planId, filter, today);
        var version = changes.Version;
        var now = clock.GetUtcNow();
        Lazy<Task<Dashboard?>> dashboard;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry) || !entry.IsGoodFor(version, now))
            {
                if (_entries.Count >= Capacity)
                {
                    Trim(version, now);
                }

                entry = new Entry(version, now, new Lazy<Task<Dashboard?>>(compute));
                _entries[key] = entry;
            }

            dashboard = entry.Dashboard;
        }

        return dashboard.Value.WaitAsync(ct);
    }

    private void Trim(long version, DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries.ToList())
        {
            if (!entry.IsGoodFor(version, now))
            {
                _entries.Remove(key);
            }
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
    }

    private readonly record struct Key(int PlanId, DashboardFilter Filter, DateOnly Today);

    private sealed record Entry(long Version, DateTimeOffset Started, Lazy<Task<Dashboard?>> Dashboard)
    {
        /// <summary>Nothing published since, young enough, and not a computation that failed (the next reader tries again).</summary>
        public bool IsGoodFor(long version, DateTimeOffset now) =>
            Version == version
            && now - Started < MaxAge
            && !(Dashboard.IsValueCreated && (Dashboard.Value.IsFaulted || Dashboard.Value.IsCanceled));
    }
}
