using System.Collections.Concurrent;
using Portal.Features.Meetings.Bodies;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Meetings.Feeds;

/// <summary>
/// The feeds as last written. Calendar apps poll every feed every few minutes to hours, and
/// almost every poll finds nothing changed, so a feed is written once and served from here
/// until a meeting or body changes (or the day turns, which moves the feed's window).
/// </summary>
public sealed class CalendarFeedCache : IDisposable
{
    private const int MaxFeeds = 500;

    private readonly ConcurrentDictionary<string, string> _feeds = new(StringComparer.Ordinal);
    private readonly IDisposable _meetings;
    private readonly IDisposable _bodies;
    private readonly IDisposable _missed;

    public CalendarFeedCache(ChangeFeed changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _meetings = changes.Subscribe<MeetingChanged>(_ => _feeds.Clear());
        _bodies = changes.Subscribe<BodyChanged>(_ => _feeds.Clear());
        _missed = changes.Subscribe<ChangesMayHaveBeenMissed>(_ => _feeds.Clear()); // another instance's changes, after a dropped link
    }

    public async Task<string> GetOrWriteAsync(string key, Func<Task<string>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_feeds.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var written = await write();
        if (_feeds.Count >= MaxFeeds)
        {
            // Keys carry the request's host: a flood of made-up hosts must not grow this without end.
            _feeds.Clear();
        }

        _feeds[key] = written;
        return written;
    }

    public void Dispose()
    {
        _meetings.Dispose();
        _bodies.Dispose();
        _missed.Dispose();
    }
}
