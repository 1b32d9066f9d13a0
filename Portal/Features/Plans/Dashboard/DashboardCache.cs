using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Plans.Dashboard;

/// <summary>
/// Dashboards computed once and shared. On a Monday morning a directorate's managers and its
/// councillors have the same plan's dashboard open; a progress update makes every one of those
/// pages reload at once. They read one computation between them, not one each, and the circuits
/// hold one copy of it rather than a copy each.
/// </summary>
/// <remarks>
/// A dashboard is kept for its plan, filter and day as a <see cref="SharedRead{T}"/>: good while
/// nothing has been published on the <see cref="ChangeFeed"/> since it was begun, and for
/// <see cref="MaxAge"/> at most. The cache holds no one's rights: each entry keeps the plan it
/// belongs to, <see cref="DashboardService"/> checks every reader against it before handing the
/// dashboard over, and a dashboard says the same to everyone who may read its plan.
/// </remarks>
public sealed class DashboardCache(ChangeFeed changes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Filters make many keys; past this many, stale entries go, and if none are stale, all.</summary>
    private const int Capacity = 500;

    private readonly Lock _gate = new();
    private readonly Dictionary<Key, SharedRead<ReadableDashboard?>> _entries = [];

    /// <summary>
    /// The dashboard for this plan, filter and day: the one already computed if nothing has
    /// changed since, the one being computed if another reader started it, or a new one from
    /// <paramref name="compute"/>. The computation is shared, so it does not stop when one
    /// reader's <paramref name="ct"/> does.
    /// </summary>
    public Task<ReadableDashboard?> GetAsync(int planId, DashboardFilter filter, DateOnly today, Func<Task<ReadableDashboard?>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(compute);
        var key = new Key(planId, filter, today);
        SharedRead<ReadableDashboard?>? dashboard;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out dashboard) || !dashboard.IsGood)
            {
                if (_entries.Count >= Capacity)
                {
                    Trim();
                }

                dashboard = new SharedRead<ReadableDashboard?>(changes, clock, MaxAge, compute);
                _entries[key] = dashboard;
            }
        }

        return dashboard.Value.WaitAsync(ct);
    }

    private void Trim()
    {
        foreach (var (key, entry) in _entries.ToList())
        {
            if (!entry.IsGood)
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
}

/// <summary>A shared dashboard with the plan it belongs to, which is what the reader's rights are checked against.</summary>
public sealed record ReadableDashboard(PlanKey Plan, Dashboard Dashboard);
