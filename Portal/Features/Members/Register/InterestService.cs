using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Members;
using Portal.Features.Meetings; // who is asking, as the meeting rules see them (the Monitoring Officer is found there)
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Members.Register;

/// <summary>
/// A councillor's register of interests (Localism Act 2011 s29-30): entered by the councillor or
/// the Monitoring Officer, each change kept as a version, published by the Monitoring Officer.
/// The public and every other reader see published entries only, and of a sensitive one (s32)
/// only that it exists; its particulars go to the Monitoring Officer and the councillor alone,
/// and never to the search index (<see cref="Search.SearchIndex"/>).
/// </summary>
public sealed class InterestService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, IOptions<MembersOptions> options, ChangeFeed changes, TimeProvider clock)
{
    public async Task<RegisterView?> GetAsync(int personId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var councillor = await db.Councillors.AsNoTracking().SingleOrDefaultAsync(c => c.PersonId == personId, ct);
        if (councillor is null)
        {
            return null;
        }

        var caller = await access.CallerAsync(ct);
        var name = await db.People.Where(p => p.Id == personId).Select(p => p.DisplayName).SingleAsync(ct);
        var editor = MemberRights.MayEditInterest(caller, personId, sensitive: false);
        var seesSensitive = MemberRights.MaySeeSensitive(caller, personId);
        var entries = await db.RegisteredInterests.AsNoTracking().Include(i => i.Versions)
            .Where(i => i.CouncillorId == councillor.Id && (editor || (i.PublishedOn != null && i.RemovedOn == null)))
            .ToListAsync(ct);

        // In the order the regulations list the categories (stored as text, so ordered here).
        entries = entries.OrderBy(i => (int)i.Category).ThenBy(i => i.RegisteredOn).ThenBy(i => i.Id).ToList();
        return new RegisterView(
            personId, name, entries.Where(i => seesSensitive || !i.IsSensitive || i.IsPublished).Select(i => View(i, caller, personId, seesSensitive)).ToList(),
            editor, options.Value.GiftThreshold);
    }

