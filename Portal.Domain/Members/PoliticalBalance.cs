namespace Portal.Domain.Members;

/// <summary>A party's seats on the council and on one body.</summary>
public sealed record PartySeats(int PartyId, int CouncilSeats, int BodySeats);

/// <summary>One party's line in a body's balance: its share of the council, the seats that gives it on the body, and those it holds.</summary>
public sealed record BalanceLine(int PartyId, int CouncilSeats, decimal Share, int Entitled, int Held)
{
    public int Difference => Held - Entitled;
}

/// <summary>A body's political balance: each group's entitlement beside what it holds, and whether they agree.</summary>
public sealed record BalanceCheck(int Seats, IReadOnlyList<BalanceLine> Lines, int? MajorityPartyId)
{
    public bool InBalance => Lines.All(l => l.Difference == 0);

    public IEnumerable<BalanceLine> OutOfBalance => Lines.Where(l => l.Difference != 0);
}

/// <summary>
/// The political balance of a body against the council (Local Government and Housing Act 1989
/// s15): its seats are shared among the political groups in proportion to their members on the
/// council, by the largest remainder, and a group with a majority of the council has a majority
/// on every body. Councillors in no group are left out of the proportions.
/// </summary>
public static class PoliticalBalance
{
    public static BalanceCheck Check(int seats, IReadOnlyList<PartySeats> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var groups = parties.Where(p => p.CouncilSeats > 0).ToList();
        var council = groups.Sum(p => p.CouncilSeats);
        if (seats <= 0 || council == 0)
        {
            return new BalanceCheck(seats, [], null);
        }

        var quotas = groups.Select(p => (Party: p, Quota: (decimal)seats * p.CouncilSeats / council)).ToList();
        var entitled = quotas.ToDictionary(q => q.Party.PartyId, q => (int)Math.Floor(q.Quota));
        var byRemainder = quotas
            .OrderByDescending(q => q.Quota - Math.Floor(q.Quota))
            .ThenByDescending(q => q.Party.CouncilSeats)
            .ThenBy(q => q.Party.PartyId)
            .ToList();
        var byRemainderSeat = new List<int>();
        for (var i = 0; entitled.Values.Sum() < seats; i++)
        {
            var winner = byRemainder[i % byRemainder.Count].Party.PartyId;
            entitled[winner]++;
            byRemainderSeat.Add(winner);
        }

        var majority = groups.FirstOrDefault(p => p.CouncilSeats * 2 > council);
        if (majority is not null && entitled[majority.PartyId] * 2 <= seats)
        {
            // s15(5)(c): the majority group's majority carries to the body, at the cost of the
            // group that won the last seat given by remainder (else the smallest remainder).
            var giver = byRemainderSeat.LastOrDefault(id => id != majority.PartyId);
            if (giver == 0 || entitled[giver] == 0)
            {
                giver = byRemainder.Where(q => q.Party.PartyId != majority.PartyId && entitled[q.Party.PartyId] > 0)
                    .OrderBy(q => q.Quota - Math.Floor(q.Quota)).ThenBy(q => q.Party.CouncilSeats).First().Party.PartyId;
            }

            entitled[giver]--;
            entitled[majority.PartyId]++;
        }

        var lines = groups
            .OrderByDescending(p => p.CouncilSeats).ThenBy(p => p.PartyId)
            .Select(p => new BalanceLine(p.PartyId, p.CouncilSeats, Math.Round((decimal)p.CouncilSeats / council, 4), entitled[p.PartyId], p.BodySeats))
            .Concat(parties.Where(p => p.CouncilSeats == 0 && p.BodySeats > 0).Select(p => new BalanceLine(p.PartyId, 0, 0m, 0, p.BodySeats)))
            .ToList();
        return new BalanceCheck(seats, lines, majority?.PartyId);
    }
}
