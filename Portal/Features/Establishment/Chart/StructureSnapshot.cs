using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Establishment;

namespace Portal.Features.Establishment.Chart;

/// <summary>The structure on one date, read once: posts, their grades, parents, holders and roles.</summary>
internal sealed class StructureSnapshot
{
    public required Dictionary<int, Post> Posts { get; init; }

    public required Dictionary<int, Grade> Grades { get; init; }

    public required Dictionary<int, string> Units { get; init; }

    public required Dictionary<int, int?> Parents { get; init; }

    public required Dictionary<int, List<int>> Children { get; init; }

    public required Dictionary<int, (int PersonId, bool Acting)> Holders { get; init; }

    public required Dictionary<int, string> Names { get; init; }

    public required ILookup<int, StatutoryRole> Roles { get; init; }

    public static async Task<StructureSnapshot> ReadAsync(PortalDbContext db, DateOnly date, CancellationToken ct)
    {
        var posts = (await db.Posts.AsNoTracking().ToListAsync(ct)).Where(p => p.ExistsOn(date)).ToDictionary(p => p.Id);
        var parents = Structure.ParentsOn(await db.PostReportingLines.AsNoTracking().Where(l => l.From <= date && (l.To == null || l.To > date)).ToListAsync(ct), date);
        var holders = (await db.PostHoldings.AsNoTracking().Where(h => h.From <= date && (h.To == null || h.To > date)).ToListAsync(ct))
            .GroupBy(h => h.PostId).ToDictionary(g => g.Key, g => g.OrderByDescending(h => h.IsActing).Select(h => (h.PersonId, h.IsActing)).First());
        var roles = (await db.StatutoryDesignations.AsNoTracking().Where(d => d.From <= date && (d.To == null || d.To > date)).ToListAsync(ct))
            .ToLookup(d => d.PostId, d => d.Role);
        var children = posts.Keys.Where(id => parents.GetValueOrDefault(id) is int p && posts.ContainsKey(p))
            .GroupBy(id => parents[id]!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(id => posts[id].Number, StringComparer.Ordinal).ToList());
        return new StructureSnapshot
        {
            Posts = posts,
            Grades = await db.Grades.AsNoTracking().ToDictionaryAsync(g => g.Id, ct),
            Units = await db.OrganisationUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct),
            Parents = parents,
            Children = children,
            Holders = holders,
            Names = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct),
            Roles = roles,
        };
    }

    /// <summary>Posts with no parent on the date (normally the head of paid service's).</summary>
    public IEnumerable<int> Roots() =>
        Posts.Keys.Where(id => Parents.GetValueOrDefault(id) is not int p || !Posts.ContainsKey(p)).OrderBy(id => Posts[id].Number, StringComparer.Ordinal);

    public IReadOnlyList<StatutoryRole> RolesOf(int postId) => Roles[postId].Order().ToList();

    public ChartNode Node(int id)
    {
        var post = Posts[id];
        var holder = Holders.TryGetValue(id, out var h) ? h : ((int, bool)?)null;
        return new ChartNode(
            id, post.Number, post.Title, Units.GetValueOrDefault(post.UnitId, "?"), Grades[post.GradeId].Name,
            holder is (int person, _) ? Names.GetValueOrDefault(person) : null, holder is (_, true), post.Recruitment, RolesOf(id),
            Children.GetValueOrDefault(id, []).Select(Node).ToList());
    }
}
