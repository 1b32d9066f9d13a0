using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Members;
using Portal.Features.Meetings; // a body's seats are its membership, seen and kept as the meeting rules allow
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Members.MakeUp;

/// <summary>
/// A body's make-up: how many seats it has and its quorum (an administrator sets them), who
/// holds each seat and for what term (kept by whoever keeps the body's record), its substitutes
/// and vacancies, its political balance against the council's proportions
/// (<see cref="PoliticalBalance"/>), and whether a held meeting was quorate (<see cref="Quorum"/>).
/// </summary>
public sealed class MakeUpService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock)
{
    public async Task<MakeUpView> GetAsync(int bodyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == bodyId, ct) ?? throw new KeyNotFoundException("No such body.");
        var caller = await access.CallerAsync(ct);
        caller.DemandSee(body);
        var today = clock.Today();
        var makeUp = await db.BodyMakeUps.AsNoTracking().SingleOrDefaultAsync(m => m.BodyId == bodyId, ct);
        var councillors = await db.Councillors.AsNoTracking().Select(c => new { c.PersonId, c.PartyId, c.Seat }).ToDictionaryAsync(c => c.PersonId, ct);
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var names = await db.PeopleNamesAsync(ct);
        MakeUpSeat Seat(BodyMember m) => new(
            m.Id, m.PersonId, m.PersonId is int id ? names.GetValueOrDefault(id, "?") : m.Post ?? "?", m.PersonId is int c && councillors.ContainsKey(c),
            m.PersonId is int p && councillors.TryGetValue(p, out var cl) && cl.PartyId is int party ? parties[party].ShortName : null, m.Role, m.TermFrom, m.TermTo);
        var current = body.Members.Where(m => m.ServesOn(today)).OrderBy(m => m.Position).ToList();
        var seated = current.Where(m => m.HoldsSeat).ToList();
        var seats = makeUp?.Seats;

        var balance = new List<BalanceRow>();
        var inBalance = true;
        if (seats is int n && seated.Any(m => m.PersonId is int id && councillors.ContainsKey(id)))
        {
            var serving = await db.Councillors.AsNoTracking().Where(c => c.Seat == CouncilSeat.Member && c.PartyId != null && c.Terms.Any(t => t.From <= today && (t.To == null || t.To >= today)))
                .GroupBy(c => c.PartyId!.Value).Select(g => new { Party = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Party, g => g.Count, ct);
            var held = seated.Where(m => m.PersonId is int id && councillors.TryGetValue(id, out var c) && c.PartyId is not null)
                .GroupBy(m => councillors[m.PersonId!.Value].PartyId!.Value).ToDictionary(g => g.Key, g => g.Count());
            var check = PoliticalBalance.Check(n, parties.Values.Select(p => new PartySeats(p.Id, p.IsGroup ? serving.GetValueOrDefault(p.Id) : 0, held.GetValueOrDefault(p.Id))).ToList());
            balance = check.Lines.Select(l => new BalanceRow(parties[l.PartyId].Name, l.CouncilSeats, l.Share, l.Entitled, l.Held)).ToList();
            inBalance = check.InBalance;
        }

        return new MakeUpView(
            bodyId, makeUp?.Version, seats, Quorum.For(body.Regime, seats ?? seated.Count, makeUp?.Quorum), makeUp?.Quorum is not null, body.Regime,
            seated.Select(Seat).ToList(), current.Where(m => m.Role == MemberRole.Substitute).Select(Seat).ToList(),
            seats is int s ? Math.Max(0, s - seated.Count) : 0, balance, inBalance, caller.IsAdministrator, caller.CanKeepRecord(body));
    }

    public async Task SetAsync(int bodyId, int seats, int? quorum, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        caller.DemandAdminister();
        if (!await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            throw new KeyNotFoundException("No such body.");
        }

        var makeUp = await db.BodyMakeUps.SingleOrDefaultAsync(m => m.BodyId == bodyId, ct);
        if (makeUp is null)
        {
            db.BodyMakeUps.Add(BodyMakeUp.For(bodyId, seats, quorum));
        }
        else
        {
            await db.ExpectVersionAsync(makeUp, version, ct);
            makeUp.Set(seats, quorum);
        }

        await db.SaveChangesAsync(ct);
        changes.Publish(new Meetings.Bodies.BodyChanged(bodyId));
    }

    public async Task SetTermAsync(int bodyId, int memberId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var body = await db.Bodies.Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == bodyId, ct) ?? throw new KeyNotFoundException("No such body.");
        (await access.CallerAsync(ct)).DemandKeepRecord(body);
        body.SetTerm(memberId, from, to);
        await db.SaveChangesAsync(ct);
        changes.Publish(new Meetings.Bodies.BodyChanged(bodyId));
    }

    /// <summary>Whether a meeting was quorate; null before anyone's attendance is recorded, or for a body with no quorum.</summary>
    public async Task<QuorumView?> QuorumAsync(int meetingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendance).SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new KeyNotFoundException("No such meeting.");
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleAsync(b => b.Id == meeting.BodyId, ct);
        (await access.CallerAsync(ct)).DemandSee(body);
        if (meeting.Attendance.Count == 0 || meeting.IsCancelled)
        {
            return null;
        }

        var makeUp = await db.BodyMakeUps.AsNoTracking().SingleOrDefaultAsync(m => m.BodyId == body.Id, ct);
        var voting = body.Members.Where(m => m.ServesOn(meeting.Date) && m.PersonId is not null && (m.HoldsSeat || m.Role == MemberRole.Substitute))
            .Select(m => m.PersonId!.Value).ToHashSet();
        var seats = makeUp?.Seats ?? body.Members.Count(m => m.HoldsSeat);
        var marks = meeting.Attendance.Where(a => voting.Contains(a.PersonId) || a.Kind == AttendanceKind.Substitute).Select(a => a.Kind);
        var check = Quorum.Check(Quorum.For(body.Regime, seats, makeUp?.Quorum), marks);
        return check is null ? null : new QuorumView(check.Quorum, check.Present, check.IsQuorate, check.Short);
    }
}
