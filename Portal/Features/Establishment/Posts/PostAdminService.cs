using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Establishment.Posts;

/// <summary>
/// Changing posts: establish one, describe its job, appoint and vacate its holder, change whom it
/// reports to, and track its recruitment. Administrators only; every change is effective-dated,
/// audited and announced on the change feed.
/// </summary>
public sealed class PostAdminService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ChangeFeed changes)
{
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
}
