using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Features.Establishment; // a seat can follow a post: its holder on the day is told

namespace Portal.Features.Notifications.Outbox;

/// <summary>Who is told about a body's business: everyone with a seat on it (members, chair, secretary, note-taker), a seat held by a post going to its holder on the day.</summary>
public static class NotificationAudience
{
    public static async Task<IReadOnlyList<int>> BodyAsync(PortalDbContext db, Body body, DateOnly on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(body);
        var seats = body.Members.Count > 0
            ? body.Members.Select(m => new { m.PersonId, m.PostId }).ToList()
            : await db.BodyMembers.AsNoTracking().Where(m => m.BodyId == body.Id).Select(m => new { m.PersonId, m.PostId }).ToListAsync(ct);
        var holders = seats.Any(s => s.PostId is not null) ? await db.HoldersOnAsync(on, ct) : [];
        return seats
            .Select(s => s.PersonId ?? (s.PostId is int post && holders.TryGetValue(post, out var holder) ? holder : (int?)null))
            .OfType<int>()
            .Distinct()
            .ToList();
    }
}
