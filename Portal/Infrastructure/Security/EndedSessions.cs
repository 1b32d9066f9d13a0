using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Infrastructure.Security;

/// <summary>A sign-in session someone ended by signing out: its cookie is refused from then on, even a copy of it.</summary>
public sealed class EndedSession
{
    private EndedSession()
    {
        Id = string.Empty;
    }

    /// <summary>The session's id, the <see cref="PortalClaims.Session"/> claim its cookie carries.</summary>
    public string Id { get; private set; }

    public DateTime EndedUtc { get; private set; }

    public static EndedSession Create(string id, DateTime endedUtc) => new() { Id = id, EndedUtc = endedUtc };
}

/// <summary>
/// Signing out ends the session on the server. Each sign-in gets a session id of its own (a
/// claim in the cookie, <see cref="PortalClaims.Session"/>); signing out records it here, and the
/// cookie check on every request (<see cref="SessionLimits"/>) refuses a cookie whose session
/// has ended, at once: a cookie copied before the sign-out is worth nothing after it. Only this
/// session ends; the same person signed in on another device stays signed in. (Changing the
/// security stamp instead would end every device's session, and only within a minute.)
/// </summary>
/// <remarks>
/// The ended ids are kept in the database, so a restart remembers them, and in memory, so the
/// check on each request asks nothing of the database. An id is kept until no cookie carrying it
/// could still be within <see cref="PortalOptions.SessionAbsoluteHours"/>. One instance: a
/// second would not hear of another's sign-outs until it restarted.
/// </remarks>
public sealed class EndedSessions(IServiceScopeFactory scopes, IOptions<PortalOptions> portal, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTime> _ended = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile bool _loaded;

    /// <summary>A new session id: 128 random bits.</summary>
    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public async ValueTask<bool> HasEndedAsync(string sessionId, CancellationToken ct)
    {
        await LoadAsync(ct);
        return _ended.ContainsKey(sessionId);
    }

    /// <summary>Ends <paramref name="sessionId"/> for good, and forgets sessions too old to matter.</summary>
    public async Task EndAsync(string sessionId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        await LoadAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var forgotten = now - KeptFor;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        if (!await db.EndedSessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            db.EndedSessions.Add(EndedSession.Create(sessionId, now));
            await db.SaveChangesAsync(ct);
        }

        _ended[sessionId] = now;
        await db.EndedSessions.Where(s => s.EndedUtc < forgotten).ExecuteDeleteAsync(ct);
        foreach (var (id, ended) in _ended.Where(e => e.Value < forgotten).ToList())
        {
            _ended.TryRemove(new KeyValuePair<string, DateTime>(id, ended));
        }
    }

    // A day beyond the absolute limit, for clocks that disagree a little.
    private TimeSpan KeptFor => TimeSpan.FromHours(portal.Value.SessionAbsoluteHours) + TimeSpan.FromDays(1);

    private async ValueTask LoadAsync(CancellationToken ct)
    {
        if (_loaded)
        {
            return;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_loaded)
            {
                return;
            }

            var since = clock.GetUtcNow().UtcDateTime - KeptFor;
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
            foreach (var ended in await db.EndedSessions.AsNoTracking().Where(s => s.EndedUtc >= since).ToListAsync(ct))
            {
                _ended.TryAdd(ended.Id, ended.EndedUtc);
            }

            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }
}
