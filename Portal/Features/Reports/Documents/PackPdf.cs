using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Reports;
using Portal.Features.Documents; // the one home that lays documents out
using Portal.Features.Meetings; // the pack's cover gives the meeting's particulars as the meeting page writes them
using Portal.Features.Reports.Decisions;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Markdown;
using Portal.Resources;

namespace Portal.Features.Reports.Documents;

/// <summary>
/// Describes an agenda pack for the PDF layout: the cover with the meeting's particulars, the contents,
/// then each item in agenda order with its report as <see cref="ReportDocument"/> shows it (the same
/// paragraph numbers, counted the same way) and the pages of its PDF annexes.
/// </summary>
internal sealed class PackPdf(IStringLocalizer<Text> t, MarkdownRenderer markdown)
{
    public DocumentSpec Describe(AgendaPack pack, IReadOnlyDictionary<int, byte[]> annexPdfs)
    {
        var meeting = pack.Meeting;
        var title = $"{t["Pack.Title"]}: {meeting.BodyName}, {Dates.Short(meeting.Date)}";
        var blocks = new List<DocBlock>
        {
            new DocHeading(1, t["Pack.Heading", meeting.BodyName], Bookmark: true),
            new DocFacts([
                (t["PackPdf.Body"], meeting.BodyName),
                (t["PackPdf.Date"], MeetingFormat.DateHeading(meeting.Date)),
                (t["PackPdf.Time"], MeetingFormat.Time(pack.Start)),
                (t["PackPdf.Venue"], pack.Venue ?? t["Report.NotStated"]),
                (t["PackPdf.Items"], pack.Items.Count.ToString(CultureInfo.CurrentCulture)),
            ]),
            new DocParagraph(t["PackPdf.CoverNote"], DocTone.Note),
            new DocPageBreak(),
            new DocContents(t["Pack.Contents"]),
        };
        foreach (var item in pack.Items)
        {
            blocks.Add(new DocPageBreak());
            blocks.Add(new DocHeading(1, $"{item.Number.ToString(CultureInfo.CurrentCulture)}. {item.Title}", Bookmark: true, InContents: true));
            if (item.Report is ReportView report)
            {
                // The contents lists each annex under its report, leading to its first page (or to the list that names it).
                blocks.AddRange(report.Annexes.Select(a => new DocContentsEntry(2, AnnexName(a), AnnexKey(a))));
                Report(blocks, report, annexPdfs);
            }
            else
            {
                blocks.Add(new DocParagraph(item.IsPrivate ? t["Pack.PrivateNoReport"] : t["Pack.NoReport"]));
            }
        }

        return new DocumentSpec(title, CultureInfo.CurrentUICulture.Name, $"{meeting.BodyName}, {MeetingFormat.LongDate(meeting.Date)} · {t["Pack.Title"]}", t["Pdf.PageOf"], blocks);
    }

    private void Report(List<DocBlock> blocks, ReportView report, IReadOnlyDictionary<int, byte[]> annexPdfs)
    {
        blocks.Add(new DocHeading(2, $"{report.Reference}: {report.Title}"));
        var facts = new List<(string, string)> { (t["Report.Reference"], report.Reference), (t["Report.Author"], report.AuthorName) };
        if (report.ChiefOfficerName is string chief)
        {
            facts.Add((t["Report.ChiefOfficer"], chief));
        }

        if (report.PublishedOn is DateOnly published)
        {
            facts.Add((t["Report.PublishedOn"], Dates.Short(published)));
        }

        facts.Add((t["Report.Wards"], report.AllWards ? t["Report.AllWards"] : report.Wards ?? t["Report.NotStated"]));
        var key = report.IsKeyDecision ? t["Common.Yes"].Value : t["Common.No"].Value;
        if (report.ForwardPlan is ForwardPlanRef entry)
        {
            key += ": " + t["Report.OnForwardPlan", entry.Title, Dates.Short(entry.DecisionDue)];
        }

        facts.Add((t["Report.KeyDecision"], key));
        blocks.Add(new DocFacts(facts));
        Notices(blocks, report);
        if (report.Withheld)
        {
            return;
        }

        // Numbered as ReportDocument numbers them: every section's blocks in the template's order, then the recommendations.
        var numbered = new Dictionary<SectionKind, List<DocBlock>>();
        var number = 0;
        foreach (var section in report.Sections.OrderBy(s => s.Kind))
        {
            numbered[section.Kind] = markdown.ParseBlocks(section.Text)
                .Select(b => (DocBlock)new DocMarkdown(b, $"{(++number).ToString(CultureInfo.CurrentCulture)}.")).ToList();
        }

        void Section(SectionKind kind, int level)
        {
            blocks.Add(new DocHeading(level, t[$"Section.{kind}"]));
            blocks.AddRange(numbered.GetValueOrDefault(kind) is { Count: > 0 } paragraphs ? paragraphs : [new DocParagraph(t["Report.NotWritten"], DocTone.Note)]);
        }

        foreach (var section in report.Sections.Where(s => !ReportTemplate.IsImplication(s.Kind) && s.Kind <= SectionKind.CorporatePriorities))
        {
            Section(section.Kind, 3);
        }

        blocks.Add(new DocHeading(3, t["Section.Implications"]));
        foreach (var section in report.Sections.Where(s => ReportTemplate.IsImplication(s.Kind)))
        {
            Section(section.Kind, 4);
        }

        foreach (var section in report.Sections.Where(s => s.Kind == SectionKind.RiskManagement))
        {
            Section(section.Kind, 3);
        }

        Recommendations(blocks, report, number + 1);
        blocks.Add(new DocHeading(3, t["Section.Contact"]));
        blocks.Add(new DocParagraph(report.ContactDetails ?? t["Report.NotStated"]));
        blocks.Add(new DocHeading(3, t["Section.BackgroundPapers"]));
        blocks.Add(new DocParagraph(report.BackgroundPapers ?? t["Report.NotStated"]));
        Annexes(blocks, report, annexPdfs);
    }

