using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Features.Meetings.Calendar; // the register filters by the bodies the meetings calendar offers
using Portal.Features.Plans; // a decision links to the plan actions it creates or changes, shown as the plan allows
using Portal.Features.Search; // a published or released report, and its decisions, are filed for search
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Reports.Decisions;

/// <summary>
/// Decisions on reports' recommendations (recorded by the body's secretary), the decision
/// register, and the links from a decision to the plan actions and thread items it changes.
/// </summary>
public sealed class DecisionService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, PlanAccess plans, ChangeFeed changes, TimeProvider clock)
{
    /// <summary>Records (or amends) what was decided on one recommendation; returns the decision's version.</summary>
    public async Task<int> RecordAsync(int reportId, int recommendationId, DecisionEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var report = await ReportAccess.Full(db.Reports.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == reportId, ct) ?? throw new KeyNotFoundException($"No report {reportId}.");
        var bodies = await ReportAccess.BodiesAsync(db, ct);
        var rights = ReportAccess.Rights(report, caller, ReportAccess.Body(bodies, report.BodyId));
        if (!rights.CanRead)
        {
            throw new KeyNotFoundException($"No report {reportId}.");
        }

        if (!rights.CanDecide)
        {
            throw new AccessDeniedException("RecordDecision");
        }

        // Who may decide is answered before what they sent is checked: a refusal says nothing about the input.
        if (edit.Outcome is not DecisionOutcome outcome)
        {
            throw new DomainRuleException("Decision.OutcomeRequired", "Choose the outcome.", nameof(Decision.Outcome));
        }

        if (edit.DecidedOn is not DateOnly decidedOn)
        {
            throw new DomainRuleException("Decision.DateRequired", "Enter the date of the decision.", nameof(Decision.DecidedOn));
        }

        var recommendation = report.Recommendations.SingleOrDefault(r => r.Id == recommendationId)
            ?? throw new DomainRuleException("Report.NoSuchRecommendation", "That recommendation is no longer in the report.", nameof(Decision.Wording));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decision = await db.Decisions.Include(d => d.Dispensations).SingleOrDefaultAsync(d => d.RecommendationId == recommendationId, ct);
        if (decision is null)
        {
            decision = Decision.Record(report, recommendation, decidedOn, outcome, edit.Wording, edit.Reasons, edit.Alternatives, edit.Interests);
            // Published as recorded: an executive body's decision is subject to call-in from today.
            decision.Publish(
                clock.Today(), MeetingCallIn.MeetingCallInAccess.IsExecutive(ReportAccess.Body(bodies, report.BodyId)),
                await OfficerDecisions.CallInService.SettingsAsync(db, ct), (await db.SettingsAsync(ct)).Holidays);
            db.Decisions.Add(decision);
        }
        else
        {
            await db.ExpectVersionAsync(decision, edit.Version, ct);
            decision.Amend(decidedOn, outcome, edit.Wording, edit.Reasons, edit.Alternatives, edit.Interests);
        }

        decision.DecidedBy(edit.VoteId is int voteId ? await VoteOnAsync(db, report, voteId, ct) : null);

        await db.SaveChangesAsync(ct);
        await SearchIndex.DecisionAsync(db, decision, report, ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        return decision.Version;
    }

    /// <summary>
    /// The vote a decision on <paramref name="report"/> may record: one taken on the report's own
    /// agenda item, or, for a report with no item, one on an item the public may read. A vote on a
    /// private item (or one taking an exempt report) never decides an open report's decision, so its
    /// result and names cannot reach the register through it, whatever the page offered.
    /// </summary>
    private static async Task<Vote> VoteOnAsync(PortalDbContext db, Report report, int voteId, CancellationToken ct)
    {
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        var allowed = vote is not null && (report.AgendaItemId is int item
            ? vote.AgendaItemId == item
            : !await db.AgendaItems.AsNoTracking().AnyAsync(a => a.Id == vote.AgendaItemId && a.IsPrivate, ct));
        return allowed ? vote! : throw new DomainRuleException("Decision.VoteElsewhere", "Choose a vote taken at the meeting that made the decision.", nameof(Decision.VoteId));
    }

    public Task LinkAsync(int decisionId, DecisionTarget target, int targetId, CancellationToken ct) =>
        ChangeDecisionAsync(decisionId, "LinkDecision", async (db, caller, decision) =>
        {
            // Only to something the secretary may read: what they could not choose from the list, they cannot link by its id.
            var readable = await DecisionLinks.ReadAsync(db, await DecisionLinks.ReaderAsync(plans, caller, ct), [(target, targetId)], ct);
            if (!readable.MayRead(target, targetId))
            {
                throw new DomainRuleException("Decision.LinkTargetUnknown", "Choose the action or thread item from the list.", nameof(Decision.Links));
            }

            decision.Link(target, targetId);
        }, ct);

    public Task UnlinkAsync(int decisionId, DecisionTarget target, int targetId, CancellationToken ct) =>
        ChangeDecisionAsync(decisionId, "LinkDecision", (_, _, decision) =>
        {
            decision.Unlink(target, targetId);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Notes on the record of decision a dispensation granted to a member who declared an interest (SI 2012/2089 reg. 12(2)(e)).</summary>
    public Task RecordDispensationAsync(int decisionId, DispensationEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return ChangeDecisionAsync(decisionId, "RecordDecision", (_, _, decision) =>
        {
            decision.RecordDispensation(edit.GrantedTo, edit.GrantedBy, edit.GrantedOn, edit.Scope);
            return Task.CompletedTask;
        }, ct);
    }

    public Task RemoveDispensationAsync(int decisionId, int dispensationId, CancellationToken ct) =>
        ChangeDecisionAsync(decisionId, "RecordDecision", (_, _, decision) =>
        {
            decision.RemoveDispensation(dispensationId);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The plan actions and thread items a decision can be linked to: those the caller may read.</summary>
    public async Task<(IReadOnlyList<NamedItem> Actions, IReadOnlyList<NamedItem> ThreadItems)> LinkChoicesAsync(CancellationToken ct)
    {
        // Plan actions and thread items are for those signed in, and a plan action for those who may read its plan.
        var caller = await access.CallerAsync(ct);
        caller.DemandSignedIn();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actions = await db.Actions.AsNoTracking().OrderBy(a => a.Title).Select(a => new NamedItem(a.Id, a.Title)).ToListAsync(ct);
        var items = await db.ThreadItems.AsNoTracking().OrderBy(i => i.Title).Select(i => new NamedItem(i.Id, i.Title)).ToListAsync(ct);
        var readable = await DecisionLinks.ReadAsync(
            db, await DecisionLinks.ReaderAsync(plans, caller, ct),
            actions.Select(a => (DecisionTarget.KeyAction, a.Id)).Concat(items.Select(i => (DecisionTarget.ThreadItem, i.Id))), ct);
        return (actions.Where(a => readable.MayRead(DecisionTarget.KeyAction, a.Id)).ToList(), items.Where(i => readable.MayRead(DecisionTarget.ThreadItem, i.Id)).ToList());
    }

    /// <summary>The decisions that created or changed a plan action or thread item, for its page.</summary>
    public async Task<IReadOnlyList<LinkedDecision>> LinkedToAsync(DecisionTarget target, int targetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.Links.Any(l => l.Target == target && l.TargetId == targetId)).ToListAsync(ct);
        var reportIds = decisions.Select(d => d.ReportId).ToList();
        var reports = await db.Reports.AsNoTracking().Include(r => r.Recommendations).Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var bodies = await ReportAccess.BodiesAsync(db, ct);
        // Only decisions the reader may read in full: that an exempt report's decision changed this item is part of what it decided.
        return decisions
            .Where(d => ReportAccess.Rights(reports[d.ReportId], caller, ReportAccess.Body(bodies, d.BodyId)) is { CanRead: true } rights
                && reports[d.ReportId].IsReadableBy(new ReportReader(rights.SeesExempt)))
            .Select(d => new LinkedDecision(
                d.ReportId, reports[d.ReportId].Title, reports[d.ReportId].Recommendations.Single(r => r.Id == d.RecommendationId).Number,
                d.DecidedOn, d.Outcome, ReportAccess.Body(bodies, d.BodyId)?.Name ?? string.Empty))
            .OrderByDescending(d => d.DecidedOn).ToList();
    }

    /// <summary>The decision register: every decision the reader may see, newest first.</summary>
    public async Task<DecisionRegister> RegisterAsync(DecisionQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = await ReportAccess.BodiesAsync(db, ct);
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Links).Include(d => d.Dispensations).Include(d => d.Requests).AsSplitQuery()
            .OrderByDescending(d => d.DecidedOn).ThenBy(d => d.Id).ToListAsync(ct);
        var reportIds = decisions.Select(d => d.ReportId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Include(r => r.Recommendations).Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var links = await DecisionLinks.ReadAsync(db, await DecisionLinks.ReaderAsync(plans, caller, ct), decisions.SelectMany(d => d.Links).Select(l => (l.Target, l.TargetId)), ct);
        var visible = decisions
            .Select(d => (Decision: d, Report: reports[d.ReportId], Body: ReportAccess.Body(bodies, d.BodyId)))
            .Select(x => (x.Decision, x.Report, x.Body, Rights: ReportAccess.Rights(x.Report, caller, x.Body)))
            .Where(x => x.Rights.CanRead)
            .ToList();
        var votes = await DecisionVotes.ReadAsync(db, visible.Select(x => x.Decision), ct);
        var today = clock.Today();
        var years = visible.Select(x => x.Decision.DecidedOn.Year).Distinct().OrderDescending().ToList();
        var rows = visible
            .Where(x => query.Body is null || x.Body?.Slug == query.Body)
            .Where(x => query.Year is null || x.Decision.DecidedOn.Year == query.Year)
            .Select(x =>
            {
                var withheld = !x.Report.IsReadableBy(new ReportReader(x.Rights.SeesExempt));
                return new DecisionRow(
                    x.Decision.Id, x.Decision.DecidedOn, x.Body?.Name ?? string.Empty, x.Report.Id, x.Report.Reference, x.Report.Title,
                    x.Report.Recommendations.Single(r => r.Id == x.Decision.RecommendationId).Number, x.Decision.Outcome,
                    withheld ? null : x.Decision.Wording, x.Report.IsExempt, x.Report.ExemptParagraph,
                    links.Shown(x.Decision, withheld), links.Hidden(x.Decision, withheld),
                    withheld ? [] : x.Decision.Dispensations.OrderBy(d => d.GrantedOn).ThenBy(d => d.Id).Select(DispensationView.Of).ToList(),
                    DecisionVotes.Of(votes, x.Decision, withheld),
                    OfficerDecisions.CallInView.StateOf(x.Decision, today), x.Decision.CallInEndsOn, x.Decision.ImplementedOn);
            })
            .ToList();
        var choices = visible.Where(x => x.Body is not null).Select(x => x.Body!).DistinctBy(b => b.Id).OrderBy(b => b.Name)
            .Select(b => new BodyChoice(b.Slug, b.Name)).ToList();
        return new DecisionRegister(rows, choices, years);
    }

    /// <summary>A change to a decision's links or dispensations by whoever may decide on its report; <paramref name="operation"/> names a refusal.</summary>
    private async Task ChangeDecisionAsync(int decisionId, string operation, Func<PortalDbContext, MeetingCaller, Decision, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var decision = await db.Decisions.Include(d => d.Links).Include(d => d.Dispensations).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == decisionId, ct)
            ?? throw new KeyNotFoundException($"No decision {decisionId}.");
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == decision.ReportId, ct);
        var rights = ReportAccess.Rights(report, caller, ReportAccess.Body(await ReportAccess.BodiesAsync(db, ct), report.BodyId));
        if (!rights.CanRead)
        {
            throw new KeyNotFoundException($"No decision {decisionId}.");
        }

        if (!rights.CanDecide)
        {
            throw new AccessDeniedException(operation);
        }

        await change(db, caller, decision);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
    }
}
