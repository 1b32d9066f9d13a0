using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Caps how many live pages (Blazor circuits, each a SignalR connection holding server memory)
/// one sign-in may have open at once, and one address for visitors who are not signed in, so one
/// person or one script cannot take the memory everybody else needs. A page over the limit stays
/// readable as served but does not become interactive; the log says a limit was reached, not who.
/// </summary>
public sealed class CircuitLimiter(IOptions<PortalOptions> options, ILogger<CircuitLimiter> logger) : IHubFilter
{
    private const string KeyItem = "portal:circuit-key";
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>How many circuits the key for <paramref name="user"/> (or <paramref name="address"/>, as <see cref="ClientAddress"/> writes it) has open now.</summary>
    public int OpenFor(ClaimsPrincipal user, string? address) => _open.GetValueOrDefault(Key(user, address));

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.Context.User ?? new ClaimsPrincipal();
        var key = Key(user, ClientAddress.Of(context.Context.GetHttpContext()?.Connection.RemoteIpAddress));
        var limit = user.Identity?.IsAuthenticated == true ? options.Value.MaxCircuitsPerUser : options.Value.MaxCircuitsPerAddress;
        var count = _open.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (count > limit)
        {
            Release(key);
            logger.LogWarning("A live page was refused: its {Kind} already has {Limit} open", user.Identity?.IsAuthenticated == true ? "sign-in" : "address", limit);
            throw new HubException("Too many pages are open for this sign-in. Close some and reload this one.");
        }

        context.Context.Items[KeyItem] = key;
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Context.Items.Remove(KeyItem, out var key) && key is string k)
        {
            Release(k);
        }

        await next(context, exception);
    }

    private void Release(string key)
    {
        while (_open.TryGetValue(key, out var n))
        {
            if (n <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(key, n)) : _open.TryUpdate(key, n - 1, n))
            {
                return;
            }
        }
    }

    private static string Key(ClaimsPrincipal user, string? address) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is string id
            ? "user:" + id
            : "address:" + (address ?? "unknown");
}
