using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Time;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Meetings;
using Portal.Features.Meetings.Calendar; // the register filters by the bodies the meetings calendar offers
using Portal.Features.Plans; // a decision links to the plan actions it creates or changes, shown as the plan allows
using Portal.Features.Search;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Reports;

public sealed record DecisionQuery(string? Body = null, int? Year = null);

/// <summary>
/// One row of the decision register. <see cref="Wording"/> is null, and <see cref="Dispensations"/> empty, for a decision on an
/// exempt report the reader may not see; <see cref="Links"/> are the plan actions and thread items the reader may read,
/// <see cref="HiddenLinks"/> how many more there are.
/// </summary>
public sealed record DecisionRow(
    int Id, DateOnly DecidedOn, string BodyName, int ReportId, string ReportReference, string ReportTitle, int RecommendationNumber,
    DecisionOutcome Outcome, string? Wording, bool IsExempt, int? ExemptParagraph, IReadOnlyList<DecisionLinkView> Links, int HiddenLinks,
    IReadOnlyList<DispensationView> Dispensations);

public sealed record DecisionRegister(IReadOnlyList<DecisionRow> Rows, IReadOnlyList<BodyChoice> Bodies, IReadOnlyList<int> Years);

public sealed record ForwardPlanRow(
    int Id, int Version, string Title, string BodyName, int BodyId, DateOnly DecisionDue, DateOnly NoticeGivenOn, int ClearDays, bool ShortNotice,
    string? Summary, int? PrivateParagraph, string? LeadOfficer, IReadOnlyList<(int Id, string Reference)> Reports);

public sealed record ForwardPlanView(IReadOnlyList<ForwardPlanRow> Entries, bool CanWrite, IReadOnlyList<NamedItem> Bodies, IReadOnlyList<NamedItem> People, int RequiredClearDays);

public sealed record ForwardPlanEdit(string? Title, int? BodyId, DateOnly? DecisionDue, string? Summary, int? PrivateParagraph, int? LeadOfficerId);

/// <summary>A decision linked to a plan action or golden-thread item, for that item's page.</summary>
public sealed record LinkedDecision(int ReportId, string ReportTitle, int RecommendationNumber, DateOnly DecidedOn, DecisionOutcome Outcome, string BodyName);

/// <summary>
/// Decisions on reports' recommendations (recorded by the body's secretary), the decision
/// register, the links from a decision to the plan actions and thread items it changes, and the
/// Forward Plan of key decisions with its 28-clear-day warning.
/// </summary>
public sealed class DecisionService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, PlanAccess plans, ChangeFeed changes, TimeProvider clock)
{
    /// <summary>Records (or amends) what was decided on one recommendation; returns the decision's version.</summary>
    public async Task<int> RecordAsync(int reportId, int recommendationId, DecisionEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var report = await ReportService.Full(db.Reports.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == reportId, ct) ?? throw new KeyNotFoundException($"No report {reportId}.");
        var bodies = await ReportService.BodiesAsync(db, ct);
        var rights = ReportService.Rights(report, caller, ReportService.Body(bodies, report.BodyId));
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
            db.Decisions.Add(decision);
        }
        else
        {
            await db.ExpectVersionAsync(decision, edit.Version, ct);
            decision.Amend(decidedOn, outcome, edit.Wording, edit.Reasons, edit.Alternatives, edit.Interests);
        }

        await db.SaveChangesAsync(ct);
        await SearchIndex.DecisionAsync(db, decision, report, ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        return decision.Version;
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
        var bodies = await ReportService.BodiesAsync(db, ct);
        // Only decisions the reader may read in full: that an exempt report's decision changed this item is part of what it decided.
        return decisions
            .Where(d => ReportService.Rights(reports[d.ReportId], caller, ReportService.Body(bodies, d.BodyId)) is { CanRead: true } rights
                && reports[d.ReportId].IsReadableBy(new ReportReader(rights.SeesExempt)))
            .Select(d => new LinkedDecision(
                d.ReportId, reports[d.ReportId].Title, reports[d.ReportId].Recommendations.Single(r => r.Id == d.RecommendationId).Number,
                d.DecidedOn, d.Outcome, ReportService.Body(bodies, d.BodyId)?.Name ?? string.Empty))
            .OrderByDescending(d => d.DecidedOn).ToList();
    }

