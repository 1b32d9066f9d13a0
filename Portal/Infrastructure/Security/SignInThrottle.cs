using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The sign-in lockout, counted per email address <em>and</em> the address the attempts come
/// from. Identity's own lockout is per account: anyone who knows a colleague's email could keep
/// them out by typing five wrong passwords. Here wrong passwords lock only that email from that
/// address (<see cref="ClientAddress"/>): after <see cref="RateLimitOptions.LockoutAfter"/>
/// failures for <see cref="RateLimitOptions.LockoutFirstMinutes"/>, and each failure after that
/// doubles the wait, up to <see cref="RateLimitOptions.LockoutMaxMinutes"/>; the person at their
/// own desk signs in as usual. An email that has no account is counted the same way, so the
/// lockout says nothing about which addresses have one. A success clears the count; a day
/// without failures forgets it.
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

    /// <summary>Until when <paramref name="email"/> may not sign in from <paramref name="address"/>, or null.</summary>
    public DateTimeOffset? LockedUntil(string email, string address) =>
        _entries.TryGetValue(Key(email, address), out var entry) && entry.LockedUntil is DateTimeOffset until && until > clock.GetUtcNow() ? until : null;

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

    /// <summary>Counts a failed sign-in; returns until when this failure locks the pair, or null while it does not yet.</summary>
    public DateTimeOffset? Failed(string email, string address)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            Trim(now);
        }

        var entry = _entries.AddOrUpdate(
            Key(email, address),
            _ => Next(new Entry(0, null, now), limits, now),
            (_, old) => Next(now - old.LastFailure > Forget ? new Entry(0, null, now) : old, limits, now));
        return entry.LockedUntil is DateTimeOffset until && until > now ? until : null;
    }

    /// <summary>A success from this address clears its count for this email.</summary>
    public void Succeeded(string email, string address) => _entries.TryRemove(Key(email, address), out _);

    /// <summary>An administrator's unlock: the email's counts from every address are cleared.</summary>
    public void Clear(string email)
    {
        var prefix = KeyOf(email) + "|";
        foreach (var key in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _entries.TryRemove(key, out _);
        }
    }

    private static Entry Next(Entry entry, RateLimitOptions limits, DateTimeOffset now)
    {
        var failures = entry.Failures + 1;
        if (limits.LockoutAfter <= 0 || failures < limits.LockoutAfter)
        {
            return new Entry(failures, entry.LockedUntil, now);
        }

        // 1, 2, 4, 8 ... minutes by default: the fifth failure waits a minute, the sixth two.
        var doublings = Math.Min(failures - limits.LockoutAfter, 20);
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

    private static string Key(string email, string address) => $"{KeyOf(email)}|{address}";

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil, DateTimeOffset LastFailure);
}
