using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Reports.Decisions; // the decision register, as the public reads it
using Portal.Features.Reports.OfficerDecisions; // officer and executive member decisions, as the public reads them
using Portal.Infrastructure;

namespace Portal.Features.OpenData.Atom;

/// <summary>
/// Atom feeds (RFC 4287) for a feed reader or a council website: the decisions of every public
/// body or of one, and the reports one body has published. Written for an anonymous visitor
/// through the same reads as the decision register and the report pages: an exempt report's
/// entry has its title and the paragraph it is exempt under, never its wording. The council-wide
/// decisions feed carries officer and executive member decisions too, an exempt one withheld the
/// same way. The newest <see cref="Entries"/> entries only.
/// </summary>
public sealed class AtomFeedService(IDbContextFactory<PortalDbContext> dbFactory, DecisionService decisions, OfficerDecisionService officerDecisions, PublicAddress site)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public const int Entries = 50;

    /// <summary>Decisions of every public body, or of one (by its address name); null for a body the public does not see.</summary>
    public async Task<string?> DecisionsAsync(string? bodySlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var body = await BodyNameAsync(db, bodySlug, ct);
        if (bodySlug is not null && body is null)
        {
            return null;
        }

        var council = await OParl.OParlCouncilService.CouncilNameAsync(db, ct);
        var register = await decisions.RegisterAsync(new DecisionQuery(bodySlug), ct);
        var entries = register.Rows.Take(Entries).Select(r => new Entry(
            $"decision-{r.Id}",
            $"{r.ReportReference} recommendation {r.RecommendationNumber}: {r.Outcome} – {r.ReportTitle}",
            r.DecidedOn,
            site.Link($"reports/{r.ReportId}").ToString(),
            r.Wording ?? OParl.OParlPaperService.ExemptReason(r.ExemptParagraph) ?? string.Empty,
            r.BodyName)).ToList();
        if (bodySlug is null)
        {
            // Officer and executive member decisions belong to no body: only in the council's feed.
            entries = [.. entries.Concat((await officerDecisions.RegisterAsync(DecisionKindFilter.All, null, ct)).Take(Entries).Select(d => new Entry(
                    $"officer-decision-{d.Id}",
                    $"{(d.MakerKind == Portal.Domain.Reports.DecisionMakerKind.Officer ? "Officer decision" : "Executive member decision")}: {d.Title}",
                    d.DecidedOn,
                    site.Link($"decisions/officer/{d.Id}").ToString(),
                    d.Decision ?? OParl.OParlPaperService.ExemptReason(d.ExemptParagraph) ?? string.Empty,
                    d.MakerName)))
                .OrderByDescending(e => e.Updated).Take(Entries)];
        }

        var path = bodySlug is null ? "decisions.atom" : $"meetings/bodies/{bodySlug}/decisions.atom";
        return Write(path, $"Decisions – {body ?? council}", council, entries);
    }

    /// <summary>The reports published to one public body, newest first; null for a body the public does not see.</summary>
    public async Task<string?> PapersAsync(string bodySlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bodies = await Visitor.BodiesAsync(db, ct);
        var body = bodies.Values.SingleOrDefault(b => b.Slug == bodySlug);
        if (body is null)
        {
            return null;
        }

        var council = await OParl.OParlCouncilService.CouncilNameAsync(db, ct);
        var reports = (await Visitor.ReportsAsync(db, bodies, ct)).Where(r => r.BodyId == body.Id)
            .OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id).Take(Entries).ToList();
        var entries = reports.Select(r => new Entry(
            $"report-{r.Id}",
            $"{r.Reference}: {r.Title}",
            r.PublishedOn ?? DateOnly.MinValue,
            site.Link($"reports/{r.Id}").ToString(),
            Visitor.ReadsContent(r) ? $"Published {r.PublishedOn:yyyy-MM-dd}" : OParl.OParlPaperService.ExemptReason(r.ExemptParagraph) ?? string.Empty,
            body.Name)).ToList();
        return Write($"meetings/bodies/{bodySlug}/papers.atom", $"Reports – {body.Name}", council, entries);
    }

    private sealed record Entry(string Key, string Title, DateOnly Updated, string Link, string Summary, string Category);

    private static async Task<string?> BodyNameAsync(PortalDbContext db, string? slug, CancellationToken ct) =>
        slug is null ? null : (await Visitor.BodiesAsync(db, ct)).Values.SingleOrDefault(b => b.Slug == slug)?.Name;

    private string Write(string path, string title, string council, IReadOnlyList<Entry> entries)
    {
        static string Time(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        var self = site.Link(path).ToString();
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = true }))
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, self);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("updated", Atom, Time(entries.Count == 0 ? DateOnly.MinValue : entries.Max(e => e.Updated)));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, council);
            xml.WriteEndElement();
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", site.BaseUri.ToString(), "text/html");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"{site.BaseUri}#{entry.Key}");
                xml.WriteElementString("title", Atom, entry.Title);
                xml.WriteElementString("updated", Atom, Time(entry.Updated));
                Link(xml, "alternate", entry.Link, "text/html");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", entry.Category);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + output;
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }
}
