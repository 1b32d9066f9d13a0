using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Plans;
using Portal.Features.Documents; // the one home that lays documents out
using Portal.Features.Plans.Indicators;
using Portal.Features.Plans.Plans;
using Portal.Resources;

namespace Portal.Features.Plans.Reports;

/// <summary>The latest progress update of an action and the commentary on an indicator's latest figure, by id.</summary>
internal sealed record PlanReportNotes(IReadOnlyDictionary<int, (DateOnly Date, string? Text)> Updates, IReadOnlyDictionary<int, string?> Commentary);

/// <summary>The period a report is made up to, in words, and the day its figures are as at.</summary>
internal sealed record PlanReportMadeUpTo(string Period, DateOnly AsAt);

/// <summary>
/// Describes a plan's performance report for a panel, as York's was: per priority its RAG counts, each
/// key action with its status, progress and latest update, each indicator with target, actual, trend and
/// commentary; then the risks above the council's appetite. Laid out as Word or PDF from one description.
/// </summary>
internal sealed class PlanReport(IStringLocalizer<Text> t)
{
    public DocumentSpec Describe(PlanView plan, PlanReportNotes notes, PlanReportMadeUpTo? madeUpTo = null)
    {
        var title = t["PlanReport.Title", plan.Title, madeUpTo?.Period ?? plan.Year.Label];
        List<(string, string)> facts = [(t["PlanReport.Directorate"], plan.Directorate.Name), (t["PlanReport.Year"], plan.Year.Label)];
        if (madeUpTo is not null)
        {
            facts.Add((t["PlanReport.MadeUpTo"], madeUpTo.Period));
            facts.Add((t["PlanReport.AsAt"], madeUpTo.AsAt.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)));
        }

        var blocks = new List<DocBlock>
        {
            new DocHeading(1, title, Bookmark: true),
            new DocFacts(facts),
            new DocHeading(2, t["PlanReport.Summary"], Bookmark: true),
            new DocTable(
                [t["PlanReport.Priority"], t["Rag.Red"], t["Rag.Amber"], t["Rag.Green"], t["Rag.Completed"], t["Rag.NotRated"]],
                plan.Priorities.Select(p => (IReadOnlyList<string>)[$"{p.Number}. {p.Title}", .. Counts(p.Actions.Select(a => a.Rag).Concat(p.Indicators.Select(i => i.Rag)))]).ToList(),
                [4.2, 1, 1.3, 1.2, 1.7, 1.7]),
        };
        foreach (var priority in plan.Priorities)
        {
            blocks.Add(new DocHeading(2, $"{priority.Number.ToString(CultureInfo.CurrentCulture)}. {priority.Title}", Bookmark: true));
            blocks.Add(new DocHeading(3, t["PlanReport.Actions"]));
            blocks.Add(priority.Actions.Count == 0
                ? new DocParagraph(t["PlanReport.None"])
                : new DocTable(
                    [t["PlanReport.Action"], t["PlanReport.Owner"], t["PlanReport.Due"], t["PlanReport.Status"], t["PlanReport.Progress"], t["PlanReport.LatestUpdate"]],
                    priority.Actions.Select(a => (IReadOnlyList<string>)[
                        a.Title, a.Owner, a.DueDate.ToString("d MMM yyyy", CultureInfo.CurrentCulture),
                        $"{t[$"ActionStatus.{a.Status}"]} ({t[$"Rag.{a.Rag}"]})", $"{a.PercentComplete.ToString(CultureInfo.CurrentCulture)} %",
                        notes.Updates.TryGetValue(a.Id, out var update) ? $"{update.Date.ToString("d MMM yyyy", CultureInfo.CurrentCulture)}: {update.Text}" : t["PlanReport.NoUpdate"]]).ToList(),
                    [2.8, 1.5, 1.3, 1.5, 1.3, 3.3]));
            blocks.Add(new DocHeading(3, t["PlanReport.Indicators"]));
            blocks.Add(priority.Indicators.Count == 0
                ? new DocParagraph(t["PlanReport.None"])
                : new DocTable(
                    [t["PlanReport.Indicator"], t["PlanReport.Period"], t["PlanReport.Target"], t["PlanReport.Actual"], t["PlanReport.Trend"], t["PlanReport.Commentary"]],
                    priority.Indicators.Select(i => (IReadOnlyList<string>)[
                        $"{i.Code} {i.Title}", i.PeriodLabel ?? "–", PlanFormat.Figure(t, i.Target, i.Unit), PlanFormat.Figure(t, i.Actual, i.Unit) + $" ({t[$"Rag.{i.Rag}"]})",
                        t[$"Trend.{i.SincePrevious}"], notes.Commentary.GetValueOrDefault(i.Id) ?? "–"]).ToList(),
                    [3, 1.3, 1.2, 1.5, 1.3, 3]));
        }

        blocks.Add(new DocHeading(2, t["PlanReport.Risks", plan.RiskAppetite], Bookmark: true));
        var above = plan.Risks.Where(r => r.ExceedsAppetite && !r.IsClosed).ToList();
        if (madeUpTo is not null)
        {
            blocks.Add(new DocParagraph(t["PlanReport.RisksAsTheyStand"], DocTone.Note));
        }

        blocks.Add(above.Count == 0
            ? new DocParagraph(t["PlanReport.NoRisks"])
            : new DocTable(
                [t["PlanReport.Risk"], t["PlanReport.Owner"], t["PlanReport.Residual"], t["PlanReport.TargetScore"], t["PlanReport.Review"]],
                above.Select(r => (IReadOnlyList<string>)[r.Title, r.Owner, r.Residual.Score.ToString(CultureInfo.CurrentCulture), r.Target.Score.ToString(CultureInfo.CurrentCulture), r.ReviewDate.ToString("d MMM yyyy", CultureInfo.CurrentCulture)]).ToList(),
                [4, 2, 1, 1, 1.5]));
        return new DocumentSpec(title, CultureInfo.CurrentUICulture.Name, title, t["Pdf.PageOf"], blocks);
    }

    private static IEnumerable<string> Counts(IEnumerable<Rag> ratings)
    {
        var counts = Dashboard.RagCounts.Of(ratings);
        return new[] { counts.Red, counts.Amber, counts.Green, counts.Completed, counts.NotRated }.Select(c => c.ToString(CultureInfo.CurrentCulture));
    }
}
