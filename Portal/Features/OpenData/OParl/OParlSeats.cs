using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Features.Establishment; // a seat can follow a post: its holder today is the member the body's page shows

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// Who sits where, for OParl's Person and Membership: today, the seats on the bodies the
/// public sees, each held by a person or by a post's holder today, exactly as each body's page
/// lists its members. Each kind of membership has its own URL segment (<see cref="Kind"/>), so
/// another kind (a councillor's party or group) is added as another source of <see cref="Seat"/>s
/// without changing the URLs already given out.
/// </summary>
internal static class OParlSeats
{
    public const string Kind = "seat";

    /// <summary>One membership: a seat on a public body.</summary>
    public sealed record Seat(string Kind, int Id, int BodyId, int? PersonId, string? Post, MemberRole Role);

    public static async Task<List<Seat>> ReadAsync(PortalDbContext db, IReadOnlyDictionary<int, Body> bodies, DateOnly today, CancellationToken ct)
    {
        var members = bodies.Values.SelectMany(b => b.Members).ToList();
        var postIds = members.Where(m => m.PostId is not null).Select(m => m.PostId!.Value).Distinct().ToList();
        var titles = postIds.Count == 0 ? [] : await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var holders = postIds.Count == 0 ? [] : await db.HoldersOnAsync(today, ct);
        return members
            .Select(m => new Seat(
                Kind, m.Id, m.BodyId,
                m.PersonId ?? (m.PostId is int post && holders.TryGetValue(post, out var holder) ? holder : null),
                m.Post ?? (m.PostId is int p ? titles.GetValueOrDefault(p) : null),
                m.Role))
            .OrderBy(s => s.Id)
            .ToList();
    }

    public static string RoleName(MemberRole role) => role switch
    {
        MemberRole.Chair => "Chair",
        MemberRole.Secretary => "Secretary",
        MemberRole.NoteTaker => "Note-taker",
        _ => "Member",
    };

    /// <summary>A chair or member votes; a secretary or note-taker serves the body.</summary>
    public static bool Votes(MemberRole role) => role is MemberRole.Chair or MemberRole.Member;
}
