namespace Portal.Domain.Plans;

/// <summary>
/// The annual revision: closes a plan's open year and carries what continues into the next.
/// Unfinished actions and open risks are copied as new items that point back to the year
/// before; the closed year's items, updates and figures stay exactly as they were reported.
/// </summary>
public static class PlanRollover
{
    public static RolledYear Roll(DirectoratePlan plan, IEnumerable<KeyAction> openYearActions, IEnumerable<Risk> openYearRisks)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(openYearActions);
        ArgumentNullException.ThrowIfNull(openYearRisks);
        var closing = plan.OpenYear;
        var actions = openYearActions.Where(a => a.PlanId == plan.Id && a.Year == closing).ToList();
        var risks = openYearRisks.Where(r => r.PlanId == plan.Id && r.Year == closing).ToList();
        plan.RollForward();
        return new RolledYear(
            closing,
            plan.OpenYear,
            actions.Where(a => a.Continues).Select(a => a.ContinueInto(plan.OpenYear)).ToList(),
            risks.Where(r => !r.IsClosed).Select(r => r.ContinueInto(plan.OpenYear)).ToList());
    }
}

/// <summary>What a roll-forward did: the year it closed, the year it opened, and the items carried into it.</summary>
public sealed record RolledYear(int ClosedYear, int OpenedYear, IReadOnlyList<KeyAction> Actions, IReadOnlyList<Risk> Risks);
