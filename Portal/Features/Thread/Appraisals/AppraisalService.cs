using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Thread;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread.Appraisals;

/// <summary>
/// A person's appraisal for the year: adding an objective linked to the team's workplan, reading
/// the appraisal (only the person, their line-management chain and administrators as HR), the
/// caller's direct reports, and the comments and ratings at each review stage.
/// </summary>
public sealed class AppraisalService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ThreadCache cache, ChangeFeed changes, TimeProvider clock)
{
    /// <summary>
    /// Adds an objective to the caller's own appraisal for this year (opening it if need be),
    /// linked to the team workplan item it serves. Refused in a closed appraisal year; nothing is
    /// saved unless both the objective and its link are valid.
    /// </summary>
    public async Task<int> AddObjectiveAsync(string text, string? measure, DateOnly? dueDate, int? teamItemId, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var me = ThreadViewer.PersonId(viewer) ?? throw new AccessDeniedException("PersonRequired");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var year = (await cache.GetAsync(ct)).Year;
        var appraisal = await db.Appraisals.Include(a => a.Objectives).SingleOrDefaultAsync(a => a.PersonId == me && a.Year == year, ct);
        if (appraisal is null)
        {
            appraisal = Appraisal.Open(me, year);
            db.Appraisals.Add(appraisal);
        }

        var objective = appraisal.AddObjective(text, measure, dueDate);
        ThreadNode? parent = null;
        if (teamItemId is int itemId)
        {
            var item = await db.ThreadItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct)
                ?? throw new DomainRuleException("Thread.ParentNotFound", "Choose an item from the list.", "Parent");
            parent = new ThreadNode(item.Level, item.Id);
            ThreadLink.EnsureCanLink(ThreadLevel.Appraisal, parent.Value);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var node = new ThreadNode(ThreadLevel.Appraisal, objective.Id);
        if (parent is ThreadNode p)
        {
            db.ThreadLinks.Add(ThreadLink.Create(node, p, []));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        changes.Publish(new ThreadChanged(node));
        return objective.Id;
    }

    /// <summary>
    /// A person's appraisal for this year: objectives and reviews. Only for the person, anyone in
    /// their line-management chain and administrators acting as HR; anyone else is refused.
    /// </summary>
    public async Task<AppraisalView> GetAppraisalAsync(int personId, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var model = await cache.GetAsync(ct);
        var (canRead, isSelf) = AppraisalRights(viewer, personId, model);
        if (!canRead)
        {
            throw new AccessDeniedException("ReadAppraisal");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"No person {personId}.");
        var appraisal = await db.Appraisals.AsNoTracking().Include(a => a.Objectives).Include(a => a.Reviews).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.PersonId == personId && a.Year == model.Year, ct);
        var open = appraisal is not { IsClosed: true };
        return new AppraisalView(
            personId, name, model.Calendar.YearLabel(model.Year), !open,
            (appraisal?.Objectives ?? []).OrderBy(o => o.Id).Select(o => new ObjectiveRow(o.Id, o.Text, o.Measure, o.DueDate, o.Status)).ToList(),
            (appraisal?.Reviews ?? []).OrderBy(r => r.Stage).Select(r => new ReviewRow(r.Stage, r.IsRated ? r.Rating : null, r.PersonComment, r.ManagerComment, r.Date)).ToList(),
            open && isSelf, open && !isSelf);
    }

    /// <summary>The people who report directly to the caller.</summary>
    public async Task<IReadOnlyList<DirectReport>> GetDirectReportsAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        if (ThreadViewer.PersonId(viewer) is not int me)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking().Where(p => p.LineManagerId == me).OrderBy(p => p.DisplayName)
            .Select(p => new DirectReport(p.Id, p.DisplayName)).ToListAsync(ct);
    }

    /// <summary>The person's own comment at a review stage. Refused in a closed appraisal year.</summary>
    public Task CommentOnReviewAsync(int personId, ReviewStage stage, string? comment, CancellationToken ct) =>
        ReviewAsync(personId, self: true, appraisal => appraisal.CommentAsPerson(stage, comment, Today), ct);

    /// <summary>A manager's (or HR's) rating and comment at a review stage. Refused in a closed appraisal year.</summary>
    public Task RateReviewAsync(int personId, ReviewStage stage, ReviewRating rating, string? comment, CancellationToken ct) =>
        ReviewAsync(personId, self: false, appraisal => appraisal.RateAsManager(stage, rating, comment, Today), ct);

    private async Task ReviewAsync(int personId, bool self, Action<Appraisal> review, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var model = await cache.GetAsync(ct);
        var (canRead, isSelf) = AppraisalRights(viewer, personId, model);
        if (!canRead || isSelf != self)
        {
            throw new AccessDeniedException("ReviewAppraisal");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appraisal = await db.Appraisals.Include(a => a.Reviews).SingleOrDefaultAsync(a => a.PersonId == personId && a.Year == model.Year, ct);
        if (appraisal is null)
        {
            appraisal = Appraisal.Open(personId, model.Year);
            db.Appraisals.Add(appraisal);
        }

        review(appraisal);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ThreadChanged(new ThreadNode(ThreadLevel.Appraisal, 0)));
    }

    private static (bool CanRead, bool IsSelf) AppraisalRights(ClaimsPrincipal viewer, int personId, ThreadModel model)
    {
        var me = ThreadViewer.PersonId(viewer);
        var canRead = AppraisalPrivacy.CanRead(me, viewer.IsInRole(Roles.Administrator), personId, id => model.ManagerOf.GetValueOrDefault(id));
        return (canRead, me == personId);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
