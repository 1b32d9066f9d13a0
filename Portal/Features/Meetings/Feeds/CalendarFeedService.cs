using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Features.Establishment; // a seat can follow a post: its holder on the day sits in it
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Meetings.Feeds;

/// <summary>
/// iCalendar feeds (RFC 5545, written by Ical.Net): every public meeting, one body's meetings,
/// a person's own meetings by private address, and a single meeting. Each meeting keeps its
/// UID for life; a move or cancellation raises its SEQUENCE and a cancelled meeting stays in the
/// feed as STATUS:CANCELLED, so calendar apps update the event instead of losing or doubling it.
/// Times are written in UTC, converted from the council's own time zone. A subscription feed
/// carries the last <see cref="HistoryMonths"/> months and everything ahead (the meeting pages
/// keep the whole archive); a written feed is kept in <see cref="CalendarFeedCache"/> until
/// something changes.
/// </summary>
public sealed class CalendarFeedService(
    IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ICurrentUser currentUser, TimeProvider clock, CalendarFeedCache cache)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>How far back a subscription feed reaches: a year of past meetings, then everything arranged ahead.</summary>
    public const int HistoryMonths = 12;

    /// <summary>All public meetings.</summary>
    public Task<string> PublicCalendarAsync(Uri site, CancellationToken ct) =>
        cache.GetOrWriteAsync(Key("public", site), async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var bodies = await db.Bodies.AsNoTracking().Where(b => b.IsPublic).ToDictionaryAsync(b => b.Id, ct);
            return await WriteAsync(db, bodies, null, await CouncilNameAsync(db, ct), site, ct);
        });

    /// <summary>One public body's meetings, or null when there is no such public body.</summary>
    public async Task<string?> BodyCalendarAsync(string slug, Uri site, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Slug == slug && b.IsPublic, ct);
        return body is null
            ? null
            : await cache.GetOrWriteAsync(Key($"body:{body.Id}", site), () => WriteAsync(db, new Dictionary<int, Body> { [body.Id] = body }, null, body.Name, site, ct));
    }

    /// <summary>The meetings of every body the token's owner sits on, public or not; null for a token that matches nobody.</summary>
    public async Task<string?> PersonalCalendarAsync(string token, Uri site, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > CalendarFeed.TokenLength + 8)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null)
        {
            return null;
        }

        return await cache.GetOrWriteAsync(Key($"person:{feed.PersonId}", site), async () =>
        {
            var posts = await db.PostsHeldAsync(feed.PersonId, clock.Today(), ct);
            var bodyIds = await db.BodyMembers.AsNoTracking()
                .Where(m => m.PersonId == feed.PersonId || (m.PostId != null && posts.Contains(m.PostId.Value)))
                .Select(m => m.BodyId).ToListAsync(ct);
            var bodies = await db.Bodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
            var name = await db.People.AsNoTracking().Where(p => p.Id == feed.PersonId).Select(p => p.DisplayName).SingleAsync(ct);
            return await WriteAsync(db, bodies, null, name, site, ct);
        });
    }

    /// <summary>One meeting as a calendar file, or null when it does not exist or the caller may not see it.</summary>
    public async Task<string?> MeetingCalendarAsync(int id, Uri site, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return null;
        }

        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleAsync(b => b.Id == meeting.BodyId, ct);
        return caller.CanSee(body) ? await WriteAsync(db, new Dictionary<int, Body> { [body.Id] = body }, meeting.Id, body.Name, site, ct) : null;
    }

    /// <summary>
    /// One meeting as a calendar file for the mail telling its body's members it moved or was
    /// cancelled: the mail goes only to them, so no caller is asked (the sender has none).
    /// </summary>
    internal async Task<string?> MeetingFileForMailAsync(int id, Uri site, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return null;
        }

        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct);
        return await WriteAsync(db, new Dictionary<int, Body> { [body.Id] = body }, meeting.Id, body.Name, site, ct);
    }

    /// <summary>The signed-in person's private feed token, made on first asking.</summary>
    public async Task<string?> MyTokenAsync(bool replace, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        var caller = await access.CallerAsync(ct);
        if (caller.PersonId is not int personId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.PersonId == personId, ct);
        if (feed is null)
        {
            feed = CalendarFeed.For(personId);
            db.CalendarFeeds.Add(feed);
        }
        else if (replace)
        {
            feed.Replace();
        }

        await db.SaveChangesAsync(ct);
        return feed.Token;
    }

    /// <summary>The cache key: what the feed covers, for which site address, on which day (the window moves daily).</summary>
    private string Key(string scope, Uri site) => $"{scope}|{site}|{clock.Today():yyyy-MM-dd}";

    private static async Task<string> CouncilNameAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Installations.AsNoTracking().Select(i => i.CouncilName).SingleOrDefaultAsync(ct) ?? "Council";

    private async Task<string> WriteAsync(PortalDbContext db, IReadOnlyDictionary<int, Body> bodies, int? onlyMeeting, string name, Uri site, CancellationToken ct)
    {
        var settings = await db.SettingsAsync(ct);
        var zone = CouncilTime.ZoneFor(settings.Country);
        var ids = bodies.Keys.ToList();
        var query = db.Meetings.AsNoTracking().Where(m => ids.Contains(m.BodyId));
        if (onlyMeeting is int only)
        {
            query = query.Where(m => m.Id == only);
        }
        else
        {
            var from = clock.Today().AddMonths(-HistoryMonths);
            query = query.Where(m => m.Date >= from);
        }

        var meetings = await query.OrderBy(m => m.Date).ThenBy(m => m.StartTime)
            .Select(m => new { m.Id, m.BodyId, m.Date, m.StartTime, m.EndTime, m.Venue, m.Status, m.CancelReason, m.Uid, m.Sequence, m.Version })
            .ToListAsync(ct);

        var calendar = new Ical.Net.Calendar { ProductId = "-//Portal//Council meetings//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var m in meetings)
        {
            var body = bodies[m.BodyId];
            var start = CouncilTime.ToUtc(m.Date, m.StartTime, zone);
            var end = CouncilTime.ToUtc(m.Date, m.EndTime, zone);
            var url = new Uri(site, $"meetings/{m.Id}");
            var cancelled = m.Status == MeetingStatus.Cancelled;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"meeting-{m.Uid:N}@portal",
                Sequence = m.Sequence,
                DtStamp = stamp,
                Start = new CalDateTime(start),
                End = new CalDateTime(end),
                Summary = cancelled ? $"{body.Name} (cancelled)" : body.Name,
                Location = m.Venue,
                Url = url,
                Description = cancelled && m.CancelReason is not null ? $"{m.CancelReason}\n{url}" : url.ToString(),
                Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Transparency = cancelled ? TransparencyType.Transparent : TransparencyType.Opaque,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
