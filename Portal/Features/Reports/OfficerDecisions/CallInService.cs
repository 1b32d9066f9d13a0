using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // who is asking, as the meeting rules see them
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Reports.OfficerDecisions;

/// <summary>
/// Call-in of executive decisions: members' requests within the period, the scrutiny committee's
/// outcome, urgency exemptions with the scrutiny chair's agreement, marking a decision implemented
/// once nothing stops it, and the council's call-in rules. Rights are in <see cref="OfficerDecisionAccess"/>.
/// </summary>
public sealed class CallInService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock)
{
    internal static async Task<CallInSettings> SettingsAsync(PortalDbContext db, CancellationToken ct) =>
        await db.CallInSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? CallInSettings.CreateDefault();

    /// <summary>Records a call-in request signed by <paramref name="memberIds"/>, today; refused after the period.</summary>
    public Task RequestAsync(int decisionId, IReadOnlyList<int> memberIds, string? reasons, CancellationToken ct) =>
        ChangeAsync(decisionId, r => r.CanRequestCallIn, "RequestCallIn", async (db, caller, decision) =>
        {
            ArgumentNullException.ThrowIfNull(memberIds);
            var members = memberIds.Distinct().ToList();
            var councillors = await db.People.AsNoTracking().Where(p => members.Contains(p.Id) && p.IsCouncillor && p.Id != decision.MakerId).CountAsync(ct);
            if (councillors != members.Count)
            {
                throw new DomainRuleException("CallIn.MembersAreCouncillors", "Choose the councillors who signed the request.", "Members");
            }

            if (!caller.IsProperOfficer && !members.Contains(caller.PersonId ?? 0))
            {
                throw new DomainRuleException("CallIn.SignYourself", "A councillor records a request they signed: include yourself.", "Members");
            }

            decision.RequestCallIn(clock.Today(), members, reasons, (await SettingsAsync(db, ct)).MembersNeeded);
        }, ct);

    /// <summary>The scrutiny committee's outcome of a request.</summary>
    public Task DecideAsync(int decisionId, int requestId, CallInOutcome outcome, DateOnly? decidedOn, string? note, CancellationToken ct) =>
        ChangeAsync(decisionId, r => r.CanManageCallIn, "ManageCallIn", (_, _, decision) =>
        {
            decision.DecideCallIn(requestId, outcome, decidedOn, note);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Exempts a decision from call-in as urgent, recording the scrutiny chair's agreement.</summary>
    public Task ExemptAsUrgentAsync(int decisionId, string? reason, string? agreedBy, DateOnly? agreedOn, CancellationToken ct) =>
        ChangeAsync(decisionId, r => r.CanManageCallIn, "ManageCallIn", (_, _, decision) =>
        {
            decision.ExemptAsUrgent(reason, agreedBy, agreedOn);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Marks a decision implemented today: refused while its call-in period runs or a request is outstanding.</summary>
    public Task MarkImplementedAsync(int decisionId, CancellationToken ct) =>
        ChangeAsync(decisionId, r => r.CanImplement, "ImplementOfficerDecision", (_, _, decision) =>
        {
            decision.MarkImplemented(clock.Today());
            return Task.CompletedTask;
        }, ct);

    /// <summary>Changes the council's call-in rules; administrators only. Decisions already published keep the period they were given.</summary>
    public async Task ChangeSettingsAsync(int? workingDays, int? membersNeeded, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        caller.DemandAdminister();
        var settings = await db.CallInSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = CallInSettings.CreateDefault();
            db.CallInSettings.Add(settings);
        }

        settings.Change(workingDays, membersNeeded);
        await db.SaveChangesAsync(ct);
        changes.Publish(new OfficerDecisionChanged(0));
    }

    private async Task ChangeAsync(
        int decisionId, Func<OfficerDecisionRights, bool> allowed, string operation, Func<PortalDbContext, MeetingCaller, OfficerDecision, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var decision = await db.OfficerDecisions.Include(d => d.Requests).SingleOrDefaultAsync(d => d.Id == decisionId, ct)
            ?? throw new KeyNotFoundException($"No decision {decisionId}.");
        if (!allowed(OfficerDecisionAccess.Rights(caller, decision, await OfficerDecisionAccess.IsCouncillorAsync(db, caller, ct))))
        {
            throw new AccessDeniedException(operation);
        }

        await change(db, caller, decision);
        await db.SaveChangesAsync(ct);
        changes.Publish(new OfficerDecisionChanged(decision.Id));
    }
}
