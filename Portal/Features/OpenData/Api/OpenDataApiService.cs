using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Features.Meetings; // the protokoll's dates follow the council's holidays, from the meeting settings
using Portal.Features.Reports.Decisions; // the decision register, as the public reads it
using Portal.Features.Reports.ForwardPlan; // the Forward Plan, as the public reads it
using Portal.Features.Reports.OfficerDecisions; // officer and executive member decisions, as the public reads them
using Portal.Infrastructure;

namespace Portal.Features.OpenData.Api;

/// <summary>A request for a page of <c>/api/v1</c>: one body (by its address name), a date range, and which page.</summary>
public sealed record ApiQuery(string? Body, DateOnly? From, DateOnly? To, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The query from its text, or null with the problem in words when a date or number cannot be read.</summary>
    public static ApiQuery? Of(string? body, string? from, string? to, string? page, string? pageSize, out string? problem)
    {
        problem = null;
        DateOnly? Date(string name, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                return date;
            }

            throw new FormatException($"{name} must be a date as yyyy-mm-dd.");
        }

        int? Number(string name, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw new FormatException($"{name} must be a whole number from 1.");
        }

        try
        {
            return new(string.IsNullOrWhiteSpace(body) ? null : body.Trim(), Date("from", from), Date("to", to),
                Number("page", page) ?? 1, Math.Min(Number("pageSize", pageSize) ?? DefaultPageSize, MaxPageSize));
        }
        catch (FormatException bad)
        {
            problem = bad.Message;
            return null;
        }
    }

    public bool Covers(DateOnly date) => (From is not DateOnly f || date >= f) && (To is not DateOnly t || date <= t);
}

