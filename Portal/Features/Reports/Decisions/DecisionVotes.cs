using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;

namespace Portal.Features.Reports.Decisions;

/// <summary>
/// The votes that decided decisions, read once for a page or the register: the result, the counts,
/// the chair's casting vote, and each member's vote where it was recorded by name, in the words of
/// the body's regime (for/against in England, ja/nej in Sweden).
/// </summary>
internal static class DecisionVotes
{
    public static async Task<IReadOnlyDictionary<int, DecisionVote>> ReadAsync(PortalDbContext db, IEnumerable<Decision> decisions, CancellationToken ct)
    {
        var ids = decisions.Select(d => d.VoteId).OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, DecisionVote>();
        }

        var votes = await db.Votes.AsNoTracking().Include(v => v.Ballots).Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        var meetingIds = votes.Select(v => v.MeetingId).Distinct().ToList();
        var regimes = await (from m in db.Meetings.AsNoTracking()
                             join b in db.Bodies.AsNoTracking() on m.BodyId equals b.Id
                             where meetingIds.Contains(m.Id)
                             select new { m.Id, b.Regime }).ToDictionaryAsync(x => x.Id, x => x.Regime, ct);
        var names = await db.PeopleNamesAsync(ct);
        return votes.ToDictionary(v => v.Id, v => new DecisionVote(
            v.Id, v.Motion, regimes.GetValueOrDefault(v.MeetingId), v.Result, v.ForCount, v.AgainstCount, v.AbstainCount,
            v.ChairId is int chair ? names.GetValueOrDefault(chair) : null, v.CastingVote, v.IsRecorded,
            v.Ballots.OrderBy(b => b.Choice).ThenBy(b => names.GetValueOrDefault(b.PersonId), StringComparer.CurrentCulture)
                .Select(b => new DecisionBallot(names.GetValueOrDefault(b.PersonId) ?? string.Empty, b.Choice)).ToList()));
    }

    /// <summary>The vote shown with <paramref name="decision"/>; none for a decision withheld from the reader.</summary>
    public static DecisionVote? Of(IReadOnlyDictionary<int, DecisionVote> votes, Decision decision, bool withheld) =>
        withheld || decision.VoteId is not int id ? null : votes.GetValueOrDefault(id);
}
