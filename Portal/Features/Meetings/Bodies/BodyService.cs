using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Features.Establishment; // a seat can follow a post: its holder on the day sits in it
using Portal.Features.Meetings.Calendar;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Meetings.Bodies;

/// <summary>Bodies: reading them with their members, cadence and coming meetings; creating and describing them; their members and cadence.</summary>
public sealed class BodyService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock)
{
    /// <summary>Words the meeting addresses use themselves (<c>/meetings/bodies/new</c>, <c>/meetings/feeds/…</c>), so no body may take them.</summary>
    private static readonly string[] ReservedSlugs = ["new", "feeds", "bodies", "calendar"];

    public async Task<IReadOnlyList<BodySummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = await MeetingAccess.VisibleBodiesAsync(db, caller, ct);
        var ids = bodies.Select(b => b.Id).ToList();
        var cadences = await db.Cadences.AsNoTracking().Where(c => ids.Contains(c.BodyId)).ToDictionaryAsync(c => c.BodyId, ct);
        var today = clock.Today();
        var next = (await db.Meetings.AsNoTracking()
                .Where(m => ids.Contains(m.BodyId) && m.Date >= today && m.Status != MeetingStatus.Cancelled)
                .GroupBy(m => m.BodyId)
                .Select(g => g.OrderBy(m => m.Date).ThenBy(m => m.StartTime).First())
                .ToListAsync(ct))
            .ToDictionary(m => m.BodyId);
        return bodies.Select(b => new BodySummary(
                b.Id, b.Name, b.ShortName, b.Slug, b.Kind, b.Regime, b.IsPublic, cadences.GetValueOrDefault(b.Id)?.Rule,
                next.TryGetValue(b.Id, out var m) ? MeetingQueries.Row(m, b, caller) : null))
            .ToList();
    }

    public async Task<BodyDetails?> GetAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Slug == slug, ct);
        if (body is null || !caller.CanSee(body))
        {
            return null;
        }

        var names = await db.PeopleNamesAsync(ct);
        var cadence = await db.Cadences.AsNoTracking().SingleOrDefaultAsync(c => c.BodyId == body.Id, ct);
        var today = clock.Today();
        var upcoming = await db.Meetings.AsNoTracking().Where(m => m.BodyId == body.Id && m.Date >= today)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).Take(6).ToListAsync(ct);
        var canKeep = caller.CanKeepRecord(body);
        var people = canKeep
            ? await db.People.AsNoTracking().OrderBy(p => p.DisplayName).Select(p => new NamedItem(p.Id, p.DisplayName)).ToListAsync(ct)
            : [];
        var posts = canKeep
            ? (await db.Posts.AsNoTracking().ToListAsync(ct)).Where(p => p.ExistsOn(today)).OrderBy(p => p.Number).Select(p => new NamedItem(p.Id, $"{p.Number} {p.Title}")).ToList()
            : [];
        return new BodyDetails(
            body.Id, body.Version, body.Name, body.ShortName, body.Slug, body.Kind, body.Regime, body.IsPublic, body.Remit, body.ReportsTo,
            await MembersAsync(db, body, names, today, ct),
            cadence?.Rule, cadence?.Version,
            upcoming.Select(m => MeetingQueries.Row(m, body, caller)).ToList(),
            caller.IsAdministrator, canKeep, people, posts) { Colour = body.Colour };
    }

    /// <summary>The members as shown: a seat held by a post shows the post and whoever holds it today.</summary>
    private static async Task<List<BodyMemberView>> MembersAsync(PortalDbContext db, Body body, Dictionary<int, string> names, DateOnly today, CancellationToken ct)
    {
        var postIds = body.Members.Where(m => m.PostId is not null).Select(m => m.PostId!.Value).ToList();
        var titles = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var holders = postIds.Count == 0 ? [] : await db.HoldersOnAsync(today, ct);
        var councillors = (await db.Councillors.AsNoTracking().Select(c => c.PersonId).ToListAsync(ct)).ToHashSet();
        return body.Members.OrderBy(m => m.Position)
            .Select(m =>
            {
                var person = m.PersonId ?? (m.PostId is int post && holders.TryGetValue(post, out var holder) ? holder : null);
                var postTitle = m.Post ?? (m.PostId is int p ? titles.GetValueOrDefault(p) : null);
                return new BodyMemberView(m.Id, person, person is int id ? names.GetValueOrDefault(id) : null, postTitle, m.Role, m.PostId, m.Responsibilities)
                {
                    IsCouncillor = person is int c && councillors.Contains(c),
                };
            })
            .ToList();
    }

    public async Task<string> CreateAsync(BodyEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.CallerAsync(ct)).DemandAdminister();
        var body = Body.Create(edit.Name, edit.ShortName, edit.Kind, edit.Regime, edit.Remit, edit.ReportsTo, edit.IsPublic);
        body.Paint(edit.Colour);
        var slugs = (await db.Bodies.Select(b => b.Slug).ToListAsync(ct)).Concat(ReservedSlugs).ToHashSet(StringComparer.Ordinal);
        var slug = body.Slug;
        for (var n = 2; slugs.Contains(slug); n++)
        {
            slug = $"{body.Slug}-{n}";
        }

        body.UseSlug(slug);
        db.Bodies.Add(body);
        await db.SaveChangesAsync(ct);
        changes.Publish(new BodyChanged(body.Id));
        return body.Slug;
    }

    public async Task<int> UpdateAsync(int id, BodyEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.CallerAsync(ct)).DemandAdminister();
        var body = await db.Bodies.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new KeyNotFoundException($"No body {id}.");
        await db.ExpectVersionAsync(body, edit.Version, ct);
        body.Describe(edit.Name, edit.ShortName, edit.Kind, edit.Regime, edit.Remit, edit.ReportsTo, edit.IsPublic);
        body.Paint(edit.Colour);
        await db.SaveChangesAsync(ct);
        changes.Publish(new BodyChanged(body.Id));
        return body.Version;
    }

    public async Task AddMemberAsync(int bodyId, int? personId, string? post, MemberRole role, CancellationToken ct, int? postId = null, string? responsibilities = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var body = await db.Bodies.Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == bodyId, ct) ?? throw new KeyNotFoundException($"No body {bodyId}.");
        (await access.CallerAsync(ct)).DemandKeepRecord(body);
        if (personId is int pid && !await db.People.AnyAsync(p => p.Id == pid, ct))
        {
            throw new DomainRuleException("Body.MemberRequired", "Choose a person, or enter the post that sits on the body.", nameof(BodyMember.PersonId));
        }

        if (postId is int established && !await db.Posts.AnyAsync(p => p.Id == established, ct))
        {
            throw new DomainRuleException("Body.MemberRequired", "Choose a person, or enter the post that sits on the body.", nameof(BodyMember.PostId));
        }

        body.AddMember(personId, post, role, postId, responsibilities);
        await db.SaveChangesAsync(ct);
        changes.Publish(new BodyChanged(body.Id));
    }

    public async Task RemoveMemberAsync(int bodyId, int memberId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var body = await db.Bodies.Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == bodyId, ct) ?? throw new KeyNotFoundException($"No body {bodyId}.");
        (await access.CallerAsync(ct)).DemandKeepRecord(body);
        body.RemoveMember(memberId);
        await db.SaveChangesAsync(ct);
        changes.Publish(new BodyChanged(body.Id));
    }

    /// <summary>Sets or changes the body's cadence, then realigns its coming meetings to it.</summary>
    public async Task<int> SetCadenceAsync(int bodyId, CadenceEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var body = await db.Bodies.Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == bodyId, ct) ?? throw new KeyNotFoundException($"No body {bodyId}.");
        (await access.CallerAsync(ct)).DemandKeepRecord(body);
        var rule = ToRule(edit);
        var cadence = await db.Cadences.SingleOrDefaultAsync(c => c.BodyId == bodyId, ct);
        if (cadence is null)
        {
            cadence = Cadence.Create(body, rule);
            db.Cadences.Add(cadence);
        }
        else
        {
            await db.ExpectVersionAsync(cadence, edit.Version, ct);
            cadence.Change(rule);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await MeetingSchedule.RealignAsync(db, cadence, await db.SettingsAsync(ct), clock.Today(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new BodyChanged(body.Id));
        return cadence.Version;
    }

    public async Task<MeetingSettingsView> GetSettingsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var settings = await db.SettingsAsync(ct);
        return new MeetingSettingsView(settings.Country, settings.AgendaClearDays, settings.MonthsAhead, settings.Version, caller.IsAdministrator);
    }

    /// <summary>Changes the council's clear days and planning horizon, then fills each calendar to the new horizon.</summary>
    public async Task<int> UpdateSettingsAsync(int clearDays, int monthsAhead, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.CallerAsync(ct)).DemandAdminister();
        var settings = await db.MeetingSettings.SingleAsync(ct);
        await db.ExpectVersionAsync(settings, version, ct);
        settings.Change(clearDays, monthsAhead);
        await db.SaveChangesAsync(ct);
        await MeetingScheduler.ExtendAllAsync(db, clock.Today(), ct);
        changes.Publish(new BodyChanged(0));
        return settings.Version;
    }

    /// <summary>Reads the form's parts into a rule, naming the field a missing part belongs to.</summary>
    public static CadenceRule ToRule(CadenceEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (edit.FirstDate is not DateOnly first)
        {
            throw new DomainRuleException("Cadence.FirstDateRequired", "Enter the date of the first meeting in the series.", nameof(Cadence.FirstDate));
        }

        if (edit.StartTime is not TimeOnly start)
        {
            throw new DomainRuleException("Meeting.StartRequired", "Enter the time the meeting starts.", nameof(Cadence.StartTime));
        }

        if (edit.EndTime is not TimeOnly end)
        {
            throw new DomainRuleException("Meeting.EndRequired", "Enter the time the meeting ends.", "EndTime");
        }

        if (end <= start)
        {
            throw new DomainRuleException("Meeting.EndsBeforeStart", "The meeting must end after it starts.", "EndTime");
        }

        var rule = new CadenceRule(
            edit.Kind, edit.Weekday, edit.WeekOfMonth, edit.DayOfMonth, first, edit.LastDate, start, (int)(end - start).TotalMinutes, edit.Venue, edit.Holidays);
        Cadence.Validate(rule);
        return rule;
    }
}
