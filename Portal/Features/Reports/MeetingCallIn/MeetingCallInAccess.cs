using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // who is asking, as the meeting rules see them
using Portal.Features.Reports.OfficerDecisions; // the call-in view and rights are shared with officer and executive member decisions

namespace Portal.Features.Reports.MeetingCallIn;

/// <summary>
/// Call-in of a decision taken at a meeting, mirroring an executive member's decision: a decision is subject to it when
/// taken by an executive body in England (Swedish bodies have no call-in); whoever may read its report sees its period and
/// state; any councillor (or the proper officer) records a request they signed; the proper officer records the scrutiny
/// committee's outcome and an urgency exemption; whoever records the body's decisions (or the proper officer) marks it
/// implemented. A decision withheld from the reader (an exempt report) shows its state and dates, never the reasons given.
/// </summary>
internal static class MeetingCallInAccess
{
    public static bool IsExecutive(Body? body) => body is { Kind: BodyKind.ExecutiveSession, Regime: Regime.England };

    public static CallInRights Rights(MeetingCaller caller, ReportRights report, bool callerIsCouncillor) => new(
        CanImplement: caller.IsProperOfficer || report.CanDecide,
        CanRequestCallIn: caller.IsProperOfficer || callerIsCouncillor,
        CanManageCallIn: caller.IsProperOfficer);

    /// <summary>Reads what the call-in views of <paramref name="decisions"/> need, once for a page.</summary>
    public static async Task<Func<Decision, ReportRights, bool, CallInView?>> ViewsAsync(
        PortalDbContext db, MeetingCaller caller, IEnumerable<Decision> decisions, DateOnly today, CancellationToken ct)
    {
        if (!decisions.Any(d => d.SubjectToCallIn))
        {
            return (_, _, _) => null;
        }

        var names = await db.PeopleNamesAsync(ct);
        var settings = await CallInService.SettingsAsync(db, ct);
        var councillor = await OfficerDecisionAccess.IsCouncillorAsync(db, caller, ct);
        IReadOnlyList<NamedItem> councillors = councillor || caller.IsProperOfficer
            ? await db.People.AsNoTracking().Where(p => p.IsCouncillor).OrderBy(p => p.DisplayName).Select(p => new NamedItem(p.Id, p.DisplayName)).ToListAsync(ct)
            : [];
        return (decision, report, withheld) => decision.SubjectToCallIn
            ? CallInView.Of(CallInOf.MeetingDecision, decision, today, names, withheld, Rights(caller, report, councillor), settings.MembersNeeded, councillors)
            : null;
    }
}