    private void Notices(List<DocBlock> blocks, ReportView report)
    {
        var paragraph = report.ExemptParagraph?.ToString(CultureInfo.CurrentCulture) ?? "?";
        if (report.IsLate && report.LateReason is not null)
        {
            blocks.Add(new DocParagraph([new DocRun(t["Report.LateReasonLabel"] + " ", Bold: true), new DocRun(report.LateReason)], null, DocTone.Notice));
        }

        if (report.ReleasedOn is DateOnly released)
        {
            blocks.Add(new DocParagraph(t["Report.Released", paragraph, Dates.Short(released)], DocTone.Notice));
        }

        if (!report.IsExempt)
        {
            return;
        }

        var runs = new List<DocRun>
        {
            new(t["Report.ExemptUnder", paragraph] + " ", Bold: true),
            new(t[$"Schedule12A.{report.ExemptParagraph ?? 0}"] + "\n"),
            new(report.Withheld ? t["Report.ExemptWithheld"] : t["Report.ExemptShown"]),
        };
        if (report.PublicInterestReason is string reason)
        {
            runs.Add(new DocRun("\n" + t["Report.PublicInterest"] + " ", Bold: true));
            runs.Add(new DocRun(reason));
        }

        if (report.ReleaseOn is DateOnly release)
        {
            runs.Add(new DocRun("\n" + t["Report.ReleaseOn", Dates.Short(release)]));
        }

        blocks.Add(new DocParagraph(runs, null, DocTone.Notice));
    }

    private void Recommendations(List<DocBlock> blocks, ReportView report, int first)
    {
        blocks.Add(new DocHeading(3, t["Section.Recommendations"]));
        if (report.Recommendations.Count == 0)
        {
            blocks.Add(new DocParagraph(t["Report.NoRecommendations"]));
        }

        foreach (var (recommendation, index) in report.Recommendations.Select((r, i) => (r, i)))
        {
            var number = $"{(first + index).ToString(CultureInfo.CurrentCulture)}.";
            var runs = new List<DocRun>
            {
                new(recommendation.Text ?? string.Empty),
                new("\n" + t["Report.Reason"] + " ", Bold: true),
                new(recommendation.Reason ?? t["Report.NoReason"]),
            };
            if (recommendation.Decision is DecisionView decision)
            {
                runs.Add(new DocRun($"\n{t[$"Outcome.{decision.Outcome}"]} {t["Decision.DecidedOn", Dates.Short(decision.DecidedOn)]}", Italic: true));
            }

            blocks.Add(new DocParagraph(runs, number));
        }
    }

    private void Annexes(List<DocBlock> blocks, ReportView report, IReadOnlyDictionary<int, byte[]> annexPdfs)
    {
        blocks.Add(new DocHeading(3, t["Section.Annexes"]));
        if (report.Annexes.Count == 0)
        {
            blocks.Add(new DocParagraph(t["Report.NoAnnexes"]));
            return;
        }

        blocks.AddRange(report.Annexes.Where(a => !annexPdfs.ContainsKey(a.Id)).Select(a => new DocAnchor(AnnexKey(a))));

        var items = report.Annexes.Select(a =>
        {
            var name = $"{t["Report.AnnexLetter", a.Letter]}: {a.Title}";
            var exempt = a.IsExempt ? $" – {t["Report.ExemptUnder", a.ExemptParagraph?.ToString(CultureInfo.CurrentCulture) ?? "?"]}" : string.Empty;
            return a.Withheld ? name + exempt
                : annexPdfs.ContainsKey(a.Id) ? $"{name} ({a.FileName}, {ReportFormat.Size(a.Size)}){exempt} – {t["PackPdf.AnnexFollows"]}"
                : $"{name} ({a.FileName}, {ReportFormat.Size(a.Size)}){exempt} – {t["PackPdf.AnnexNotPdf"]}";
        }).ToList();
        blocks.Add(new DocList(items));
        foreach (var annex in report.Annexes.Where(a => annexPdfs.ContainsKey(a.Id)))
        {
            blocks.Add(new DocPdfPages($"{t["Report.AnnexLetter", annex.Letter]}: {annex.Title}", annexPdfs[annex.Id], t["PackPdf.AnnexUnreadable"], AnnexKey(annex)));
        }
    }

    /// <summary>"Annex A: title", and for an exempt one its paragraph, as the contents names it.</summary>
    private string AnnexName(AnnexView annex) =>
        $"{t["Report.AnnexLetter", annex.Letter]}: {annex.Title}" + (annex.IsExempt ? $" – {t["Report.ExemptUnder", annex.ExemptParagraph?.ToString(CultureInfo.CurrentCulture) ?? "?"]}" : string.Empty);

    private static string AnnexKey(AnnexView annex) => "annex-" + annex.Id.ToString(CultureInfo.InvariantCulture);
}
