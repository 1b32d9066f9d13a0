using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Features.Meetings; // the council's settings (its country, so its currency and law) are kept with the meetings' settings
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Establishment.Roles;

/// <summary>
/// The statutory roles (head of paid service, section 151 and monitoring officers): who holds each
/// today, with the structure's warnings, read by anyone; designating a post to a role is the
/// administrators', effective-dated and announced on the change feed.
/// </summary>
public sealed class StatutoryRoleService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ChangeFeed changes, TimeProvider clock)
{
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
}