    /// <summary>
    /// The Monitoring Officer's queue: every councillor's entries waiting to be published (new, or
    /// amended by the councillor), oldest first. Only those who keep the register ask; each sees
    /// the entries they may publish (an administrator not a sensitive one).
    /// </summary>
    public async Task<IReadOnlyList<PendingInterest>> PendingAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        MemberRights.Demand(MemberRights.MayKeepRecord(caller), "KeepMembersRecord");
        var waiting = await (from i in db.RegisteredInterests.AsNoTracking().Include(i => i.Versions)
                             join c in db.Councillors.AsNoTracking() on i.CouncillorId equals c.Id
                             join p in db.People.AsNoTracking() on c.PersonId equals p.Id
                             where i.PublishedOn == null && i.RemovedOn == null
                             select new { i, c.PersonId, p.DisplayName }).ToListAsync(ct);
        return waiting.Where(w => MemberRights.MayPublish(caller, w.i.IsSensitive))
            .Select(w => (w, Last: w.i.Versions.OrderBy(v => v.Number).Last()))
            .OrderBy(x => x.Last.RecordedOn).ThenBy(x => x.w.DisplayName, StringComparer.CurrentCulture).ThenBy(x => x.w.i.Id)
            .Select(x => new PendingInterest(
                x.w.i.Id, x.w.i.Version, x.w.PersonId, x.w.DisplayName, x.w.i.Category, x.w.i.Holder, x.w.i.IsSensitive,
                x.w.i.Particulars, x.w.i.Giver, x.w.i.Value, x.Last.Change, x.Last.RecordedOn, x.Last.RecordedBy))
            .ToList();
    }

    public async Task<int> RegisterAsync(int personId, InterestEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var councillor = await db.Councillors.SingleOrDefaultAsync(c => c.PersonId == personId, ct) ?? throw new KeyNotFoundException("No such councillor.");
        var caller = await access.CallerAsync(ct);
        MemberRights.Demand(MemberRights.MayEditInterest(caller, personId, edit.IsSensitive), "EditInterest");
        var interest = RegisteredInterest.Register(councillor.Id, edit.Entry, options.Value.GiftThreshold, clock.Today(), await NameAsync(db, caller, ct));
        db.RegisteredInterests.Add(interest);
        await db.SaveChangesAsync(ct);
        changes.Publish(new CouncillorChanged(personId));
        return interest.Id;
    }

    public Task AmendAsync(int interestId, InterestEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return ChangeAsync(
            interestId,
            edit.Version,
            (_, caller) => MemberRights.Demand(MemberRights.MayEditInterest(caller.Caller, caller.PersonId, edit.IsSensitive), "EditInterest"),
            (interest, caller, by) => interest.Amend(edit.Entry, options.Value.GiftThreshold, clock.Today(), by, staysPublished: MemberRights.MayPublish(caller.Caller, edit.IsSensitive)),
            ct);
    }

    public Task PublishAsync(int interestId, int version, CancellationToken ct) =>
        ChangeAsync(
            interestId,
            version,
            (interest, caller) => MemberRights.Demand(MemberRights.MayPublish(caller.Caller, interest.IsSensitive), "PublishInterest"),
            (interest, _, by) => interest.Publish(clock.Today(), by),
            ct);

    public Task RemoveAsync(int interestId, int version, CancellationToken ct) =>
        ChangeAsync(interestId, version, (_, _) => { }, (interest, _, by) => interest.Remove(clock.Today(), by), ct);

    /// <summary>Loads the entry, checks the caller may change it and then <paramref name="demand"/>s more, checks the version, applies <paramref name="change"/>, saves, files it for search and tells open pages.</summary>
    private async Task ChangeAsync(
        int interestId,
        int version,
        Action<RegisteredInterest, (MeetingCaller Caller, int PersonId)> demand,
        Action<RegisteredInterest, (MeetingCaller Caller, int PersonId), string> change,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var interest = await db.RegisteredInterests.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == interestId, ct)
            ?? throw new KeyNotFoundException("No such interest.");
        var personId = await db.Councillors.Where(c => c.Id == interest.CouncillorId).Select(c => c.PersonId).SingleAsync(ct);
        var caller = await access.CallerAsync(ct);

        // An entry the caller may not change is one they are not told exists unless it is published.
        if (!MemberRights.MayEditInterest(caller, personId, interest.IsSensitive))
        {
            throw interest.IsPublished ? new Infrastructure.Security.AccessDeniedException("EditInterest") : new KeyNotFoundException("No such interest.");
        }

        demand(interest, (caller, personId));
        await db.ExpectVersionAsync(interest, version, ct);
        change(interest, (caller, personId), await NameAsync(db, caller, ct));
        await db.SaveChangesAsync(ct);
        await Search.SearchIndex.InterestAsync(db, interest, ct);
        changes.Publish(new CouncillorChanged(personId));
    }

    private static async Task<string> NameAsync(PortalDbContext db, MeetingCaller caller, CancellationToken ct) =>
        caller.PersonId is int id ? await db.People.Where(p => p.Id == id).Select(p => p.DisplayName).SingleAsync(ct) : "?";

    private static InterestView View(RegisteredInterest i, MeetingCaller caller, int personId, bool seesSensitive)
    {
        var withheld = i.IsSensitive && !seesSensitive;
        var editor = MemberRights.MayEditInterest(caller, personId, i.IsSensitive);
        return new InterestView(
            i.Id, i.Version, i.Category, i.Holder, withheld, i.IsSensitive,
            withheld ? null : i.Particulars, withheld ? null : i.Giver, withheld ? null : i.Value, withheld ? null : i.ReceivedOn,
            i.RegisteredOn, i.PublishedOn, i.RemovedOn, i.Versions.Count,
            withheld || !editor ? [] : i.Versions.OrderByDescending(v => v.Number).Select(v => new InterestVersionView(v.Number, v.Change, v.RecordedOn, v.RecordedBy, v.Particulars)).ToList(),
            editor && i.RemovedOn is null,
            MemberRights.MayPublish(caller, i.IsSensitive) && i.RemovedOn is null && i.PublishedOn is null);
    }
}
