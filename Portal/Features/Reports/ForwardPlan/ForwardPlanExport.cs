using Portal.Infrastructure.Export;

namespace Portal.Features.Reports.ForwardPlan;

/// <summary>The Forward Plan as a workbook, from the page's own query (<see cref="ForwardPlanService.ForwardPlanAsync"/>): the bodies and reports the reader may see.</summary>
public static class ForwardPlanExport
{
    private static readonly ExportColumn[] Columns = ExportColumn.Many(
        ("Title", CellKind.Text), ("Body", CellKind.Text), ("DecisionDue", CellKind.Date), ("NoticeGivenOn", CellKind.Date),
        ("ClearDays", CellKind.Number), ("ShortNotice", CellKind.Text), ("Summary", CellKind.Text), ("PrivateParagraph", CellKind.Number),
        ("LeadOfficer", CellKind.Text), ("Reports", CellKind.Text));

    public static ExportWorkbook Of(ForwardPlanView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = view.Entries.Select(e => new object?[]
        {
            e.Title, e.BodyName, e.DecisionDue, e.NoticeGivenOn, e.ClearDays, e.ShortNotice ? "yes" : "no", e.Summary, e.PrivateParagraph,
            e.LeadOfficer, string.Join("; ", e.Reports.Select(r => r.Reference)),
        }).ToList();
        return new ExportWorkbook("forward-plan", [new("Forward Plan", Columns, rows)]);
    }
}
