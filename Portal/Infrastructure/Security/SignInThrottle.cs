using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The sign-in lockout, counted per email address <em>and</em> where the attempts come from: the
/// browser, when it has signed in as that email before (<see cref="KnownDevices"/>), otherwise its
/// address (<see cref="ClientAddress"/>). Identity's own lockout is per account: anyone who knows a
/// colleague's email could keep them out by typing five wrong passwords. Here wrong passwords lock
/// only that email from that source: after <see cref="RateLimitOptions.LockoutAfter"/> failures
/// for <see cref="RateLimitOptions.LockoutFirstMinutes"/>, and each failure after that doubles the
/// wait, up to <see cref="RateLimitOptions.LockoutMaxMinutes"/>; the owner's own browser, counted
/// apart even behind the same address, signs in as usual. Failures from addresses are also counted
/// for the email across all of them, so guessing spread over many addresses locks every unknown
/// browser after <see cref="RateLimitOptions.LockoutAcrossAddressesAfter"/> (and still not the
/// owner's). An email that has no account is counted the same way, so the lockout says nothing
/// about which addresses have one. A success clears its source's count; a day without failures
/// forgets any count.
/// </summary>
/// <remarks>
/// Held in memory: a restart forgets the counts (an attacker cannot restart the portal), and
/// several instances would each count their own (the portal runs as one). The table is bounded:
/// past <see cref="MaxEntries"/> the counts nobody has added to for a day go first, then the oldest.
/// </remarks>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public const int MaxEntries = 100_000;

    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Until when <paramref name="email"/> may not sign in from <paramref name="source"/> (a known browser or an address), or null.</summary>
    public DateTimeOffset? LockedUntil(string email, string source)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? Until(string key) => _entries.TryGetValue(key, out var entry) && entry.LockedUntil is DateTimeOffset until && until > now ? until : null;
        var own = Until(Key(email, source));
        var across = IsDevice(source) ? null : Until(Key(email, AnyAddress));
        return (own, across) switch
        {
            (null, _) => across,
            (_, null) => own,
            _ => own > across ? own : across,
        };
    }

    /// <summary>Every email locked from some address now, with the latest time a lock runs to (for the administrators' list of sign-ins), keyed by <see cref="KeyOf"/>.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LockedEmails()
    {
        var now = clock.GetUtcNow();
        return _entries
            .Where(e => e.Value.LockedUntil > now)
            .GroupBy(e => e.Key[..e.Key.LastIndexOf('|')], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(e => e.Value.LockedUntil!.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// What an email is counted under: a hash of it in capitals, so that however it is typed it
    /// counts as one, a megabyte typed as an email takes no more room than any other, and the
    /// table holds no email addresses.
    /// </summary>
    public static string KeyOf(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
    }

    /// <summary>Counts a failed sign-in; returns until when this failure locks the email from this source, or null while it does not yet.</summary>
    public DateTimeOffset? Failed(string email, string source)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            Trim(now);
        }

        Count(Key(email, source), limits.LockoutAfter, limits, now);
        if (!IsDevice(source))
        {
            Count(Key(email, AnyAddress), limits.LockoutAcrossAddressesAfter, limits, now);
        }

        return LockedUntil(email, source);
    }

    /// <summary>A success from this source clears its count for this email (not the count across addresses, which a guesser elsewhere may still be adding to).</summary>
    public void Succeeded(string email, string source) => _entries.TryRemove(Key(email, source), out _);

    /// <summary>An administrator's unlock: the email's counts from every address are cleared.</summary>
    public void Clear(string email)
    {
        var prefix = KeyOf(email) + "|";
        foreach (var key in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _entries.TryRemove(key, out _);
        }
    }

    private void Count(string key, int after, RateLimitOptions limits, DateTimeOffset now) =>
        _entries.AddOrUpdate(
            key,
            _ => Next(new Entry(0, null, now), after, limits, now),
            (_, old) => Next(now - old.LastFailure > Forget ? new Entry(0, null, now) : old, after, limits, now));

    private static Entry Next(Entry entry, int after, RateLimitOptions limits, DateTimeOffset now)
    {
        var failures = entry.Failures + 1;
        if (after <= 0 || failures < after)
        {
            return new Entry(failures, entry.LockedUntil, now);
        }

        // 1, 2, 4, 8 ... minutes by default: the fifth failure waits a minute, the sixth two.
        var doublings = Math.Min(failures - after, 20);
        var minutes = Math.Min(limits.LockoutFirstMinutes * Math.Pow(2, doublings), limits.LockoutMaxMinutes);
        return new Entry(failures, now.AddMinutes(minutes), now);
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries.Where(e => now - e.Value.LastFailure > Forget && (e.Value.LockedUntil ?? now) <= now).ToList())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }

        foreach (var (key, _) in _entries.OrderBy(e => e.Value.LastFailure).Take(Math.Max(0, _entries.Count - (MaxEntries * 9 / 10))).ToList())
        {
            _entries.TryRemove(key, out _);
        }
    }

    // Stands for every address at once in the count across addresses; no address or browser is written so.
    private const string AnyAddress = "*";

    private static bool IsDevice(string source) => source.StartsWith(KnownDevices.DevicePrefix, StringComparison.Ordinal);

    private static string Key(string email, string source) => $"{KeyOf(email)}|{source}";

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil, DateTimeOffset LastFailure);
}
