using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Time;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Domain.Organisation;
using Portal.Features.Meetings;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Establishment;

/// <summary>
/// The establishment: the structure chart on any date, a post with its job, person
/// specification and what it is accountable for, the statutory roles, and the counts and costs.
/// Signed-in staff and councillors read it (the statutory roles are public); administrators change
/// it, and every change is effective-dated, audited and announced on the change feed.
/// </summary>
public sealed class EstablishmentService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ChangeFeed changes, TimeProvider clock)
{
    public async Task<ChartView> ChartAsync(DateOnly? on, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        var date = on ?? clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = await Snapshot.ReadAsync(db, date, ct);
        return new ChartView(date, snapshot.Roots().Select(snapshot.Node).ToList(), snapshot.Posts.Count);
    }

    /// <summary>The posts in one unit on today's structure, for the unit's page.</summary>
    public async Task<IReadOnlyList<ChartNode>> PostsInUnitAsync(int unitId, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = await Snapshot.ReadAsync(db, clock.Today(), ct);
        return snapshot.Posts.Values.Where(p => p.UnitId == unitId).OrderBy(p => p.Number, StringComparer.Ordinal)
            .Select(p => snapshot.Node(p.Id) with { Children = [] }).ToList();
    }

    public async Task<RolesView> RolesAsync(CancellationToken ct)
    {
        var today = clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var designations = await db.StatutoryDesignations.AsNoTracking().ToListAsync(ct);
        var holdings = await db.PostHoldings.AsNoTracking().Where(h => h.From <= today && (h.To == null || h.To > today)).ToListAsync(ct);
        var posts = await db.Posts.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var names = await db.PeopleNamesAsync(ct);
        var roles = Enum.GetValues<StatutoryRole>().Select(role =>
        {
            var current = designations.FirstOrDefault(d => d.Role == role && d.IsOn(today));
            if (current is null)
            {
                return new RoleHolder(role, null, null, null, null);
            }

            var holder = holdings.Where(h => h.PostId == current.PostId).OrderByDescending(h => h.IsActing).FirstOrDefault();
            return new RoleHolder(role, current.PostId, posts.GetValueOrDefault(current.PostId)?.Title, holder is null ? null : names.GetValueOrDefault(holder.PersonId), current.From);
        }).ToList();
        var canDesignate = await currentUser.SatisfiesAsync(Policies.Administer);
        // The statutory roles are English law; a Swedish council is not warned about them.
        var english = (await db.SettingsAsync(ct)).Country == Portal.Domain.Meetings.Country.England;
        return new RolesView(
            today, roles, english ? Structure.Check(designations, holdings, today) : [], canDesignate,
            canDesignate ? posts.Values.Where(p => p.ExistsOn(today)).OrderBy(p => p.Number).Select(p => new NamedItem(p.Id, $"{p.Number} {p.Title}")).ToList() : []);
    }

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

        var snapshot = await Snapshot.ReadAsync(db, today, ct);
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

    public async Task<EstablishmentView> EstablishmentAsync(DateOnly? on, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        var date = on ?? clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.EstablishmentSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? EstablishmentSettings.CreateDefault();
        // Only what the sums need: each post's unit, FTE and band, and whether it is held on the date.
        var grades = await db.Grades.AsNoTracking().ToDictionaryAsync(g => g.Id, ct);
        var held = (await db.PostHoldings.AsNoTracking().Where(h => h.From <= date && (h.To == null || h.To > date)).Select(h => h.PostId).ToListAsync(ct)).ToHashSet();
        var figures = (await db.Posts.AsNoTracking()
                .Where(p => p.EstablishedOn <= date && (p.DeletedOn == null || p.DeletedOn > date))
                .Select(p => new { p.Id, p.UnitId, p.GradeId, p.Fte })
                .ToListAsync(ct))
            .Select(p => new EstablishmentPost(p.Id, p.UnitId, p.Fte, held.Contains(p.Id), grades[p.GradeId].BandMinimum, grades[p.GradeId].BandMaximum))
            .ToList();
        var units = await db.OrganisationUnits.AsNoTracking().Select(u => new { u.Id, u.Name, u.Kind, u.ParentId }).ToListAsync(ct);
        var unitById = units.ToDictionary(u => u.Id);
        var children = units.Where(u => u.ParentId is not null).GroupBy(u => u.ParentId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(u => u.Name).Select(u => u.Id).ToList());
        var byUnit = figures.GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<EstablishmentRow>();
        var cache = new Dictionary<int, List<EstablishmentPost>>();
        List<EstablishmentPost> Beneath(int unitId)
        {
            if (cache.TryGetValue(unitId, out var known))
            {
                return known;
            }
            var all = new List<EstablishmentPost>(byUnit.GetValueOrDefault(unitId, []));
            foreach (var child in children.GetValueOrDefault(unitId, []))
            {
                all.AddRange(Beneath(child));
            }
            return cache[unitId] = all;
        }

        void Walk(int unitId, int depth)
        {
            var posts = Beneath(unitId);
            var unit = unitById[unitId];
            if (posts.Count > 0 && unit.Kind != UnitKind.Council)
            {
                rows.Add(new EstablishmentRow(unitId, unit.Name, depth, EstablishmentFigures.Of(posts, settings.OnCostPercent)));
            }

            foreach (var child in children.GetValueOrDefault(unitId, []))
            {
                Walk(child, unit.Kind == UnitKind.Council ? depth : depth + 1);
            }
        }

        var council = units.FirstOrDefault(u => u.ParentId is null);
        if (council is not null)
        {
            Walk(council.Id, 0);
        }
        var total = EstablishmentFigures.Of(figures, settings.OnCostPercent);
        return new EstablishmentView(date, settings.OnCostPercent, settings.Version, rows, total, await currentUser.SatisfiesAsync(Policies.Administer), (await db.SettingsAsync(ct)).Country);
    }

