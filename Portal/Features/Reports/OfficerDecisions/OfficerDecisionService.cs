using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // who is asking, and the council's holidays, come from the meeting rules
using Portal.Features.Search; // a decision is filed for search as it is published
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Reports.OfficerDecisions;

/// <summary>
/// Officer and individual executive member decisions (SI 2012/2089 reg. 13): recorded and published by
/// their maker or the proper officer, read by anyone (an exempt one withheld as an exempt report is),
/// listed in the decision register beside the decisions taken at meetings. Rights are in <see cref="OfficerDecisionAccess"/>.
/// </summary>
public sealed class OfficerDecisionService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock)
{
    /// <summary>The officer and executive member decisions for the register, newest first, filtered by kind and year.</summary>
    public async Task<IReadOnlyList<OfficerDecisionRow>> RegisterAsync(DecisionKindFilter kind, int? year, CancellationToken ct)
    {
        if (kind == DecisionKindFilter.Meeting)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var query = db.OfficerDecisions.AsNoTracking().Include(d => d.Requests).AsQueryable();
        if (kind != DecisionKindFilter.All)
        {
            var maker = kind == DecisionKindFilter.Officer ? DecisionMakerKind.Officer : DecisionMakerKind.ExecutiveMember;
            query = query.Where(d => d.MakerKind == maker);
        }

        if (year is int y)
        {
            query = query.Where(d => d.DecidedOn >= new DateOnly(y, 1, 1) && d.DecidedOn <= new DateOnly(y, 12, 31));
        }

        var decisions = await query.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Id).ToListAsync(ct);
        var names = await db.PeopleNamesAsync(ct);
        var today = clock.Today();
        return decisions.Select(d => new OfficerDecisionRow(
            d.Id, d.DecidedOn, d.MakerKind, names.GetValueOrDefault(d.MakerId) ?? string.Empty, d.Title,
            d.IsExempt && !OfficerDecisionAccess.SeesExempt(caller, d) ? null : d.DecisionText, d.ExemptParagraph,
            CallInView.StateOf(d, today), d.CallInEndsOn, d.ImplementedOn)).ToList();
    }

    public async Task<OfficerDecisionView> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var d = await db.OfficerDecisions.AsNoTracking().Include(x => x.Requests).Include(x => x.Amendments).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException($"No decision {id}.");
        var names = await db.PeopleNamesAsync(ct);
        var maker = await db.People.AsNoTracking().Where(p => p.Id == d.MakerId).Select(p => p.JobTitle).SingleOrDefaultAsync(ct);
        var settings = await CallInService.SettingsAsync(db, ct);
        var rights = OfficerDecisionAccess.Rights(caller, d, await OfficerDecisionAccess.IsCouncillorAsync(db, caller, ct));
        var councillors = rights.CanRequestCallIn
            ? await db.People.AsNoTracking().Where(p => p.IsCouncillor && p.Id != d.MakerId).OrderBy(p => p.DisplayName).Select(p => new NamedItem(p.Id, p.DisplayName)).ToListAsync(ct)
            : [];
        var withheld = d.IsExempt && !OfficerDecisionAccess.SeesExempt(caller, d);
        string? Shown(string? text) => withheld ? null : text;
        return new OfficerDecisionView(
            d.Id, d.Version, d.Title, d.MakerKind, d.MakerId, names.GetValueOrDefault(d.MakerId) ?? string.Empty, maker, d.DecidedOn, d.PublishedOn,
            withheld, d.ExemptParagraph, Shown(d.Delegation), Shown(d.DecisionText), Shown(d.Reasons), Shown(d.Alternatives), Shown(d.Interests),
            Shown(d.Dispensations), Shown(d.BackgroundPapers), d.IsKeyDecision, d.SubjectToCallIn, CallInView.StateOf(d, clock.Today()), d.CallInEndsOn,
            Shown(d.UrgencyReason), d.UrgencyAgreedBy, d.UrgencyAgreedOn, d.ImplementedOn,
            CallInView.RequestsOf(d, names, withheld),
            rights, settings.MembersNeeded, councillors,
            d.Amendments.OrderByDescending(a => a.Number).Select(a => Amendment(a, caller, d, names)).ToList());
    }

    // Each earlier version is withheld by its own exemption as well as the decision's: a decision
    // published exempt and later opened keeps its exempt wording (and the reason for the change) withheld.
    private static OfficerDecisionAmendmentView Amendment(OfficerDecisionAmendment a, MeetingCaller caller, OfficerDecision d, IReadOnlyDictionary<int, string> names)
    {
        var hidden = (d.IsExempt || a.ExemptParagraph is not null) && !OfficerDecisionAccess.SeesExempt(caller, d);
        string? Shown(string? text) => hidden ? null : text;
        return new OfficerDecisionAmendmentView(
            a.Number, a.AmendedOn, a.AmendedBy, Shown(a.Reason), a.Title, names.GetValueOrDefault(a.MakerId) ?? string.Empty, a.DecidedOn,
            Shown(a.Delegation), Shown(a.DecisionText), Shown(a.Reasons));
    }

    /// <summary>Whom the caller may record a decision for: themselves (an officer, or a councillor), or anyone for the proper officer.</summary>
    public async Task<OfficerDecisionChoices> ChoicesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        caller.DemandSignedIn();
        var people = await db.People.AsNoTracking()
            .Where(p => caller.IsProperOfficer || p.Id == caller.PersonId)
            .OrderBy(p => p.DisplayName).Select(p => new { p.Id, p.DisplayName, p.IsCouncillor }).ToListAsync(ct);
        var settings = await CallInService.SettingsAsync(db, ct);
        return new OfficerDecisionChoices(
            people.Where(p => !p.IsCouncillor && (caller.IsProperOfficer || caller.IsStaff)).Select(p => new NamedItem(p.Id, p.DisplayName)).ToList(),
            people.Where(p => p.IsCouncillor).Select(p => new NamedItem(p.Id, p.DisplayName)).ToList(),
            settings.WorkingDays, settings.MembersNeeded, caller.IsAdministrator);
    }

    /// <summary>Records and publishes a decision; its call-in period (if subject to call-in) starts today. Returns its id.</summary>
    public async Task<int> RecordAsync(OfficerDecisionText text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        await OfficerDecisionAccess.DemandMayRecordAsync(db, caller, text.MakerKind, text.MakerId, ct);
        var settings = await CallInService.SettingsAsync(db, ct);
        var decision = OfficerDecision.Record(text, caller.PersonId ?? text.MakerId, clock.Today(), settings, (await db.SettingsAsync(ct)).Holidays);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.OfficerDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        await SearchIndex.OfficerDecisionAsync(db, decision, ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new OfficerDecisionChanged(decision.Id));
        return decision.Id;
    }

    /// <summary>Amends a published decision's record, at the version the form loaded, saying why; the version it replaces is kept and shown.</summary>
    public async Task AmendAsync(int id, int version, OfficerDecisionText text, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var decision = await db.OfficerDecisions.Include(d => d.Amendments).SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new KeyNotFoundException($"No decision {id}.");
        if (!OfficerDecisionAccess.Rights(caller, decision, callerIsCouncillor: false).CanAmend)
        {
            throw new Infrastructure.Security.AccessDeniedException("RecordOfficerDecision");
        }

        await OfficerDecisionAccess.DemandMayRecordAsync(db, caller, text.MakerKind, text.MakerId, ct);
        await db.ExpectVersionAsync(decision, version, ct);
        var by = caller.PersonId is int me ? await db.People.Where(p => p.Id == me).Select(p => p.DisplayName).SingleOrDefaultAsync(ct) : null;
        decision.AmendPublished(text, reason, by ?? "?", clock.Today());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await SearchIndex.OfficerDecisionAsync(db, decision, ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new OfficerDecisionChanged(decision.Id));
    }
}
