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
/// once nothing stops it, and the council's call-in rules. Its public operations are on officer and
/// executive member decisions (rights in <see cref="OfficerDecisionAccess"/>); the same rules serve the
/// decisions of executive meetings through <c>MeetingCallInService</c>, which finds the decision and its rights.
/// </summary>
public sealed class CallInService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock) : ICallInWrites
{
    internal static async Task<CallInSettings> SettingsAsync(PortalDbContext db, CancellationToken ct) =>
        await db.CallInSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? CallInSettings.CreateDefault();

    public Task RequestAsync(int decisionId, IReadOnlyList<int> memberIds, string? reasons, CancellationToken ct) => RequestAsync(Officer(decisionId), memberIds, reasons, ct);

    public Task DecideAsync(int decisionId, int requestId, CallInOutcome outcome, DateOnly? decidedOn, string? note, CancellationToken ct) =>
        DecideAsync(Officer(decisionId), requestId, outcome, decidedOn, note, ct);

    public Task ExemptAsUrgentAsync(int decisionId, string? reason, string? agreedBy, DateOnly? agreedOn, CancellationToken ct) =>
        ExemptAsUrgentAsync(Officer(decisionId), reason, agreedBy, agreedOn, ct);

    public Task MarkImplementedAsync(int decisionId, CancellationToken ct) => MarkImplementedAsync(Officer(decisionId), ct);

    /// <summary>Records a call-in request on the decision <paramref name="load"/> finds, signed by <paramref name="memberIds"/>, today; refused after the period.</summary>
    internal Task RequestAsync(CallInLoad load, IReadOnlyList<int> memberIds, string? reasons, CancellationToken ct) =>
        ChangeAsync(load, r => r.CanRequestCallIn, "RequestCallIn", async (db, caller, target) =>
        {
            ArgumentNullException.ThrowIfNull(memberIds);
            var members = memberIds.Distinct().ToList();
            var councillors = await db.People.AsNoTracking().Where(p => members.Contains(p.Id) && p.IsCouncillor && p.Id != target.MakerId).CountAsync(ct);
            if (councillors != members.Count)
            {
                throw new DomainRuleException("CallIn.MembersAreCouncillors", "Choose the councillors who signed the request.", "Members");
            }

            if (!caller.IsProperOfficer && !members.Contains(caller.PersonId ?? 0))
            {
                throw new DomainRuleException("CallIn.SignYourself", "A councillor records a request they signed: include yourself.", "Members");
            }

            target.Decision.RequestCallIn(clock.Today(), members, reasons, (await SettingsAsync(db, ct)).MembersNeeded);
        }, ct);

    internal Task DecideAsync(CallInLoad load, int requestId, CallInOutcome outcome, DateOnly? decidedOn, string? note, CancellationToken ct) =>
        ChangeAsync(load, r => r.CanManageCallIn, "ManageCallIn", (_, _, target) =>
        {
            target.Decision.DecideCallIn(requestId, outcome, decidedOn, note);
            return Task.CompletedTask;
        }, ct);

    internal Task ExemptAsUrgentAsync(CallInLoad load, string? reason, string? agreedBy, DateOnly? agreedOn, CancellationToken ct) =>
        ChangeAsync(load, r => r.CanManageCallIn, "ManageCallIn", (_, _, target) =>
        {
            target.Decision.ExemptAsUrgent(reason, agreedBy, agreedOn);
            return Task.CompletedTask;
        }, ct);

    internal Task MarkImplementedAsync(CallInLoad load, CancellationToken ct) =>
        ChangeAsync(load, r => r.CanImplement, null, (_, _, target) =>
        {
            target.Decision.MarkImplemented(clock.Today());
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

    /// <summary>An officer or executive member decision, tracked with its requests, and what the caller may do with it.</summary>
    private CallInLoad Officer(int decisionId) => async (db, caller, ct) =>
    {
        var decision = await db.OfficerDecisions.Include(d => d.Requests).SingleOrDefaultAsync(d => d.Id == decisionId, ct)
            ?? throw new KeyNotFoundException($"No decision {decisionId}.");
        var rights = OfficerDecisionAccess.Rights(caller, decision, await OfficerDecisionAccess.IsCouncillorAsync(db, caller, ct));
        return new CallInTarget(decision, rights.CallIn, decision.MakerId, "ImplementOfficerDecision", () => changes.Publish(new OfficerDecisionChanged(decision.Id)));
    };

    /// <summary>
    /// One change to a decision's call-in: <paramref name="operation"/> names a refusal (null: the target's own name for
    /// implementing it); the change is saved (and so audited) and told to open pages after the commit.
    /// </summary>
    private async Task ChangeAsync(CallInLoad load, Func<CallInRights, bool> allowed, string? operation, Func<PortalDbContext, MeetingCaller, CallInTarget, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var target = await load(db, caller, ct);
        if (!allowed(target.Rights))
        {
            throw new AccessDeniedException(operation ?? target.ImplementOperation);
        }

        await change(db, caller, target);
        await db.SaveChangesAsync(ct);
        target.Published();
    }
}

/// <summary>
/// A decision whose call-in is changing, as its kind's service found it: the decision (tracked, with its requests), what the
/// caller may do, who took it (they may not sign a request against it), the name of the right to implement it, and how open pages are told.
/// </summary>
internal sealed record CallInTarget(CallInSubject Decision, CallInRights Rights, int? MakerId, string ImplementOperation, Action Published);

/// <summary>Finds the decision a call-in change is about, refusing one the caller may not know exists.</summary>
internal delegate Task<CallInTarget> CallInLoad(PortalDbContext db, MeetingCaller caller, CancellationToken ct);
