using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.LiveUpdates;

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

/// <summary>A session ended by signing out (published after it is saved; on several instances, told to each).</summary>
public sealed record SessionsChanged(string EndedSession);

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
/// could still be within <see cref="PortalOptions.SessionAbsoluteHours"/>. Several instances
/// (PostgreSQL): each sign-out is published as <see cref="SessionsChanged"/>, which the change
/// relay takes to every instance, and an instance whose link to the others dropped reads the
/// ended ids again (<see cref="ChangesMayHaveBeenMissed"/>), so no instance goes on accepting an
/// ended session.
/// </remarks>
public sealed class EndedSessions
{
    private readonly ConcurrentDictionary<string, DateTime> _ended = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<PortalOptions> _portal;
    private readonly TimeProvider _clock;
    private readonly ChangeFeed _feed;
    private volatile bool _loaded;

    public EndedSessions(IServiceScopeFactory scopes, IOptions<PortalOptions> portal, TimeProvider clock, ChangeFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _scopes = scopes;
        _portal = portal;
        _clock = clock;
        _feed = feed;

        // A singleton's subscriptions last as long as the process, as it does.
        feed.Subscribe<SessionsChanged>(change => _ended[change.EndedSession] = clock.GetUtcNow().UtcDateTime);
        feed.Subscribe<ChangesMayHaveBeenMissed>(_ => _loaded = false);
    }

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
        var now = _clock.GetUtcNow().UtcDateTime;
        var forgotten = now - KeptFor;
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        if (!await db.EndedSessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            db.EndedSessions.Add(EndedSession.Create(sessionId, now));
            await db.SaveChangesAsync(ct);
        }

        _ended[sessionId] = now;
        _feed.Publish(new SessionsChanged(sessionId));
        await db.EndedSessions.Where(s => s.EndedUtc < forgotten).ExecuteDeleteAsync(ct);
        foreach (var (id, ended) in _ended.Where(e => e.Value < forgotten).ToList())
        {
            _ended.TryRemove(new KeyValuePair<string, DateTime>(id, ended));
        }
    }

    // A day beyond the absolute limit, for clocks that disagree a little.
    private TimeSpan KeptFor => TimeSpan.FromHours(_portal.Value.SessionAbsoluteHours) + TimeSpan.FromDays(1);

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

            var since = _clock.GetUtcNow().UtcDateTime - KeptFor;
            await using var scope = _scopes.CreateAsyncScope();
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
