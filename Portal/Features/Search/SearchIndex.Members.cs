using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Members;

namespace Portal.Features.Search;

/// <summary>
/// Councillors and their published interests in the index, filed for everyone: a councillor
/// under their name, ward and party; a published interest under the councillor's name with its
/// particulars. A sensitive interest (Localism Act 2011 s32), an unpublished one or a removed one
/// is never written, so no search can find it.
/// </summary>
public static partial class SearchIndex
{
    public const string CouncillorKind = "councillor";
    public const string InterestKind = "interest";

    /// <summary>The token of rows anyone may find.</summary>
    public const string Everyone = "everyone";

    private const long CouncillorRows = 3_000_000_000;
    private const long InterestRows = 4_000_000_000;

    public static async Task CouncillorAsync(PortalDbContext db, int personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex WHERE rowid = {CouncillorRows + personId}", ct);
        var row = await (from c in db.Councillors.AsNoTracking()
                         join p in db.People.AsNoTracking() on c.PersonId equals p.Id
                         where c.PersonId == personId
                         select new
                         {
                             p.DisplayName,
                             Ward = db.Wards.Where(w => w.Id == c.WardId).Select(w => w.Name).FirstOrDefault(),
                             Party = db.Parties.Where(x => x.Id == c.PartyId).Select(x => x.Name).FirstOrDefault(),
                         }).SingleOrDefaultAsync(ct);
        if (row is not null)
        {
            await InsertForEveryoneAsync(db, CouncillorRows + personId, row.DisplayName, $"{row.Ward}\n{row.Party}", CouncillorKind, personId, ct);
        }
    }

    public static async Task InterestAsync(PortalDbContext db, RegisteredInterest interest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(interest);
        await db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex WHERE rowid = {InterestRows + interest.Id}", ct);
        if (!interest.IsPublished || interest.IsSensitive)
        {
            return;
        }

        var owner = await (from c in db.Councillors.AsNoTracking()
                           join p in db.People.AsNoTracking() on c.PersonId equals p.Id
                           where c.Id == interest.CouncillorId
                           select new { c.PersonId, p.DisplayName }).SingleAsync(ct);
        await InsertForEveryoneAsync(db, InterestRows + interest.Id, owner.DisplayName, $"{interest.Particulars}\n{interest.Giver}", InterestKind, owner.PersonId, ct);
    }

    private static async Task MembersAsync(PortalDbContext db, CancellationToken ct)
    {
        foreach (var personId in await db.Councillors.AsNoTracking().Select(c => c.PersonId).ToListAsync(ct))
        {
            await CouncillorAsync(db, personId, ct);
        }

        var published = await db.RegisteredInterests.AsNoTracking().Where(i => i.PublishedOn != null && i.RemovedOn == null && !i.IsSensitive).ToListAsync(ct);
        foreach (var interest in published)
        {
            await InterestAsync(db, interest, ct);
        }
    }

    private static Task InsertForEveryoneAsync(PortalDbContext db, long rowId, string title, string body, string kind, int itemId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO SearchIndex (rowid, Title, Body, Audience, Kind, ItemId, Date) VALUES ({rowId}, {title}, {body}, {Everyone}, {kind}, {itemId}, {(string?)null})", ct);
}
