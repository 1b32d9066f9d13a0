using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Organisation; // the thread runs through the organisation's units: it follows their changes
using Portal.Features.Plans; // the thread runs through the plans: it follows their changes and reads their year
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread;

/// <summary>
/// Keeps one <see cref="ThreadModel"/> for everyone, so tracing an item is a walk over memory
/// rather than a read of the whole thread. Any change to the thread, a plan or the organisation
/// (published on the change feed) drops it, as does a new day (ratings depend on the date); the
/// next reader rebuilds it.
/// </summary>
public sealed class ThreadCache : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly IDisposable[] _subscriptions;
    private ThreadModel? _model;

    public ThreadCache(IServiceScopeFactory scopes, ChangeFeed changes, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _scopes = scopes;
        _clock = clock;
        _subscriptions =
        [
            changes.Subscribe<ThreadChanged>(_ => Invalidate()),
            changes.Subscribe<PlanChanged>(_ => Invalidate()),
            changes.Subscribe<UnitChanged>(_ => Invalidate()),
            changes.Subscribe<ChangesMayHaveBeenMissed>(_ => Invalidate()), // another instance's changes, after a dropped link
        ];
    }

    /// <summary>Drops the model; the next reader rebuilds it.</summary>
    public void Invalidate() => Volatile.Write(ref _model, null);

    internal async Task<ThreadModel> GetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);
        var model = Volatile.Read(ref _model);
        if (model?.BuiltFor == today)
        {
            return model;
        }

        await _building.WaitAsync(ct);
        try
        {
            model = Volatile.Read(ref _model);
            if (model?.BuiltFor == today)
            {
                return model;
            }

            await using var scope = _scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("golden thread");
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
            model = await ThreadModel.BuildAsync(db, today, ct);
            Volatile.Write(ref _model, model);
            return model;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _building.Dispose();
    }
}
