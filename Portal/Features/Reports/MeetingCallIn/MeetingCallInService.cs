using Microsoft.EntityFrameworkCore;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // who is asking, as the meeting rules see them
using Portal.Features.Reports.OfficerDecisions; // the call-in rules and their writes are shared with officer and executive member decisions
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Reports.MeetingCallIn;

/// <summary>
/// Call-in of decisions taken at an executive body's meeting: the same requests, outcomes, urgency exemptions and
/// implementation as an executive member's decision (<see cref="CallInService"/> applies the rules), on a decision
/// the caller may read through its report. Rights are in <see cref="MeetingCallInAccess"/>.
/// </summary>
public sealed class MeetingCallInService(CallInService callIn, ChangeFeed changes) : ICallInWrites
{
    public Task RequestAsync(int decisionId, IReadOnlyList<int> memberIds, string? reasons, CancellationToken ct) => callIn.RequestAsync(Meeting(decisionId), memberIds, reasons, ct);

    public Task DecideAsync(int decisionId, int requestId, CallInOutcome outcome, DateOnly? decidedOn, string? note, CancellationToken ct) =>
        callIn.DecideAsync(Meeting(decisionId), requestId, outcome, decidedOn, note, ct);

    public Task ExemptAsUrgentAsync(int decisionId, string? reason, string? agreedBy, DateOnly? agreedOn, CancellationToken ct) =>
        callIn.ExemptAsUrgentAsync(Meeting(decisionId), reason, agreedBy, agreedOn, ct);

    public Task MarkImplementedAsync(int decisionId, CancellationToken ct) => callIn.MarkImplementedAsync(Meeting(decisionId), ct);

    /// <summary>A meeting's decision, tracked with its requests: hidden from a caller who may not read its report, as the report is.</summary>
    private CallInLoad Meeting(int decisionId) => async (db, caller, ct) =>
    {
        var decision = await db.Decisions.Include(d => d.Requests).SingleOrDefaultAsync(d => d.Id == decisionId, ct)
            ?? throw new KeyNotFoundException($"No decision {decisionId}.");
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == decision.ReportId, ct);
        var rights = ReportAccess.Rights(report, caller, ReportAccess.Body(await ReportAccess.BodiesAsync(db, ct), report.BodyId));
        if (!rights.CanRead)
        {
            throw new KeyNotFoundException($"No decision {decisionId}.");
        }

        var callInRights = MeetingCallInAccess.Rights(caller, rights, await OfficerDecisionAccess.IsCouncillorAsync(db, caller, ct));
        return new CallInTarget(decision, callInRights, null, "ImplementDecision", () => changes.Publish(new ReportChanged(report.Id, report.MeetingId)));
    };
}
