using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Features.Documents; // the one home that lays documents out
using Portal.Features.Documents.Pdf; // the one home that lays documents out
using Portal.Features.Reports.Drafting;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Markdown;
using Portal.Resources;

namespace Portal.Features.Reports.Documents;

/// <summary>
/// A meeting's agenda pack as one PDF. It reads the pack and each annex through the same services as
/// the HTML pack and the annex download (<see cref="ReportReadingService"/>, <see cref="ReportAnnexService"/>),
/// so what is exempt for the reader is not in it; a built pack is kept in <see cref="PackPdfCache"/>.
/// </summary>
public sealed class PackPdfService(ReportReadingService reading, ReportAnnexService annexes, PackPdfCache cache, MarkdownRenderer markdown, IStringLocalizer<Text> text)
{
    /// <summary>The pack as the caller may see it, or null when the meeting does not exist for them.</summary>
    public async Task<DocumentFile?> PackPdfAsync(int meetingId, CancellationToken ct)
    {
        var pack = await reading.PackAsync(meetingId, ct);
        if (pack is null)
        {
            return null;
        }

        var reports = pack.Items.Select(i => i.Report).OfType<ReportView>().ToList();
        var key = string.Join('|', [
            meetingId.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentUICulture.Name,
            .. pack.Items.Select(i => $"{i.Number}:{i.Title}:{i.IsPrivate}"),
            .. reports.Select(r => $"r{r.Id}v{r.Version}w{r.Withheld}:" + string.Join(',', r.Annexes.Select(a => $"{a.Id}{a.Withheld}"))),
            pack.Venue ?? string.Empty, pack.Start.ToString("HHmm", CultureInfo.InvariantCulture), pack.Meeting.Date.DayNumber.ToString(CultureInfo.InvariantCulture),
        ]);
        var pdf = await cache.GetOrBuildAsync(key, meetingId, reports.Select(r => r.Id).ToHashSet(), async () =>
        {
            var files = new Dictionary<int, byte[]>();
            foreach (var report in reports)
            {
                foreach (var annex in report.Annexes.Where(a => !a.Withheld && a.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
                {
                    if (await annexes.AnnexFileAsync(report.Id, annex.Id, ct) is { ContentType: "application/pdf" } file)
                    {
                        files[annex.Id] = file.Bytes;
                    }
                }
            }

            return PdfLayout.Render(new PackPdf(text, markdown).Describe(pack, files));
        });
        return new DocumentFile($"agenda-pack-{pack.Meeting.BodySlug}-{pack.Meeting.Date:yyyy-MM-dd}.pdf", DocumentFile.Pdf, pdf);
    }
}