    public async Task<CsvFile> ExportAsync(DateOnly? on, CancellationToken ct)
    {
        var view = await EstablishmentAsync(on, ct);
        string[] columns = ["Unit", "Posts", "FTE", "Filled", "Filled FTE", "Vacant", "Vacant FTE", "Cost at minimum", "Cost at midpoint", "Cost at maximum"];
        static object?[] Row(string name, EstablishmentFigures f) =>
            [name, f.Posts, Number(f.Fte), f.Filled, Number(f.FilledFte), f.Vacant, Number(f.VacantFte), f.CostAtMinimum, f.CostAtMidpoint, f.CostAtMaximum];
        static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        var rows = view.Units.Select(u => Row(new string(' ', u.Depth * 2) + u.Unit, u.Figures)).Append(Row("Council", view.Council));
        return new CsvFile($"establishment-{view.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv", CsvExport.Write(columns, rows));
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

    public async Task<int> CreatePostAsync(PostEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await currentUser.DemandAsync(Policies.Administer);
        var from = edit.From ?? throw new DomainRuleException("Post.FromRequired", "Enter the date the post starts.", "From");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureReferencesAsync(db, edit, ct);
        if (await db.Posts.AnyAsync(p => p.Number == edit.Number.Trim(), ct))
        {
            throw new DomainRuleException("Post.NumberTaken", "Another post already has that number.", nameof(Post.Number));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var post = Post.Establish(edit.Number, edit.Title, edit.UnitId, edit.GradeId, edit.Fte, from);
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        var lines = await db.PostReportingLines.ToListAsync(ct);
        var line = Structure.ChangeReporting(lines, post.Id, edit.AccountableToId, from);
        if (line is not null)
        {
            db.PostReportingLines.Add(line);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new EstablishmentChanged(post.Id));
        return post.Id;
    }

    public async Task<int> DescribeJobAsync(int id, string? purpose, string? accountabilities, string? keyResultAreas, int version, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new KeyNotFoundException($"No post {id}.");
        await db.ExpectVersionAsync(post, version, ct);
        post.DescribeJob(purpose, accountabilities, keyResultAreas);
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(id));
        return post.Version;
    }

    public async Task AppointAsync(int postId, int personId, bool acting, DateOnly? from, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        var date = from ?? throw new DomainRuleException("Post.FromRequired", "Enter the date the change takes effect.", "From");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId, ct) ?? throw new KeyNotFoundException($"No post {postId}.");
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            throw new DomainRuleException("Post.PersonRequired", "Choose who holds the post.", "PersonId");
        }

