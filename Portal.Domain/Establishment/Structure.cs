using Portal.Domain.Common;

namespace Portal.Domain.Establishment;

/// <summary>
/// The rules over the whole structure: effective-dated changes to reporting lines, holders and
/// statutory designations, refusing a post accountable to itself or to a post beneath it, two
/// holders of one statutory role on one date, or the Monitoring Officer being the chief finance
/// officer or the Head of Paid Service on any date (Local Government and Housing Act 1989,
/// s.5(1) and (1A)), whether through one post or one person holding two posts.
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

    /// <summary>
    /// Appoints <paramref name="personId"/> to the post from <paramref name="from"/>, ending the current holder's time in it.
    /// Give <paramref name="designations"/> and <paramref name="personsHoldings"/> (every post the person holds, on any
    /// date) to refuse an appointment that would make the Monitoring Officer also the chief finance officer or the
    /// Head of Paid Service (see <see cref="Designate"/>).
    /// </summary>
    public static PostHolding Appoint(
        List<PostHolding> holdings, Post post, int personId, bool acting, DateOnly from,
        IEnumerable<StatutoryDesignation>? designations = null, IEnumerable<PostHolding>? personsHoldings = null)
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

        var holding = PostHolding.Start(post.Id, personId, acting, from);
        if (designations is not null)
        {
            var all = designations.ToList();
            foreach (var designation in all.Where(d => d.PostId == post.Id))
            {
                RefuseMonitoringOfficerClash(designation, all, [.. personsHoldings ?? [], holding], holding);
            }
        }

        current.ForEach(h => h.End(from));
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

    /// <summary>
    /// Gives <paramref name="role"/> to <paramref name="postId"/> from <paramref name="from"/>, ending any current designation of the role.
    /// The Monitoring Officer "shall not be [the authority's] chief finance officer" (Local Government and Housing Act
    /// 1989, s.5(1)) and "may not be the head of that authority's paid service" (s.5(1A), inserted by the Local Government
    /// Act 2000, Sch. 5 para. 24): a designation that would give one post those two roles on a shared date is refused,
    /// and, given <paramref name="holdings"/>, so is one whose post's holder holds the other role's post on a shared date.
    /// </summary>
    public static StatutoryDesignation Designate(List<StatutoryDesignation> designations, StatutoryRole role, int postId, DateOnly from, IEnumerable<PostHolding>? holdings = null)
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

        var designation = StatutoryDesignation.Start(role, postId, from);
        RefuseMonitoringOfficerClash(designation, designations, holdings?.ToList() ?? [], involving: null);
        foreach (var current in designations.Where(d => d.Role == role && d.To is null))
        {
            current.End(from);
        }

        designations.Add(designation);
        return designation;
    }

    /// <summary>The roles the law keeps apart from <paramref name="role"/>: the Monitoring Officer from the chief finance officer and the Head of Paid Service.</summary>
    public static IReadOnlyList<StatutoryRole> KeptApartFrom(StatutoryRole role) => role switch
    {
        StatutoryRole.MonitoringOfficer => [StatutoryRole.Section151Officer, StatutoryRole.HeadOfPaidService],
        StatutoryRole.Section151Officer or StatutoryRole.HeadOfPaidService => [StatutoryRole.MonitoringOfficer],
        _ => [],
    };

    /// <summary>
    /// Refuses <paramref name="designation"/> when, on some date, its post also has a role kept apart from its own, or
    /// one person holds its post and the post with that role. With <paramref name="involving"/>, only a clash through
    /// that holding counts, so a new appointment is not refused for an older clash it has nothing to do with.
    /// </summary>
    private static void RefuseMonitoringOfficerClash(StatutoryDesignation designation, IReadOnlyCollection<StatutoryDesignation> designations, IReadOnlyCollection<PostHolding> holdings, PostHolding? involving)
    {
        var apart = KeptApartFrom(designation.Role);
        foreach (var other in designations.Where(d => !ReferenceEquals(d, designation) && apart.Contains(d.Role)))
        {
            var chiefFinance = designation.Role == StatutoryRole.Section151Officer || other.Role == StatutoryRole.Section151Officer;
            if (other.PostId == designation.PostId && involving is null && FirstSharedDay(designation, other) is DateOnly onPost)
            {
                throw Clash(byOnePerson: false, chiefFinance, onPost, "PostId");
            }

            foreach (var mine in holdings.Where(h => h.PostId == designation.PostId))
            {
                foreach (var theirs in holdings.Where(h => h.PostId == other.PostId && h.PostId != mine.PostId && h.PersonId == mine.PersonId))
                {
                    if ((involving is null || ReferenceEquals(mine, involving) || ReferenceEquals(theirs, involving))
                        && FirstSharedDay(designation, other, mine, theirs) is DateOnly onPerson)
                    {
                        throw Clash(byOnePerson: true, chiefFinance, onPerson, involving is null ? "PostId" : "PersonId");
                    }
                }
            }
        }
    }

    /// <summary>The refusal, with the subsection of the Act it rests on: by one post holding both roles, or one person holding both posts.</summary>
    private static DomainRuleException Clash(bool byOnePerson, bool chiefFinance, DateOnly on, string field)
    {
        var (code, role, rolesPost, rule) = chiefFinance
            ? ("ChiefFinanceOfficer", "the chief finance officer (Section 151 Officer)", "the chief finance officer's (Section 151 Officer) post",
                "the Monitoring Officer shall not be the authority's chief finance officer (Local Government and Housing Act 1989, s.5(1))")
            : ("HeadOfPaidService", "the Head of Paid Service", "the Head of Paid Service's post",
                "the Monitoring Officer may not be the head of the authority's paid service (Local Government and Housing Act 1989, s.5(1A))");
        var what = byOnePerson
            ? $"One person would hold both the Monitoring Officer's post and {rolesPost}"
            : $"This post would be both the Monitoring Officer and {role}";
        return new DomainRuleException($"Role.MonitoringOfficer{(byOnePerson ? "Holder" : string.Empty)}Is{code}", $"{what} on {on:d MMMM yyyy}: {rule}.", field, on);
    }

    /// <summary>The first day every span covers, or null when they share none.</summary>
    private static DateOnly? FirstSharedDay(params IDated[] spans)
    {
        var from = spans.Max(s => s.From);
        var to = spans.Min(s => s.To ?? DateOnly.MaxValue);
        return from < to ? from : null;
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
