namespace Portal.Domain.Organisation;

/// <summary>
/// Walks a line-management chain upwards. Appraisal privacy rests on it: a person's managers,
/// and only they, may read the person's objectives and reviews.
/// </summary>
public static class ReportingLine
{
    /// <summary>The chain of managers above <paramref name="personId"/>, nearest first; stops at a loop.</summary>
    public static IReadOnlyList<int> ManagersOf(int personId, Func<int, int?> managerOf)
    {
        ArgumentNullException.ThrowIfNull(managerOf);
        var chain = new List<int>();
        var seen = new HashSet<int> { personId };
        var current = managerOf(personId);
        while (current is int id && seen.Add(id))
        {
            chain.Add(id);
            current = managerOf(id);
        }

        return chain;
    }

    /// <summary>Whether <paramref name="candidateManagerId"/> appears in <paramref name="personId"/>'s chain (or is the person).</summary>
    public static bool Contains(int personId, int candidateManagerId, Func<int, int?> managerOf) =>
        personId == candidateManagerId || ManagersOf(personId, managerOf).Contains(candidateManagerId);
}
