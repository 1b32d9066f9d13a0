using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Members;
using Portal.Features.Meetings; // who is asking, as the meeting rules see them (the Monitoring Officer is found there)
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Members.Keeping;

/// <summary>
/// A councillor's ward, party, seat and terms of office, kept by the Monitoring Officer or an
/// administrator (<see cref="MemberRights.MayKeepRecord"/>); the councillor keeps their own contact
/// details and register elsewhere, but not these. A stale edit (of the councillor, or of one term)
/// is refused; every change is audited with the save and told to the councillor's open page.
/// </summary>
public sealed class CouncillorRecordService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes)
{
    /// <summary>The record to edit; null when <paramref name="personId"/> is no councillor.</summary>
    public async Task<CouncillorRecord?> GetAsync(int personId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandAsync(ct);
        var councillor = await db.Councillors.AsNoTracking().Include(c => c.Terms).SingleOrDefaultAsync(c => c.PersonId == personId, ct);
        if (councillor is null)
        {
            return null;
        }

        var name = await db.People.Where(p => p.Id == personId).Select(p => p.DisplayName).SingleAsync(ct);
        var wards = await db.Wards.AsNoTracking().OrderBy(w => w.Name).Select(w => new NamedItem(w.Id, w.Name)).ToListAsync(ct);
        var parties = await db.Parties.AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(ct);
        return new CouncillorRecord(
            personId, councillor.Version, name, councillor.WardId, councillor.PartyId, councillor.Seat,
            councillor.Terms.OrderByDescending(t => t.From).Select(t => new TermRow(t.Id, t.Version, t.From, t.To)).ToList(),
            wards, parties);
    }

    /// <summary>Changes the ward, party and seat, at the councillor's version the form loaded.</summary>
    public Task RepresentAsync(int personId, RepresentEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return ChangeAsync(personId, async (db, councillor) =>
        {
            await db.ExpectVersionAsync(councillor, edit.Version, ct);
            if (edit.WardId is int ward && !await db.Wards.AnyAsync(w => w.Id == ward, ct))
            {
                throw new DomainRuleException("Councillor.NoSuchWard", "Choose the ward from the list.", nameof(Councillor.WardId));
            }

            if (edit.PartyId is int party && !await db.Parties.AnyAsync(p => p.Id == party, ct))
            {
                throw new DomainRuleException("Councillor.NoSuchParty", "Choose the party from the list.", nameof(Councillor.PartyId));
            }

            councillor.Represent(edit.WardId, edit.PartyId, edit.Seat);
        }, ct);
    }

    /// <summary>Adds a term of office; it may not overlap another.</summary>
    public Task AddTermAsync(int personId, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        ChangeAsync(personId, (_, councillor) =>
        {
            councillor.AddTerm(from ?? throw new DomainRuleException("Councillor.TermFromRequired", "Enter the day the term started.", nameof(TermOfOffice.From)), to);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Corrects or ends a term, at the term's version the form loaded.</summary>
    public Task ChangeTermAsync(int personId, int termId, int version, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        ChangeAsync(personId, async (db, councillor) =>
        {
            await db.ExpectVersionAsync(TermOf(councillor, termId), version, ct);
            councillor.ChangeTerm(termId, from, to);
        }, ct);

    /// <summary>Removes a term entered in error, at the term's version the form loaded.</summary>
    public Task RemoveTermAsync(int personId, int termId, int version, CancellationToken ct) =>
        ChangeAsync(personId, async (db, councillor) =>
        {
            await db.ExpectVersionAsync(TermOf(councillor, termId), version, ct);
            councillor.RemoveTerm(termId);
        }, ct);

    private static TermOfOffice TermOf(Councillor councillor, int termId) =>
        councillor.Terms.SingleOrDefault(t => t.Id == termId)
        ?? throw new DomainRuleException("Councillor.NoSuchTerm", "That term is no longer recorded.", nameof(Councillor.Terms));

    private async Task ChangeAsync(int personId, Func<PortalDbContext, Councillor, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandAsync(ct);
        var councillor = await db.Councillors.Include(c => c.Terms).SingleOrDefaultAsync(c => c.PersonId == personId, ct)
            ?? throw new KeyNotFoundException("No such councillor.");
        await change(db, councillor);
        await db.SaveChangesAsync(ct);
        changes.Publish(new CouncillorChanged(personId));
    }

    private async Task DemandAsync(CancellationToken ct) =>
        MemberRights.Demand(MemberRights.MayKeepRecord(await access.CallerAsync(ct)), "KeepMembersRecord");
}
