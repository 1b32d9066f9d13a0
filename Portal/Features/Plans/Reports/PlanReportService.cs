using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Features.Documents; // the one home that lays documents out
using Portal.Features.Documents.Pdf; // the one home that lays documents out
using Portal.Features.Documents.Word; // the one home that lays documents out
using Portal.Features.Plans.Plans;
using Portal.Resources;

namespace Portal.Features.Plans.Reports;

/// <summary>
/// A plan's performance report for a panel, for one plan year, as Word (to edit and paste into the
/// council's template) or PDF. It reads the plan through <see cref="PlanService"/>, which checks the
/// reader may read the plan as its pages do (<see cref="PlanAccess"/>), then the latest updates and
/// commentary of the actions and indicators that view holds.
/// </summary>
public sealed class PlanReportService(PlanService plans, IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Text> text)
{
    public Task<DocumentFile?> PlanReportWordAsync(int planId, int? year, CancellationToken ct) =>
        BuildAsync(planId, year, spec => (WordLayout.Render(spec), DocumentFile.Docx, "docx"), ct);

    public Task<DocumentFile?> PlanReportPdfAsync(int planId, int? year, CancellationToken ct) =>
        BuildAsync(planId, year, spec => (PdfLayout.Render(spec), DocumentFile.Pdf, "pdf"), ct);

    private async Task<DocumentFile?> BuildAsync(int planId, int? year, Func<DocumentSpec, (byte[] Bytes, string Type, string Extension)> layout, CancellationToken ct)
    {
        var plan = await plans.GetPlanAsync(planId, year, ct);
        if (plan is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actionIds = plan.Priorities.SelectMany(p => p.Actions).Select(a => a.Id).ToList();
        var updates = (await db.ProgressUpdates.AsNoTracking().Where(u => actionIds.Contains(u.ActionId)).ToListAsync(ct))
            .GroupBy(u => u.ActionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Date).ThenBy(u => u.RecordedUtc).Last() is var last ? (last.Date, last.Commentary) : default);
        var indicatorIds = plan.Priorities.SelectMany(p => p.Indicators).Select(i => i.Id).ToList();
        var commentary = (await db.IndicatorValues.AsNoTracking().Where(v => indicatorIds.Contains(v.IndicatorId) && v.Year <= plan.Year.Year && v.Actual != null).ToListAsync(ct))
            .GroupBy(v => v.IndicatorId)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Year).ThenBy(v => v.Period).Last().Commentary);
        var spec = new PlanReport(text).Describe(plan, new PlanReportNotes(updates, commentary));
        var (bytes, type, extension) = layout(spec);
        return new DocumentFile($"performance-report-{plan.Id}-{plan.Year.Year}.{extension}", type, bytes);
    }
}
