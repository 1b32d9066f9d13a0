using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Members;
using Portal.Features.Meetings; // a councillor's seats and attendance are the meetings' own records, seen as the meeting rules allow
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Members.Councillors;

/// <summary>
/// The public record of councillors: the list found by ward, party or name, and each
/// councillor's page with their ward, party, terms, published contact details, the bodies they
/// sit on and their attendance, computed from the meetings' attendance records
/// (<see cref="AttendanceRecord"/>). The councillor, the Monitoring Officer or an administrator
/// changes the contact details.
/// </summary>
public sealed class CouncillorService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock)
{
    public const int MaxNameQuery = 100;

    public async Task<CouncillorList> ListAsync(CouncillorQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wards = await db.Wards.AsNoTracking().OrderBy(w => w.Name).Select(w => new NamedItem(w.Id, w.Name)).ToListAsync(ct);
        var parties = await db.Parties.AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(ct);
        var rows = from c in db.Councillors.AsNoTracking()
                   join p in db.People.AsNoTracking() on c.PersonId equals p.Id
                   join w in db.Wards.AsNoTracking() on c.WardId equals w.Id into ws
                   from w in ws.DefaultIfEmpty()
                   join party in db.Parties.AsNoTracking() on c.PartyId equals party.Id into ps
                   from party in ps.DefaultIfEmpty()
                   select new { c, p.DisplayName, Ward = w == null ? null : w.Name, Party = party == null ? null : party.Name, HasPhoto = db.CouncillorPhotos.Any(ph => ph.CouncillorId == c.Id) };
        if (query.WardId is int ward)
        {
            rows = rows.Where(r => r.c.WardId == ward);
        }

        if (query.PartyId is int partyId)
        {
            rows = rows.Where(r => r.c.PartyId == partyId);
        }

        var name = query.Name?.Trim();
        if (!string.IsNullOrEmpty(name))
        {
            var pattern = "%" + name[..Math.Min(name.Length, MaxNameQuery)].Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            // SQLite's LIKE ignores case; PostgreSQL's does not, so there it is ILIKE.
            rows = db.Database.IsNpgsql()
                ? rows.Where(r => EF.Functions.ILike(r.DisplayName, pattern, "\\"))
                : rows.Where(r => EF.Functions.Like(r.DisplayName, pattern, "\\"));
        }

        var list = await rows.OrderBy(r => r.DisplayName).ToListAsync(ct);
        return new CouncillorList(
            list.Select(r => new CouncillorRow(r.c.PersonId, r.DisplayName, r.Ward, r.Party, r.c.Seat, r.c.IsDemo, r.HasPhoto ? r.c.PhotoVersion : null)).ToList(),
            wards,
            parties);
    }

    /// <summary>A councillor's page; null when <paramref name="personId"/> is no councillor.</summary>
    public async Task<CouncillorDetails?> GetAsync(int personId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var councillor = await db.Councillors.AsNoTracking().Include(c => c.Terms).SingleOrDefaultAsync(c => c.PersonId == personId, ct);
        if (councillor is null)
        {
            return null;
        }

        var caller = await access.CallerAsync(ct);
        var today = clock.Today();
        var name = await db.People.Where(p => p.Id == personId).Select(p => p.DisplayName).SingleAsync(ct);
        var ward = councillor.WardId is int w ? await db.Wards.Where(x => x.Id == w).Select(x => x.Name).SingleAsync(ct) : null;
        var party = councillor.PartyId is int pid ? await db.Parties.Where(x => x.Id == pid).Select(x => x.Name).SingleAsync(ct) : null;
        var hasPhoto = await db.CouncillorPhotos.AnyAsync(p => p.CouncillorId == councillor.Id, ct);

        var memberships = await db.BodyMembers.AsNoTracking().Where(m => m.PersonId == personId).ToListAsync(ct);
        var attended = await db.Attendance.AsNoTracking().Where(a => a.PersonId == personId).Select(a => new { a.MeetingId, a.Kind }).ToListAsync(ct);
        var attendedIds = attended.Select(a => a.MeetingId).ToList();
        var bodyIds = memberships.Select(m => m.BodyId).ToHashSet();
        var bodies = (await db.Bodies.AsNoTracking().Include(b => b.Members).ToListAsync(ct)).Where(caller.CanSee).ToDictionary(b => b.Id);
        var held = await db.Meetings.AsNoTracking()
            .Where(m => (bodyIds.Contains(m.BodyId) || attendedIds.Contains(m.Id)) && m.Status != MeetingStatus.Cancelled && m.Date <= today)
            .Select(m => new MeetingHeld(m.Id, m.BodyId, m.Date))
            .ToListAsync(ct);
        held = held.Where(m => bodies.ContainsKey(m.BodyId)).ToList();
        var tallies = AttendanceRecord.Tally(
            memberships.Where(m => m.HoldsSeat).Select(m => new SeatHeld(m.BodyId, m.TermFrom, m.TermTo)),
            held,
            attended.Select(a => new AttendanceMark(a.MeetingId, a.Kind)));

        var seats = memberships.Where(m => bodies.ContainsKey(m.BodyId) && (m.TermTo is null || m.TermTo >= today))
            .Select(m => new SeatView(m.BodyId, bodies[m.BodyId].Name, bodies[m.BodyId].Slug, m.Role, m.TermFrom, m.TermTo))
            .OrderBy(s => s.BodyName).ToList();
        return new CouncillorDetails(
            personId, councillor.Version, name, ward, party, councillor.Seat, councillor.IsDemo, hasPhoto ? councillor.PhotoVersion : null,
            councillor.PublicEmail, councillor.PublicPhone, councillor.PublicAddress,
            councillor.Terms.OrderByDescending(t => t.From).Select(t => new TermView(t.From, t.To)).ToList(),
            seats,
            tallies.OrderByDescending(t => t.Year).ThenBy(t => bodies[t.BodyId].Name).Select(t => new AttendanceLine(bodies[t.BodyId].Name, t)).ToList(),
            AttendanceRecord.Total(tallies),
            MemberRights.MayEditProfile(caller, personId));
    }

    public async Task UpdateContactAsync(int personId, ContactEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var councillor = await db.Councillors.SingleOrDefaultAsync(c => c.PersonId == personId, ct) ?? throw new KeyNotFoundException("No such councillor.");
        MemberRights.Demand(MemberRights.MayEditProfile(await access.CallerAsync(ct), personId), "EditCouncillor");
        await db.ExpectVersionAsync(councillor, edit.Version, ct);
        councillor.PublishContact(edit.Email, edit.Phone, edit.Address);
        await db.SaveChangesAsync(ct);
        changes.Publish(new CouncillorChanged(personId));
    }
}
