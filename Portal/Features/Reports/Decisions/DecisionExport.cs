using Portal.Infrastructure.Export;

namespace Portal.Features.Reports.Decisions;

/// <summary>
/// The decision register as a workbook, from the register's own query (<see cref="DecisionService.RegisterAsync"/>):
/// a decision on an exempt report the reader may not read keeps its date and title and says which paragraph
/// made it exempt, never its wording; links the reader may not read are a count.
/// </summary>
public static class DecisionExport
{
    private static readonly ExportColumn[] Columns = ExportColumn.Many(
        ("DecidedOn", CellKind.Date), ("Body", CellKind.Text), ("Report", CellKind.Text), ("ReportTitle", CellKind.Text),
        ("Recommendation", CellKind.Number), ("Outcome", CellKind.Text), ("Wording", CellKind.Text), ("Exempt", CellKind.Text),
        ("LinkedTo", CellKind.Text), ("HiddenLinks", CellKind.Number));

    public static ExportWorkbook Of(DecisionRegister register, DecisionQuery query)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(query);
        var rows = register.Rows.Select(r => new object?[]
        {
            r.DecidedOn, r.BodyName, r.ReportReference, r.ReportTitle, r.RecommendationNumber, r.Outcome.ToString(),
            r.Wording ?? (r.IsExempt ? $"Exempt under paragraph {r.ExemptParagraph}" : null),
            r.IsExempt ? $"paragraph {r.ExemptParagraph}" : "no",
            string.Join("; ", r.Links.Select(l => l.Name)), r.HiddenLinks,
        }).ToList();
        var stem = "decisions" + (query.Body is null ? string.Empty : "-" + query.Body) + (query.Year is int y ? "-" + y : string.Empty);
        return new ExportWorkbook(stem, [new("Decisions", Columns, rows)]);
    }
}
