using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Establishment;
using Portal.Domain.Meetings;
using Portal.Features.Establishment; // a seat can follow a post: its holder on the day sits in it
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Meetings;

/// <summary>
/// Who may see and do what with meetings. Anyone, signed in or not, sees public bodies and
/// their meetings; staff and a body's own members also see internal groups. A private agenda
/// item's notes, declarations and the actions agreed under it are for the body's members,
/// directors and administrators (and an action for its owner), as <see cref="Confidentiality"/> rules. The record (agenda,
/// notes, attendance, actions, times) is kept by the body's chair, secretary or note-taker and
/// by administrators; only administrators create bodies and change the council's settings.
/// Every meeting service asks here; nothing relies on a button being hidden.
/// </summary>
public sealed class MeetingAccess(ICurrentUser currentUser, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<MeetingCaller> CallerAsync(CancellationToken ct)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var signedIn = principal.Identity?.IsAuthenticated == true && principal.FindFirstValue(PortalClaims.System) is null;
        var personId = int.TryParse(principal.FindFirstValue(PortalClaims.PersonId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        var posts = new HashSet<int>();
        var monitoringOfficer = false;
        if (signedIn && personId is int me)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var today = clock.Today();
            posts = await db.PostsHeldAsync(me, today, ct);
            monitoringOfficer = posts.Count > 0 && await db.StatutoryDesignations.AnyAsync(
                d => d.Role == StatutoryRole.MonitoringOfficer && posts.Contains(d.PostId) && d.From <= today && (d.To == null || d.To > today), ct);
        }

        return new MeetingCaller(
            signedIn ? personId : null,
            posts,
            signedIn,
            signedIn && principal.IsInRole(Roles.Administrator),
            signedIn && (principal.IsInRole(Roles.Administrator) || principal.IsInRole(Roles.Director) || principal.IsInRole(Roles.Officer)),
            signedIn && principal.IsInRole(Roles.Director),
            monitoringOfficer);
    }

    /// <summary>The bodies <paramref name="caller"/> may see, with their members loaded.</summary>
    public static async Task<List<Body>> VisibleBodiesAsync(PortalDbContext db, MeetingCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        var bodies = await db.Bodies.AsNoTracking().Include(b => b.Members).OrderBy(b => b.Name).ToListAsync(ct);
        return bodies.Where(caller.CanSee).ToList();
    }

    /// <summary>
    /// The actions agreed by <paramref name="body"/> that match <paramref name="filter"/>, split by
    /// <see cref="Confidentiality"/> into those <paramref name="reader"/> may read and the number
    /// withheld. Every read of agreed actions goes through here (a page, the actions carried to
    /// later meetings, and any feed, export or mail to come), each with the reader it writes for,
    /// so none can forget an action agreed under a private item.
    /// </summary>
    public static async Task<ReadableActions> ActionsAsync(
        PortalDbContext db, MeetingReader reader, Body body, Expression<Func<AgreedAction, bool>> filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(body);
        var actions = await db.AgreedActions.AsNoTracking().Where(a => a.BodyId == body.Id).Where(filter).OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(ct);
        var itemIds = actions.Select(a => a.AgendaItemId).OfType<int>().Distinct().ToList();
        var items = await db.AgendaItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var readable = new List<AgreedAction>();
        var withheld = new List<AgreedAction>();
        foreach (var action in actions)
        {
            var under = action.AgendaItemId is int id ? items.GetValueOrDefault(id) : null;
            (Confidentiality.MayRead(reader, action, under) ? readable : withheld).Add(action);
        }

        return new ReadableActions(readable, items.Values.ToDictionary(i => i.Id, i => i.Title), withheld);
    }
}

/// <summary>
/// Actions as one reader may see them: <see cref="Readable"/>, the titles of the items they were
/// agreed under, and only a count of those withheld.
/// </summary>
public sealed class ReadableActions(IReadOnlyList<AgreedAction> readable, IReadOnlyDictionary<int, string> itemTitles, IReadOnlyList<AgreedAction> withheld)
{
    public IReadOnlyList<AgreedAction> Readable { get; } = readable;

    public string? ItemTitle(AgreedAction action) =>
        action?.AgendaItemId is int id ? itemTitles.GetValueOrDefault(id) : null;

    /// <summary>How many withheld actions match <paramref name="where"/> (say, those carried to a meeting): a number, never the actions.</summary>
    public int WithheldWhere(Func<AgreedAction, bool> where) => withheld.Count(where);
}

/// <summary>The caller, as the meeting rules see them.</summary>
/// <param name="IsMonitoringOfficer">Holds the post designated Monitoring Officer today: the proper officer for access to the council's information.</param>
public sealed record MeetingCaller(int? PersonId, IReadOnlySet<int> HeldPosts, bool IsSignedIn, bool IsAdministrator, bool IsStaff, bool IsDirector, bool IsMonitoringOfficer = false)
{
    /// <summary>The proper officer who reviews and releases exempt reports: the Monitoring Officer, or an administrator.</summary>
    public bool IsProperOfficer => IsSignedIn && (IsMonitoringOfficer || IsAdministrator);

    /// <summary>Whether the caller sits on <paramref name="body"/>, in person or through a post they hold.</summary>
    public bool SitsOn(Body body) => body is not null && body.HasMember(PersonId, HeldPosts);

    public bool CanSee(Body body) =>
        body is not null && (body.IsPublic || IsStaff || body.HasMember(PersonId, HeldPosts));

    public bool CanSeePrivate(Body body) =>
        body is not null && (IsAdministrator || IsDirector || body.HasMember(PersonId, HeldPosts));

    /// <summary>The caller as <see cref="Confidentiality"/> sees them for one body's business.</summary>
    public MeetingReader ReaderOf(Body body) => new(PersonId, CanSeePrivate(body));

    public bool CanKeepRecord(Body body) =>
        body is not null && (IsAdministrator || body.KeepsRecord(PersonId, HeldPosts));

    /// <summary>Throws <see cref="KeyNotFoundException"/> for a body the caller may not see: a private body is not admitted to exist.</summary>
    public void DemandSee(Body body)
    {
        if (!CanSee(body))
        {
            throw new KeyNotFoundException("No such body.");
        }
    }

    public void DemandKeepRecord(Body body)
    {
        DemandSee(body);
        if (!CanKeepRecord(body))
        {
            throw new AccessDeniedException("KeepMeetingRecord");
        }
    }

    public void DemandSignedIn()
    {
        if (!IsSignedIn)
        {
            throw new AccessDeniedException(Policies.SignedIn);
        }
    }

    public void DemandAdminister()
    {
        if (!IsAdministrator)
        {
            throw new AccessDeniedException(Policies.Administer);
        }
    }
}
