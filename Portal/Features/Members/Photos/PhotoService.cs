using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Members;
using Portal.Features.Meetings; // who is asking, as the meeting rules see them
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Members.Photos;

/// <summary>A councillor's photo served from the database.</summary>
public sealed record PhotoFile(byte[] Bytes, string ContentType, int Version);

/// <summary>
/// A councillor's photo: uploaded by the councillor, the Monitoring Officer or an administrator,
/// checked and cleaned by <see cref="PhotoImage"/>, kept in the database and served to anyone.
/// </summary>
public sealed class PhotoService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes)
{
    public async Task UploadAsync(int personId, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var councillor = await db.Councillors.SingleOrDefaultAsync(c => c.PersonId == personId, ct) ?? throw new KeyNotFoundException("No such councillor.");
        MemberRights.Demand(MemberRights.MayEditProfile(await access.CallerAsync(ct), personId), "EditCouncillor");
        var clean = PhotoImage.Clean(await PhotoImage.ReadAsync(content, ct));
        var photo = await db.CouncillorPhotos.SingleOrDefaultAsync(p => p.CouncillorId == councillor.Id, ct);
        if (photo is null)
        {
            db.CouncillorPhotos.Add(CouncillorPhoto.For(councillor.Id, clean, PhotoImage.ContentType));
        }
        else
        {
            photo.Replace(clean, PhotoImage.ContentType);
        }

        councillor.PhotoChanged();
        await db.SaveChangesAsync(ct);
        changes.Publish(new CouncillorChanged(personId));
    }

    public async Task<PhotoFile?> GetAsync(int personId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from c in db.Councillors.AsNoTracking()
                      join p in db.CouncillorPhotos.AsNoTracking() on c.Id equals p.CouncillorId
                      where c.PersonId == personId
                      select new PhotoFile(p.Bytes, p.ContentType, c.PhotoVersion)).SingleOrDefaultAsync(ct);
    }
}
