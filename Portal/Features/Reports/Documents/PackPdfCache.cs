using System.Collections.Concurrent;
using Portal.Features.Meetings; // a pack is a meeting's: a change to the meeting drops its packs
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Reports.Documents;

/// <summary>
/// Agenda packs as PDF, as last built, per meeting, version and audience: the key is made from what
/// the reader may see (each report's id, version and whether it is withheld from them, each annex's,
/// the language), so a member's pack is never handed to the public. Any change to a report (the change
/// feed's <see cref="ReportChanged"/>) or to the meeting drops every pack that holds it.
/// </summary>
public sealed class PackPdfCache : IDisposable
{
    private const int MaxPacks = 200;

    private readonly ConcurrentDictionary<string, Entry> _packs = new(StringComparer.Ordinal);
    private readonly IDisposable _reports;
    private readonly IDisposable _meetings;

    public PackPdfCache(ChangeFeed changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _reports = changes.Subscribe<ReportChanged>(change => Drop(e => e.MeetingId == change.MeetingId || e.Reports.Contains(change.ReportId)));
        _meetings = changes.Subscribe<MeetingChanged>(change => Drop(e => e.MeetingId == change.MeetingId));
    }

    /// <summary>How many packs are held: for the tests of what a change drops.</summary>
    public int Count => _packs.Count;

    public async Task<byte[]> GetOrBuildAsync(string key, int meetingId, IReadOnlySet<int> reports, Func<Task<byte[]>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (_packs.TryGetValue(key, out var cached))
        {
            return cached.Pdf;
        }

        var pdf = await build();
        if (_packs.Count >= MaxPacks)
        {
            _packs.Clear();
        }

        _packs[key] = new Entry(meetingId, reports, pdf);
        return pdf;
    }

    public void Dispose()
    {
        _reports.Dispose();
        _meetings.Dispose();
    }

    private void Drop(Func<Entry, bool> stale)
    {
        foreach (var (key, entry) in _packs)
        {
            if (stale(entry))
            {
                _packs.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(int MeetingId, IReadOnlySet<int> Reports, byte[] Pdf);
}
