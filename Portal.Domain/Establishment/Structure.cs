using Portal.Domain.Common;

namespace Portal.Domain.Establishment;

/// <summary>
/// The rules over the whole structure: effective-dated changes to reporting lines, holders and
/// statutory designations, refusing a post accountable to itself or to a post beneath it, two
/// holders of one statutory role on one date, or the Monitoring Officer being the Head of Paid
/// Service (Local Government and Housing Act 1989, s.5(1)).
/// </summary>
public static class Structure
{
    /// <summary>The post each post reports to on <paramref name="date"/>.</summary>
    public static Dictionary<int, int?> ParentsOn(IEnumerable<PostReporting> lines, DateOnly date) =>
        lines.Where(l => l.IsOn(date)).GroupBy(l => l.PostId).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.From).First().AccountableToId);

    /// <summary>Makes <paramref name="postId"/> accountable to <paramref name="accountableToId"/> from <paramref name="from"/>, closing its current line.</summary>
    public static PostReporting? ChangeReporting(List<PostReporting> lines, int postId, int? accountableToId, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (accountableToId == postId)
        {
            throw new DomainRuleException("Post.AccountableToItself", "A post cannot be accountable to itself.", "AccountableToId");
        }

        if (accountableToId is int above)
        {
            var parents = ParentsOn(lines, from);
            var seen = new HashSet<int>();
            for (int? current = above; current is int id && seen.Add(id); current = parents.GetValueOrDefault(id))
            {
                if (id == postId)
                {
                    throw new DomainRuleException("Post.AccountableToBelow", "A post cannot be accountable to a post beneath it.", "AccountableToId");
                }
            }
        }

        var open = lines.Where(l => l.PostId == postId && l.To is null).OrderByDescending(l => l.From).FirstOrDefault();
        if (open is not null)
        {
            if (from < open.From)
            {
                throw new DomainRuleException("Post.ChangeBeforeCurrent", "The change must take effect on or after the current line began.", "From");
            }

            if (from == open.From)
            {
                open.Correct(accountableToId);
                return null;
            }

            open.End(from);
        }

        var line = PostReporting.Start(postId, accountableToId, from);
        lines.Add(line);
        return line;
    }

    /// <summary>Appoints <paramref name="personId"/> to the post from <paramref name="from"/>, ending the current holder's time in it.</summary>
    public static PostHolding Appoint(List<PostHolding> holdings, Post post, int personId, bool acting, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(post);
        if (!post.ExistsOn(from))
        {
            throw new DomainRuleException("Post.NotEstablished", "The post does not exist on that date.", "From");
        }

        var current = holdings.Where(h => h.PostId == post.Id && h.To is null).ToList();
        if (current.Any(h => h.From > from))
        {
            throw new DomainRuleException("Post.ChangeBeforeCurrent", "The change must take effect on or after the current holder started.", "From");
        }

        if (current.Any(h => h.PersonId == personId && h.IsActing == acting))
        {
            throw new DomainRuleException("Post.AlreadyHolds", "That person already holds the post.", "PersonId");
        }

        current.ForEach(h => h.End(from));
        var holding = PostHolding.Start(post.Id, personId, acting, from);
        holdings.Add(holding);
        return holding;
    }

    public static void Vacate(List<PostHolding> holdings, int postId, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        var current = holdings.Where(h => h.PostId == postId && h.To is null).ToList();
        if (current.Count == 0)
        {
            throw new DomainRuleException("Post.AlreadyVacant", "The post is already vacant.", "From");
        }

        if (current.Any(h => h.From > on))
        {
            throw new DomainRuleException("Post.ChangeBeforeCurrent", "The change must take effect on or after the current holder started.", "From");
        }

        current.ForEach(h => h.End(on));
    }

    /// <summary>Gives <paramref name="role"/> to <paramref name="postId"/> from <paramref name="from"/>, ending any current designation of the role.</summary>
    public static StatutoryDesignation Designate(List<StatutoryDesignation> designations, StatutoryRole role, int postId, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(designations);
        if (!Enum.IsDefined(role))
        {
            throw new DomainRuleException("Role.Required", "Choose the role.", "Role");
        }

        if (designations.Any(d => d.Role == role && d.From > from))
        {
            throw new DomainRuleException("Role.DesignatedLater", "The role is already designated from a later date; designate from that date or after.", "From");
        }

        if (designations.Any(d => d.Role == role && d.PostId == postId && d.To is null))
        {
            throw new DomainRuleException("Role.AlreadyDesignated", "That post already has the role.", "PostId");
        }

        var conflicting = role switch
        {
            StatutoryRole.MonitoringOfficer => StatutoryRole.HeadOfPaidService,
            StatutoryRole.HeadOfPaidService => StatutoryRole.MonitoringOfficer,
            _ => (StatutoryRole?)null,
        };
        if (conflicting is StatutoryRole other && designations.Any(d => d.Role == other && d.PostId == postId && d.Overlaps(from, null)))
        {
            throw new DomainRuleException("Role.MonitoringOfficerIsNotHead", "The Monitoring Officer cannot also be the Head of Paid Service.", "PostId");
        }

        foreach (var current in designations.Where(d => d.Role == role && d.To is null))
        {
            current.End(from);
        }

        var designation = StatutoryDesignation.Start(role, postId, from);
        designations.Add(designation);
        return designation;
    }

    /// <summary>Refuses a set of designations where one role has two posts on one date (for imports and repairs that bypass <see cref="Designate"/>).</summary>
    public static void EnsureOneHolderPerRole(IEnumerable<StatutoryDesignation> designations)
    {
        ArgumentNullException.ThrowIfNull(designations);
        foreach (var role in designations.GroupBy(d => d.Role))
        {
            var rows = role.OrderBy(d => d.From).ToList();
            for (var i = 1; i < rows.Count; i++)
            {
                if (rows[i - 1].Overlaps(rows[i].From, rows[i].To))
                {
                    throw new DomainRuleException("Role.TwoHolders", $"Two posts hold the {role.Key} role on {rows[i].From:yyyy-MM-dd}.", "From", role.Key, rows[i].From);
                }
            }
        }
    }

    /// <summary>What is wrong with the statutory roles on <paramref name="date"/>: a role nobody is designated to, or designated to a vacant post.</summary>
    public static IReadOnlyList<RoleWarning> Check(IEnumerable<StatutoryDesignation> designations, IEnumerable<PostHolding> holdings, DateOnly date)
    {
        var onDate = designations.Where(d => d.IsOn(date)).ToList();
        var held = holdings.Where(h => h.IsOn(date)).Select(h => h.PostId).ToHashSet();
        var warnings = new List<RoleWarning>();
        foreach (var role in new[] { StatutoryRole.HeadOfPaidService, StatutoryRole.Section151Officer, StatutoryRole.MonitoringOfficer })
        {
            var designation = onDate.FirstOrDefault(d => d.Role == role);
            if (designation is null)
            {
                warnings.Add(new RoleWarning(role, RoleProblem.NotDesignated));
            }
            else if (!held.Contains(designation.PostId))
            {
                warnings.Add(new RoleWarning(role, RoleProblem.PostVacant));
            }
        }

        return warnings;
    }
}

public enum RoleProblem
{
    NotDesignated = 0,
    PostVacant = 1,
}

public sealed record RoleWarning(StatutoryRole Role, RoleProblem Problem);
