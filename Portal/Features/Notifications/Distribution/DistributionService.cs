using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Features.Meetings; // the body's rights: who keeps its record manages its list
using Portal.Features.Meetings.Bodies; // a change to the list reloads the body's open pages
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Notifications.Distribution;

/// <summary>
/// An internal body's distribution list: the people and outside addresses its published notes are
/// sent to. Only those who may manage the body (its chair, secretary or note-taker, or an
/// administrator) read or change it; an outside address is checked at entry; an outside recipient
/// takes themselves off with the signed link in their mail.
/// </summary>
public sealed class DistributionService(
    IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, DistributionTokens tokens, ChangeFeed changes, TimeProvider clock)
{
    /// <summary>The list, or null when the caller may not manage the body or it is not an internal group.</summary>
    public async Task<DistributionView?> GetAsync(int bodyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == bodyId, ct);
        var caller = await access.CallerAsync(ct);
        if (body is null || body.Regime != Regime.Internal || !caller.CanSee(body) || !caller.CanKeepRecord(body))
        {
            return null;
        }

        var names = await db.PeopleNamesAsync(ct);
        var entries = (await db.DistributionRecipients.AsNoTracking().Where(r => r.BodyId == bodyId).ToListAsync(ct))
            .Select(r => new DistributionEntry(r.Id, r.PersonId, r.PersonId is int p ? names.GetValueOrDefault(p, "?") : r.Name!, r.Email))
            .OrderBy(e => e.Email is not null).ThenBy(e => e.Name, StringComparer.CurrentCulture).ThenBy(e => e.Id)
            .ToList();
        var people = names.OrderBy(n => n.Value, StringComparer.CurrentCulture).ThenBy(n => n.Key).Select(n => new NamedItem(n.Key, n.Value)).ToList();
        return new DistributionView(bodyId, entries, people);
    }

    public async Task AddPersonAsync(int bodyId, int? personId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandManageAsync(db, bodyId, ct);
        if (personId is not int id || !await db.People.AnyAsync(p => p.Id == id, ct))
        {
            throw new DomainRuleException("Distribution.PersonRequired", "Choose a person to add.", nameof(DistributionRecipient.PersonId));
        }

        if (await db.DistributionRecipients.AnyAsync(r => r.BodyId == bodyId && r.PersonId == id, ct))
        {
            throw new DomainRuleException("Distribution.AlreadyOnList", "That person is already on the list.", nameof(DistributionRecipient.PersonId));
        }

        db.DistributionRecipients.Add(DistributionRecipient.ForPerson(bodyId, id, clock.GetUtcNow().UtcDateTime));
        await SaveAsync(db, bodyId, ct);
    }

    /// <summary>Adds an outside address with its display name; an address that is not one valid mailbox is refused, beside its field.</summary>
    public async Task AddAddressAsync(int bodyId, string? name, string? email, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandManageAsync(db, bodyId, ct);
        var address = DistributionAddress.Check(email);
        var recipient = DistributionRecipient.ForAddress(bodyId, name, address, clock.GetUtcNow().UtcDateTime);
        var key = DistributionAddress.Key(address);
        var held = await db.DistributionRecipients.AsNoTracking().Where(r => r.BodyId == bodyId && r.Email != null).Select(r => r.Email!).ToListAsync(ct);
        if (held.Any(e => DistributionAddress.Key(e) == key))
        {
            throw new DomainRuleException("Distribution.AddressOnList", "That address is already on the list.", nameof(DistributionRecipient.Email));
        }

        db.DistributionRecipients.Add(recipient);
        await SaveAsync(db, bodyId, ct);
    }

    public async Task RemoveAsync(int bodyId, int entryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandManageAsync(db, bodyId, ct);
        var entry = await db.DistributionRecipients.SingleOrDefaultAsync(r => r.Id == entryId && r.BodyId == bodyId, ct)
            ?? throw new DomainRuleException("Distribution.NotOnList", "That entry is no longer on the list.", nameof(DistributionRecipient.PersonId));
        db.DistributionRecipients.Remove(entry);
        await SaveAsync(db, bodyId, ct);
    }

    /// <summary>An outside recipient's signed link: takes that address off that body's list. False for a bad token.</summary>
    public async Task<bool> LeaveAsync(string? token, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var bodyId, out var email))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var outside = await db.DistributionRecipients.Where(r => r.BodyId == bodyId && r.Email != null).ToListAsync(ct);
        db.DistributionRecipients.RemoveRange(outside.Where(r => DistributionAddress.Key(r.Email!) == email));
        await SaveAsync(db, bodyId, ct);
        return true;
    }

    private async Task DemandManageAsync(PortalDbContext db, int bodyId, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == bodyId, ct) ?? throw new KeyNotFoundException($"No body {bodyId}.");
        (await access.CallerAsync(ct)).DemandKeepRecord(body);
        if (body.Regime != Regime.Internal)
        {
            throw new DomainRuleException("Distribution.InternalOnly", "Only an internal group's notes go to a distribution list.", nameof(DistributionRecipient.PersonId));
        }
    }

    private async Task SaveAsync(PortalDbContext db, int bodyId, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        changes.Publish(new BodyChanged(bodyId));
    }
}