/// <summary>
/// What OParl does not carry, read-only under <c>/api/v1</c>: the Forward Plan, the decision
/// register with each decision's reasons and links, officer and executive member decisions, and
/// Swedish protokoll dates. The first three are read through the services their public pages use
/// (<see cref="ForwardPlanService"/>, <see cref="DecisionService"/>, <see cref="OfficerDecisionService"/>),
/// which the endpoints call as an anonymous visitor, so an exempt decision is withheld as there; the
/// protokoll dates are the meeting page's, for the Swedish bodies the public sees.
/// </summary>
public sealed class OpenDataApiService(
    IDbContextFactory<PortalDbContext> dbFactory, ForwardPlanService forwardPlan, DecisionService decisions, OfficerDecisionService officerDecisions, PublicAddress site)
{
    public async Task<ApiPage<ForwardPlanItem>> ForwardPlanAsync(ApiQuery query, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = await forwardPlan.ForwardPlanAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bodies = await Visitor.BodiesAsync(db, ct);
        var rows = plan.Entries
            .Where(e => bodies.ContainsKey(e.BodyId) && (query.Body is null || bodies[e.BodyId].Slug == query.Body) && query.Covers(e.DecisionDue))
            .OrderBy(e => e.DecisionDue).ThenBy(e => e.Id)
            .Select(e => new ForwardPlanItem(
                e.Id, e.Title, e.BodyName, e.DecisionDue, e.NoticeGivenOn, e.ClearDays, e.ShortNotice, e.Summary, e.PrivateParagraph, e.LeadOfficer,
                e.Reports.Select(r => site.Link($"reports/{r.Id}").ToString()).ToList()))
            .ToList();
        return Page(rows, query, path);
    }

    public async Task<ApiPage<DecisionItem>> DecisionsAsync(ApiQuery query, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var register = await decisions.RegisterAsync(new DecisionQuery(query.Body), ct);
        var rows = register.Rows.Where(r => query.Covers(r.DecidedOn)).ToList();

        // The register leaves out an exempt report's wording; its reasons go with it.
        var open = rows.Where(r => r.Wording is not null).Select(r => r.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reasons = await db.Decisions.AsNoTracking().Where(d => open.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Reasons, ct);
        var items = rows.Select(r => new DecisionItem(
                r.Id, r.DecidedOn, r.BodyName, r.ReportId, r.ReportReference, r.ReportTitle, r.RecommendationNumber, r.Outcome.ToString(),
                r.Wording, reasons.GetValueOrDefault(r.Id), r.IsExempt, r.ExemptParagraph,
                r.Links.Select(l => new DecisionLinkItem(l.Target.ToString(), l.Name, site.Link(l.Url).ToString())).ToList(), r.HiddenLinks,
                site.Link($"reports/{r.ReportId}").ToString(), site.Link($"{OParl.OParlLinks.Root}paper/{r.ReportId}").ToString()))
            .ToList();
        return Page(items, query, path);
    }

    public async Task<ApiPage<OfficerDecisionItem>> OfficerDecisionsAsync(ApiQuery query, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = (await officerDecisions.RegisterAsync(DecisionKindFilter.All, null, ct)).Where(r => query.Covers(r.DecidedOn)).ToList();

        // The register withholds an exempt decision's text from the visitor: the rest of its record goes with it.
        var open = rows.Where(r => r.Decision is not null).Select(r => r.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var records = await db.OfficerDecisions.AsNoTracking().Where(d => rows.Select(r => r.Id).Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var items = rows.Select(r =>
        {
            var d = records[r.Id];
            var shown = open.Contains(r.Id);
            return new OfficerDecisionItem(
                r.Id, r.DecidedOn, d.PublishedOn, r.MakerKind.ToString(), r.MakerName, r.Title, r.ExemptParagraph is not null, r.ExemptParagraph,
                shown || r.ExemptParagraph is not int paragraph ? null : FormattableString.Invariant($"Exempt under paragraph {paragraph}"),
                shown ? d.DecisionText : null, shown ? d.Reasons : null, shown ? d.Alternatives : null, shown ? d.Delegation : null,
                shown ? d.Interests : null, shown ? d.Dispensations : null, shown ? d.BackgroundPapers : null,
                d.IsKeyDecision, r.CallIn.ToString(), r.CallInEndsOn, r.ImplementedOn, site.Link($"decisions/officer/{r.Id}").ToString());
        }).ToList();
        return Page(items, query, path);
    }

    public async Task<ApiPage<ProtokollItem>> ProtokollAsync(ApiQuery query, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bodies = (await Visitor.BodiesAsync(db, ct)).Values
            .Where(b => b.Regime == Regime.Sweden && (query.Body is null || b.Slug == query.Body))
            .ToDictionary(b => b.Id);
        var ids = bodies.Keys.ToList();
        var settings = await db.SettingsAsync(ct);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.BodyId) && m.Status != MeetingStatus.Cancelled)
            .Where(m => query.From == null || m.Date >= query.From)
            .Where(m => query.To == null || m.Date <= query.To)
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .ToListAsync(ct);
        var items = meetings.Select(m =>
        {
            var deadlines = ProtokollDeadlines.For(m.Date, m.RecordDate, m.PostedOn, settings.Holidays);
            return new ProtokollItem(
                m.Id, m.Date, bodies[m.BodyId].Name, m.Record.ToString(), m.Signatories, m.RecordDate, deadlines.SignBy,
                m.PostedOn, deadlines.PostBy, deadlines.AppealFrom, deadlines.AppealEnds,
                site.Link($"meetings/{m.Id}").ToString(), site.Link($"{OParl.OParlLinks.Root}meeting/{m.Id}").ToString());
        }).ToList();
        return Page(items, query, path);
    }

    private ApiPage<T> Page<T>(List<T> rows, ApiQuery query, string path)
    {
        var items = rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        string? next = null;
        if (query.Page * query.PageSize < rows.Count)
        {
            var parts = new List<string>();
            if (query.Body is not null)
            {
                parts.Add($"body={Uri.EscapeDataString(query.Body)}");
            }

            if (query.From is DateOnly from)
            {
                parts.Add($"from={from:yyyy-MM-dd}");
            }

            if (query.To is DateOnly to)
            {
                parts.Add($"to={to:yyyy-MM-dd}");
            }

            parts.Add(FormattableString.Invariant($"page={query.Page + 1}"));
            parts.Add(FormattableString.Invariant($"pageSize={query.PageSize}"));
            next = site.Link($"{path.TrimStart('/')}?{string.Join('&', parts)}").ToString();
        }

        return new ApiPage<T>(items, query.Page, query.PageSize, rows.Count, next);
    }
}