    /// <summary>The decision register: every decision the reader may see, newest first.</summary>
    public async Task<DecisionRegister> RegisterAsync(DecisionQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = await ReportService.BodiesAsync(db, ct);
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Links).Include(d => d.Dispensations).AsSplitQuery()
            .OrderByDescending(d => d.DecidedOn).ThenBy(d => d.Id).ToListAsync(ct);
        var reportIds = decisions.Select(d => d.ReportId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Include(r => r.Recommendations).Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var links = await DecisionLinks.ReadAsync(db, await DecisionLinks.ReaderAsync(plans, caller, ct), decisions.SelectMany(d => d.Links).Select(l => (l.Target, l.TargetId)), ct);
        var visible = decisions
            .Select(d => (Decision: d, Report: reports[d.ReportId], Body: ReportService.Body(bodies, d.BodyId)))
            .Select(x => (x.Decision, x.Report, x.Body, Rights: ReportService.Rights(x.Report, caller, x.Body)))
            .Where(x => x.Rights.CanRead)
            .ToList();
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
                    withheld ? [] : x.Decision.Dispensations.OrderBy(d => d.GrantedOn).ThenBy(d => d.Id).Select(DispensationView.Of).ToList());
            })
            .ToList();
        var choices = visible.Where(x => x.Body is not null).Select(x => x.Body!).DistinctBy(b => b.Id).OrderBy(b => b.Name)
            .Select(b => new BodyChoice(b.Slug, b.Name)).ToList();
        return new DecisionRegister(rows, choices, years);
    }

    public async Task<ForwardPlanView> ForwardPlanAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = (await MeetingAccess.VisibleBodiesAsync(db, caller, ct)).ToDictionary(b => b.Id);
        var names = await db.PeopleNamesAsync(ct);
        var ids = bodies.Keys.ToList();
        var entries = await db.ForwardPlan.AsNoTracking().Where(e => ids.Contains(e.BodyId)).OrderBy(e => e.DecisionDue).ToListAsync(ct);
        var entryIds = entries.Select(e => e.Id).ToList();
        var reports = (await db.Reports.AsNoTracking().Where(r => r.ForwardPlanEntryId != null && entryIds.Contains(r.ForwardPlanEntryId.Value))
            .Select(r => new { r.Id, r.Reference, r.ForwardPlanEntryId, r.Status }).ToListAsync(ct))
            .Where(r => r.Status == ReportStatus.Published || caller.IsStaff)
            .ToLookup(r => r.ForwardPlanEntryId!.Value);
        var rows = entries.Select(e => new ForwardPlanRow(
            e.Id, e.Version, e.Title, bodies[e.BodyId].Name, e.BodyId, e.DecisionDue, e.NoticeGivenOn, e.NoticeClearDays(), e.IsShortNotice(),
            e.Summary, e.PrivateParagraph, e.LeadOfficerId is int lead ? names.GetValueOrDefault(lead) : null,
            reports[e.Id].Select(r => (r.Id, r.Reference)).ToList())).ToList();
        return new ForwardPlanView(
            rows, caller.IsStaff,
            caller.IsStaff ? bodies.Values.OrderBy(b => b.Name).Select(b => new NamedItem(b.Id, b.Name)).ToList() : [],
            caller.IsStaff ? names.OrderBy(n => n.Value).Select(n => new NamedItem(n.Key, n.Value)).ToList() : [],
            ForwardPlanEntry.RequiredClearDays);
    }

    /// <summary>Puts a key decision on the Forward Plan, with notice given today; officers only.</summary>
    public async Task<int> GiveNoticeAsync(ForwardPlanEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        if (!caller.IsStaff)
        {
            throw new AccessDeniedException("WriteForwardPlan");
        }

        if (edit.BodyId is not int bodyId || !await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            throw new DomainRuleException("ForwardPlan.BodyRequired", "Choose who will take the decision.", nameof(ForwardPlanEntry.BodyId));
        }

        var entry = ForwardPlanEntry.Give(edit.Title, bodyId, edit.DecisionDue, clock.Today(), edit.Summary, edit.PrivateParagraph, edit.LeadOfficerId);
        db.ForwardPlan.Add(entry);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ForwardPlanChanged(entry.Id));
        return entry.Id;
    }

    /// <summary>A change to a decision's links or dispensations by whoever may decide on its report; <paramref name="operation"/> names a refusal.</summary>
    private async Task ChangeDecisionAsync(int decisionId, string operation, Func<PortalDbContext, MeetingCaller, Decision, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var decision = await db.Decisions.Include(d => d.Links).Include(d => d.Dispensations).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == decisionId, ct)
            ?? throw new KeyNotFoundException($"No decision {decisionId}.");
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == decision.ReportId, ct);
        var rights = ReportService.Rights(report, caller, ReportService.Body(await ReportService.BodiesAsync(db, ct), report.BodyId));
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

public sealed record ForwardPlanChanged(int EntryId);
