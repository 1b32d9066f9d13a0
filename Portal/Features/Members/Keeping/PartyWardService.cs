using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Members;
using Portal.Features.Meetings; // who is asking, as the meeting rules see them (the Monitoring Officer is found there)
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Members.Keeping;

/// <summary>
/// The council's parties and wards as data: listed, added and changed by the Monitoring Officer or
/// an administrator (<see cref="MemberRights.MayKeepRecord"/>); anyone else is refused here, whatever
/// a page shows. A change is refused when someone else changed the same party or ward since it was
/// loaded, and every change is audited with the save.
/// </summary>
public sealed class PartyWardService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes)
{
    /// <summary>Whether the caller keeps the record, so a page offers the way to these forms (the forms' saves ask again).</summary>
    public async Task<bool> MayKeepAsync(CancellationToken ct) => MemberRights.MayKeepRecord(await access.CallerAsync(ct));

    public async Task<PartiesAndWards> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandAsync(ct);
        var parties = await db.Parties.AsNoTracking()
            .Select(p => new PartyRow(p.Id, p.Version, p.Name, p.ShortName, p.IsGroup, db.Councillors.Count(c => c.PartyId == p.Id)))
            .ToListAsync(ct);
        var wards = await db.Wards.AsNoTracking()
            .Select(w => new WardRow(w.Id, w.Version, w.Name, db.Councillors.Count(c => c.WardId == w.Id)))
            .ToListAsync(ct);
        return new PartiesAndWards(
            parties.OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList(),
            wards.OrderBy(w => w.Name, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>Adds a party (or "Independent"); returns its id.</summary>
    public async Task<int> AddPartyAsync(PartyEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandAsync(ct);
        var party = Party.Create(edit.Name ?? string.Empty, edit.ShortName ?? string.Empty, edit.IsGroup);
        await RefuseTakenPartyAsync(db, party.Name, null, ct);
        db.Parties.Add(party);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PartiesChanged());
        return party.Id;
    }

    /// <summary>Changes a party at the version the form loaded.</summary>
    public async Task ChangePartyAsync(int partyId, PartyEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandAsync(ct);
        var party = await db.Parties.SingleOrDefaultAsync(p => p.Id == partyId, ct) ?? throw new KeyNotFoundException("No such party.");
        await db.ExpectVersionAsync(party, edit.Version, ct);
        party.Change(edit.Name, edit.ShortName, edit.IsGroup);
        await RefuseTakenPartyAsync(db, party.Name, party.Id, ct);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PartiesChanged());
    }

    /// <summary>Adds a ward; returns its id.</summary>
    public async Task<int> AddWardAsync(string? name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandAsync(ct);
        var ward = Ward.Create(name ?? string.Empty);
        await RefuseTakenWardAsync(db, ward.Name, null, ct);
        db.Wards.Add(ward);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PartiesChanged());
        return ward.Id;
    }

    /// <summary>Renames a ward at the version the form loaded.</summary>
    public async Task RenameWardAsync(int wardId, string? name, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandAsync(ct);
        var ward = await db.Wards.SingleOrDefaultAsync(w => w.Id == wardId, ct) ?? throw new KeyNotFoundException("No such ward.");
        await db.ExpectVersionAsync(ward, version, ct);
        ward.Rename(name);
        await RefuseTakenWardAsync(db, ward.Name, ward.Id, ct);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PartiesChanged());
    }

    private async Task DemandAsync(CancellationToken ct) =>
        MemberRights.Demand(MemberRights.MayKeepRecord(await access.CallerAsync(ct)), "KeepMembersRecord");

    // The names are unique in the database too; asking first turns a clash into words beside the field.
    private static async Task RefuseTakenPartyAsync(PortalDbContext db, string name, int? except, CancellationToken ct)
    {
        if (await db.Parties.AnyAsync(p => p.Name == name && p.Id != except, ct))
        {
            throw new DomainRuleException("Party.NameTaken", "There is already a party with that name.", nameof(Party.Name));
        }
    }

    private static async Task RefuseTakenWardAsync(PortalDbContext db, string name, int? except, CancellationToken ct)
    {
        if (await db.Wards.AnyAsync(w => w.Name == name && w.Id != except, ct))
        {
            throw new DomainRuleException("Ward.NameTaken", "There is already a ward with that name.", nameof(Ward.Name));
        }
    }
}
