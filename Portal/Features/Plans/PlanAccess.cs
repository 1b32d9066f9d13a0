using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Infrastructure.Security;

namespace Portal.Features.Plans;

/// <summary>
/// Who may do what with a directorate plan. Directors and administrators edit everything in
/// their directorate; an item's owner updates their own action, figures or risk; officers
/// read their own directorate's plan (and any plan where they own something); councillors and
/// directors read every plan; anonymous visitors see nothing. Every plan service asks here
/// before it reads or writes.
/// </summary>
public sealed class PlanAccess(ICurrentUser currentUser, DirectorateMap directorates)
{
    public async Task<PlanCaller> CallerAsync(CancellationToken ct)
    {
        var principal = await currentUser.DemandAsync(Policies.SignedIn);
        var personId = int.TryParse(principal.FindFirstValue(PortalClaims.PersonId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        var directorateId = personId is int pid ? await directorates.OfPersonAsync(pid, ct) : null;
        var name = principal.FindFirstValue(PortalClaims.DisplayName) ?? principal.Identity?.Name ?? string.Empty;
        return new PlanCaller(
            personId,
            name,
            directorateId,
            principal.IsInRole(Roles.Administrator),
            principal.IsInRole(Roles.Director),
            principal.IsInRole(Roles.Member));
    }

    /// <summary>
    /// The people who approve a plan's figures and are told when one waits: the directors of its
    /// directorate (administrators may approve too, but are told only when the directorate has no director).
    /// </summary>
    public async Task<IReadOnlyList<int>> ApproversAsync(PortalDbContext db, PlanKey plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var directors = await PeopleInRoleAsync(db, Roles.Director, ct);
        var ofPlan = new List<int>();
        foreach (var person in directors)
        {
            if (await directorates.OfPersonAsync(person, ct) == plan.DirectorateId)
            {
                ofPlan.Add(person);
            }
        }

        return ofPlan.Count > 0 ? ofPlan : await PeopleInRoleAsync(db, Roles.Administrator, ct);
    }

    private static async Task<List<int>> PeopleInRoleAsync(PortalDbContext db, string role, CancellationToken ct)
    {
        var users = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)).Select(ur => ur.UserId);
        return await db.People.AsNoTracking().Where(p => p.UserId != null && users.Contains(p.UserId)).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>Throws unless the caller may read <paramref name="plan"/>.</summary>
    public static async Task DemandReadAsync(PortalDbContext db, PlanCaller caller, PlanKey plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!await CanReadAsync(db, caller, plan, ct))
        {
            throw new AccessDeniedException("ReadPlan");
        }
    }

    public static async Task<bool> CanReadAsync(PortalDbContext db, PlanCaller caller, PlanKey plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.ReadsEveryPlan || caller.DirectorateId == plan.DirectorateId)
        {
            return true;
        }

        if (caller.PersonId is not int me)
        {
            return false;
        }

        return await db.Actions.AnyAsync(a => a.PlanId == plan.Id && a.OwnerId == me, ct)
            || await db.Indicators.AnyAsync(i => i.PlanId == plan.Id && i.OwnerId == me, ct)
            || await db.Risks.AnyAsync(r => r.PlanId == plan.Id && r.OwnerId == me, ct);
    }
}

/// <summary>The caller, as the plan rules see them.</summary>
public sealed record PlanCaller(int? PersonId, string Name, int? DirectorateId, bool IsAdministrator, bool IsDirector, bool IsMember)
{
    /// <summary>Administrators, directors and councillors read every plan.</summary>
    public bool ReadsEveryPlan => IsAdministrator || IsDirector || IsMember;

    /// <summary>Administrators edit every plan; a director edits their own directorate's.</summary>
    public bool CanEdit(PlanKey plan) => IsAdministrator || (IsDirector && DirectorateId == plan.DirectorateId);

    /// <summary>An editor of the plan, or the person who owns the item.</summary>
    public bool CanUpdate(PlanKey plan, int ownerId) => CanEdit(plan) || (PersonId is int me && me == ownerId);

    /// <summary>The person id the audit and approval rules use; someone who is not a person cannot enter or approve figures.</summary>
    public int RequirePerson() => PersonId ?? throw new AccessDeniedException("PersonRequired");

    public void DemandEdit(PlanKey plan)
    {
        if (!CanEdit(plan))
        {
            throw new AccessDeniedException("EditPlan");
        }
    }

    public void DemandUpdate(PlanKey plan, int ownerId)
    {
        if (!CanUpdate(plan, ownerId))
        {
            throw new AccessDeniedException("UpdatePlanItem");
        }
    }
}

/// <summary>The two facts about a plan the rules need.</summary>
public readonly record struct PlanKey(int Id, int DirectorateId)
{
    public static PlanKey Of(DirectoratePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Id, plan.DirectorateId);
    }
}
