using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // who is asking, as the meeting rules see them: staff, a councillor's person, the proper officer
using Portal.Infrastructure.Security;

namespace Portal.Features.Reports.OfficerDecisions;

/// <summary>
/// Who may do what with officer and executive member decisions, kept simple and in one place:
/// <list type="bullet">
/// <item>anyone reads them; an exempt one in full only its maker, whoever recorded it, directors and the proper officer (the Monitoring Officer, or an administrator);</item>
/// <item>a decision is recorded by its maker (an officer for their own delegated decision, a councillor for their own executive member decision) or by the proper officer on their behalf;</item>
/// <item>the maker and the proper officer mark it implemented; a councillor who signs a call-in request records it, as may the proper officer;</item>
/// <item>the proper officer records the scrutiny committee's outcome and an urgency exemption with the scrutiny chair's agreement; administrators set the call-in rules.</item>
/// </list>
/// </summary>
internal static class OfficerDecisionAccess
{
    public static bool SeesExempt(MeetingCaller caller, OfficerDecision decision) =>
        caller.IsProperOfficer || caller.IsDirector || (caller.PersonId is int me && (me == decision.MakerId || me == decision.RecordedById));

    public static bool IsMaker(MeetingCaller caller, OfficerDecision decision) => caller.IsSignedIn && caller.PersonId == decision.MakerId;

    public static OfficerDecisionRights Rights(MeetingCaller caller, OfficerDecision decision, bool callerIsCouncillor) => new(
        CanAmend: caller.IsProperOfficer || IsMaker(caller, decision),
        CanImplement: caller.IsProperOfficer || IsMaker(caller, decision),
        CanRequestCallIn: caller.IsProperOfficer || (callerIsCouncillor && !IsMaker(caller, decision)),
        CanManageCallIn: caller.IsProperOfficer);

    /// <summary>Refuses a caller who may not record a decision for <paramref name="makerId"/>; checks the maker is the kind of person the decision says.</summary>
    public static async Task DemandMayRecordAsync(PortalDbContext db, MeetingCaller caller, DecisionMakerKind kind, int makerId, CancellationToken ct)
    {
        caller.DemandSignedIn();
        if (!caller.IsProperOfficer && (caller.PersonId != makerId || (kind == DecisionMakerKind.Officer && !caller.IsStaff)))
        {
            throw new AccessDeniedException("RecordOfficerDecision");
        }

        var maker = await db.People.AsNoTracking().Where(p => p.Id == makerId).Select(p => new { p.IsCouncillor }).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("OfficerDecision.MakerRequired", "Choose who took the decision.", nameof(OfficerDecision.MakerId));
        if (maker.IsCouncillor != (kind == DecisionMakerKind.ExecutiveMember))
        {
            throw new DomainRuleException(
                kind == DecisionMakerKind.ExecutiveMember ? "OfficerDecision.MakerNotCouncillor" : "OfficerDecision.MakerIsCouncillor",
                kind == DecisionMakerKind.ExecutiveMember ? "An executive member decision is taken by a councillor." : "An officer decision is taken by an officer, not a councillor.",
                nameof(OfficerDecision.MakerId));
        }
    }

    public static async Task<bool> IsCouncillorAsync(PortalDbContext db, MeetingCaller caller, CancellationToken ct) =>
        caller.PersonId is int me && caller.IsSignedIn && await db.People.AnyAsync(p => p.Id == me && p.IsCouncillor, ct);
}
