using System.Globalization;
using Portal.Domain.Reports;

namespace Portal.Features.Reports;

/// <summary>How reports' statuses, sizes and dates read; the words come from the resources, so colour is never the only signal.</summary>
public static class ReportFormat
{
    public static string StatusClass(ReportStatus status) => status switch
    {
        ReportStatus.Published => "good",
        ReportStatus.Cleared => "neutral",
        ReportStatus.Submitted => "warning",
        _ => "neutral",
    };

    public static string OutcomeClass(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved or DecisionOutcome.ApprovedAsAmended => "good",
        DecisionOutcome.Deferred => "warning",
        _ => "bad",
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    public static string AnnexUrl(int reportId, int annexId) => $"/reports/{reportId}/annexes/{annexId}";

    public static string ParagraphId(int reportId, int number) => $"r{reportId}-p{number}";
}
