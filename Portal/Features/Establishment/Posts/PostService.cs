using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Establishment;
using Portal.Features.Establishment.Chart;
using Portal.Features.Meetings; // the council's settings (its country, so its currency and law) are kept with the meetings' settings
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Establishment.Posts;

/// <summary>
/// Reading posts: a post with its job, person specification, holders and what it is accountable
/// for, the posts in one unit, and the choices for a new post. Signed-in staff and councillors read
/// them; the choices are the administrators'.
/// </summary>
public sealed class PostService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<PostDetails?> GetPostAsync(int id, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        var today = clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var post = await db.Posts.AsNoTracking().Include(p => p.Criteria).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return null;
        }

        var snapshot = await StructureSnapshot.ReadAsync(db, today, ct);
        var grade = await db.Grades.AsNoTracking().SingleAsync(g => g.Id == post.GradeId, ct);
        var unit = await db.OrganisationUnits.AsNoTracking().SingleAsync(u => u.Id == post.UnitId, ct);
        var names = await db.PeopleNamesAsync(ct);
        var holdings = await db.PostHoldings.AsNoTracking().Where(h => h.PostId == id).OrderByDescending(h => h.From).ToListAsync(ct);
        HoldingView View(PostHolding h) => new(names.GetValueOrDefault(h.PersonId, "?"), h.From, h.To, h.IsActing);
        var current = holdings.Where(h => h.IsOn(today)).OrderByDescending(h => h.IsActing).FirstOrDefault();
        var above = snapshot.Parents.GetValueOrDefault(id);
        var canEdit = await currentUser.SatisfiesAsync(Policies.Administer);
        return new PostDetails(
            post.Id, post.Version, post.Number, post.Title, new NamedItem(unit.Id, unit.Name), grade.Name, grade.BandMinimum, grade.BandMaximum, post.Fte, post.EstablishedOn,
            above is int a && snapshot.Posts.TryGetValue(a, out var abovePost) ? new NamedItem(a, abovePost.Title) : null,
            current is null ? null : View(current), holdings.Select(View).ToList(),
            post.Purpose, post.PrincipalAccountabilities, post.KeyResultAreas,
            post.Criteria.OrderBy(c => c.Position).Select(c => new CriterionView(c.Heading, c.Text, c.IsEssential, c.MeasuredBy)).ToList(),
            post.Recruitment, post.RecruitmentOpenedOn, post.RecruitmentClosesOn, post.AppointedOn,
            snapshot.RolesOf(id),
            snapshot.Children.GetValueOrDefault(id, []).Select(snapshot.Node).ToList(),
            current is null ? [] : await OwnedAsync(db, current.PersonId, today, ct),
            canEdit,
            canEdit ? snapshot.Posts.Values.Where(p => p.Id != id).OrderBy(p => p.Number).Select(p => new NamedItem(p.Id, $"{p.Number} {p.Title}")).ToList() : [],
            canEdit ? await db.People.AsNoTracking().Where(p => !p.IsCouncillor).OrderBy(p => p.DisplayName).Select(p => new NamedItem(p.Id, p.DisplayName)).ToListAsync(ct) : [],
            (await db.SettingsAsync(ct)).Country);
    }

    /// <summary>What the portal knows the holder owns: plan actions and risks, golden-thread items, and bodies they chair.</summary>
    private static async Task<List<OwnedItem>> OwnedAsync(PortalDbContext db, int personId, DateOnly today, CancellationToken ct)
    {
        var owned = new List<OwnedItem>();
        owned.AddRange((await db.Actions.AsNoTracking().Where(a => a.OwnerId == personId).OrderBy(a => a.DueDate).Take(20).Select(a => new { a.Id, a.Title }).ToListAsync(ct))
            .Select(a => new OwnedItem("Action", a.Title, $"/plans/actions/{a.Id}")));
        owned.AddRange((await db.Risks.AsNoTracking().Where(r => r.OwnerId == personId && !r.IsClosed).OrderBy(r => r.Id).Take(20).Select(r => new { r.Id, r.Title }).ToListAsync(ct))
            .Select(r => new OwnedItem("Risk", r.Title, $"/plans/risks/{r.Id}")));
        owned.AddRange((await db.ThreadItems.AsNoTracking().Where(i => i.OwnerId == personId).OrderBy(i => i.Id).Take(20).Select(i => new { i.Id, i.Title, i.Kind }).ToListAsync(ct))
            .Select(i => new OwnedItem("ThreadItem", i.Title, $"/thread/items/{new Portal.Domain.Thread.ThreadNode(Portal.Domain.Thread.ThreadItem.LevelOf(i.Kind), i.Id)}")));
        var posts = await db.PostsHeldAsync(personId, today, ct);
        owned.AddRange((await db.Bodies.AsNoTracking()
                .Where(b => b.Members.Any(m => m.Role == Portal.Domain.Meetings.MemberRole.Chair && (m.PersonId == personId || (m.PostId != null && posts.Contains(m.PostId.Value)))))
                .Select(b => new { b.Slug, b.Name }).ToListAsync(ct))
            .Select(b => new OwnedItem("Chairs", b.Name, $"/meetings/bodies/{b.Slug}")));
        return owned;
    }


    /// <summary>The posts in one unit on today's structure, for the unit's page.</summary>
    public async Task<IReadOnlyList<ChartNode>> PostsInUnitAsync(int unitId, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = await StructureSnapshot.ReadAsync(db, clock.Today(), ct);
        return snapshot.Posts.Values.Where(p => p.UnitId == unitId).OrderBy(p => p.Number, StringComparer.Ordinal)
            .Select(p => snapshot.Node(p.Id) with { Children = [] }).ToList();
    }


    public async Task<PostChoices> ChoicesAsync(CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        var today = clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.OrganisationUnits.AsNoTracking().OrderBy(u => u.Name).Select(u => new NamedItem(u.Id, u.Name)).ToListAsync(ct);
        var country = (await db.SettingsAsync(ct)).Country;
        var grades = (await db.Grades.AsNoTracking().ToListAsync(ct)).OrderBy(g => g.BandMinimum)
            .Select(g => new NamedItem(g.Id, $"{g.Name} ({EstablishmentFormat.Money(g.BandMinimum, country)} – {EstablishmentFormat.Money(g.BandMaximum, country)})")).ToList();
        var posts = (await db.Posts.AsNoTracking().ToListAsync(ct)).Where(p => p.ExistsOn(today)).OrderBy(p => p.Number)
            .Select(p => new NamedItem(p.Id, $"{p.Number} {p.Title}")).ToList();
        return new PostChoices(units, grades, posts);
    }
}