        var holdings = await db.PostHoldings.Where(h => h.PostId == postId).ToListAsync(ct);
        var designations = await db.StatutoryDesignations.AsNoTracking().ToListAsync(ct);
        var persons = await db.PostHoldings.AsNoTracking().Where(h => h.PersonId == personId).ToListAsync(ct);
        db.PostHoldings.Add(Structure.Appoint(holdings, post, personId, acting, date, designations, persons));
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(postId));
    }

    public async Task VacateAsync(int postId, DateOnly? on, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        var date = on ?? throw new DomainRuleException("Post.FromRequired", "Enter the date the change takes effect.", "From");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holdings = await db.PostHoldings.Where(h => h.PostId == postId).ToListAsync(ct);
        Structure.Vacate(holdings, postId, date);
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(postId));
    }

    public async Task ChangeReportingAsync(int postId, int? accountableToId, DateOnly? from, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        var date = from ?? throw new DomainRuleException("Post.FromRequired", "Enter the date the change takes effect.", "From");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = await db.PostReportingLines.ToListAsync(ct);
        var line = Structure.ChangeReporting(lines, postId, accountableToId, date);
        if (line is not null)
        {
            db.PostReportingLines.Add(line);
        }
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(postId));
    }

    public async Task<int> SetRecruitmentAsync(int postId, RecruitmentStatus status, DateOnly? opened, DateOnly? closes, DateOnly? appointed, int version, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, ct) ?? throw new KeyNotFoundException($"No post {postId}.");
        await db.ExpectVersionAsync(post, version, ct);
        post.SetRecruitment(status, opened, closes, appointed);
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(postId));
        return post.Version;
    }

    public async Task DesignateAsync(StatutoryRole role, int postId, DateOnly? from, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        var date = from ?? throw new DomainRuleException("Post.FromRequired", "Enter the date the change takes effect.", "From");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Posts.AnyAsync(p => p.Id == postId, ct))
        {
            throw new DomainRuleException("Role.PostRequired", "Choose the post that takes the role.", "PostId");
        }

        var designations = await db.StatutoryDesignations.ToListAsync(ct);
        var holdings = await db.PostHoldings.AsNoTracking().ToListAsync(ct);
        db.StatutoryDesignations.Add(Structure.Designate(designations, role, postId, date, holdings));
        Structure.EnsureOneHolderPerRole(designations);
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(postId));
    }

    public async Task<int> CreateGradeAsync(string name, decimal? minimum, decimal? maximum, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        var grade = Grade.Create(
            name,
            minimum ?? throw new DomainRuleException("Grade.MinimumOutOfRange", "Enter the band's minimum salary, more than £0.", nameof(Grade.BandMinimum)),
            maximum ?? throw new DomainRuleException("Grade.MaximumOutOfRange", "Enter a band maximum below £1,000,000.", nameof(Grade.BandMaximum)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Grades.Add(grade);
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(0));
        return grade.Id;
    }

    /// <summary>The on-cost percentage and the version of the settings it is kept in, for the form that changes it.</summary>
    public async Task<(decimal Percent, int Version)> GetOnCostAsync(CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.EstablishmentSettings.AsNoTracking().SingleAsync(ct);
        return (settings.OnCostPercent, settings.Version);
    }

    public async Task<int> SetOnCostAsync(decimal percent, int version, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.EstablishmentSettings.SingleAsync(ct);
        await db.ExpectVersionAsync(settings, version, ct);
        settings.Change(percent);
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(0));
        return settings.Version;
    }

    private static async Task EnsureReferencesAsync(PortalDbContext db, PostEdit edit, CancellationToken ct)
    {
        if (!await db.OrganisationUnits.AnyAsync(u => u.Id == edit.UnitId, ct))
        {
            throw new DomainRuleException("Post.UnitRequired", "Choose the unit the post sits in.", nameof(Post.UnitId));
        }

        if (!await db.Grades.AnyAsync(g => g.Id == edit.GradeId, ct))
        {
            throw new DomainRuleException("Post.GradeRequired", "Choose the post's grade.", nameof(Post.GradeId));
        }

        if (edit.AccountableToId is int above && !await db.Posts.AnyAsync(p => p.Id == above, ct))
        {
            throw new DomainRuleException("Post.AccountableToRequired", "Choose the post it is accountable to.", "AccountableToId");
        }
    }

    /// <summary>The structure on one date, read once: posts, their grades, parents, holders and roles.</summary>
    private sealed class Snapshot
    {
        public required Dictionary<int, Post> Posts { get; init; }

        public required Dictionary<int, Grade> Grades { get; init; }

        public required Dictionary<int, string> Units { get; init; }

        public required Dictionary<int, int?> Parents { get; init; }

        public required Dictionary<int, List<int>> Children { get; init; }

        public required Dictionary<int, (int PersonId, bool Acting)> Holders { get; init; }

        public required Dictionary<int, string> Names { get; init; }

        public required ILookup<int, StatutoryRole> Roles { get; init; }

        public static async Task<Snapshot> ReadAsync(PortalDbContext db, DateOnly date, CancellationToken ct)
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
            return new Snapshot
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
}
