using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Meetings.Votes;

/// <summary>
/// The votes taken at a meeting: read by whoever may see the meeting (a vote under a private item only
/// by those who may read the item), recorded and corrected by whoever keeps the body's record, each
/// checked by <see cref="Vote"/> against the meeting's attendance.
/// </summary>
public sealed class VoteService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes)
{
    public async Task<IReadOnlyList<VoteView>> VotesAsync(int meetingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var (meeting, body) = await db.MeetingAsync(meetingId, caller, tracked: false, ct);
        var reader = caller.ReaderOf(body);
        var items = meeting.Items.Where(i => Confidentiality.MayRead(reader, i)).ToDictionary(i => i.Id);
        var votes = await db.Votes.AsNoTracking().Include(v => v.Ballots).Where(v => v.MeetingId == meetingId).OrderBy(v => v.Id).ToListAsync(ct);
        var names = await db.PeopleNamesAsync(ct);
        return votes.Where(v => items.ContainsKey(v.AgendaItemId))
            .OrderBy(v => items[v.AgendaItemId].Number).ThenBy(v => v.Id)
            .Select(v => new VoteView(
                v.Id, v.Version, v.AgendaItemId, items[v.AgendaItemId].Number, items[v.AgendaItemId].Title, v.Motion, v.IsRecorded,
                v.ForCount, v.AgainstCount, v.AbstainCount, v.Result, v.ChairId, v.ChairId is int chair ? names.GetValueOrDefault(chair) : null, v.CastingVote,
                v.Ballots.OrderBy(b => b.Choice).ThenBy(b => names.GetValueOrDefault(b.PersonId), StringComparer.CurrentCulture)
                    .Select(b => new BallotView(b.PersonId, names.GetValueOrDefault(b.PersonId) ?? string.Empty, b.Choice, b.Reservation)).ToList()))
            .ToList();
    }

    /// <summary>Records a vote under one of the meeting's items; returns its id.</summary>
    public async Task<int> RecordAsync(int meetingId, VoteEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, body) = await KeeperAsync(db, meetingId, ct);
        var vote = Vote.Take(meeting, edit.ItemId, edit.Motion, Tally(edit), edit.ChairId, edit.CastingVote);
        db.Votes.Add(vote);
        await db.SaveChangesAsync(ct);
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
        return vote.Id;
    }

    /// <summary>Corrects a vote as recorded, at the version the form loaded.</summary>
    public async Task ReviseAsync(int voteId, VoteEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.Include(v => v.Ballots).SingleOrDefaultAsync(v => v.Id == voteId, ct) ?? throw new KeyNotFoundException($"No vote {voteId}.");
        var (meeting, body) = await KeeperAsync(db, vote.MeetingId, ct);
        await db.ExpectVersionAsync(vote, edit.Version, ct);
        vote.Revise(meeting, edit.Motion, Tally(edit), edit.ChairId, edit.CastingVote);
        await db.SaveChangesAsync(ct);
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
    }

    public async Task RemoveAsync(int voteId, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.Include(v => v.Ballots).SingleOrDefaultAsync(v => v.Id == voteId, ct) ?? throw new KeyNotFoundException($"No vote {voteId}.");
        var (meeting, body) = await KeeperAsync(db, vote.MeetingId, ct);
        meeting.EnsureRecordOpen();
        await db.ExpectVersionAsync(vote, version, ct);
        db.Votes.Remove(vote);
        await db.SaveChangesAsync(ct);
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
    }

    private static VoteTally Tally(VoteEdit edit) =>
        edit.ByName ? VoteTally.ByName(edit.Ballots ?? []) : VoteTally.ByShowOfHands(edit.For, edit.Against, edit.Abstain);

    /// <summary>The meeting, with its items and attendance, for someone who keeps its body's record; others are refused before their input is read.</summary>
    private async Task<(Meeting Meeting, Body Body)> KeeperAsync(PortalDbContext db, int meetingId, CancellationToken ct)
    {
        var caller = await access.CallerAsync(ct);
        var (meeting, body) = await db.MeetingAsync(meetingId, caller, tracked: false, ct);
        caller.DemandKeepRecord(body);
        return (meeting, body);
    }
}
