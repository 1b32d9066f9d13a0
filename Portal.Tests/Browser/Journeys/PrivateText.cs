using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Portal.Tests.Browser.Journeys;

/// <summary>
/// Everything in the demo a visitor must never read, whatever page, source, download or message
/// it might travel in: plan content, the golden thread and staff objectives, internal groups,
/// private agenda items' notes, actions and declarations, exempt reports' content and decisions,
/// and members' own notes and questions. Read
/// from the database, so what the demo adds is covered as it is added.
/// </summary>
public sealed partial class PrivateText
{
    // Shorter fragments would match ordinary words; the demo's private texts are all longer.
    private const int ShortestFragment = 16;

    private PrivateText(IReadOnlyList<(string What, string Text)> texts) => Texts = texts;

    public IReadOnlyList<(string What, string Text)> Texts { get; }

    public static Task<PrivateText> ReadAsync(PortalApp app) => app.QueryAsync(async db =>
    {
        var texts = new List<(string, string)>();
        void Add(string what, IEnumerable<string?> values) =>
            texts.AddRange(values.Select(Fragment).Where(v => v.Length >= ShortestFragment).Distinct().Select(v => (what, v)));

        Add("plan action", await db.Actions.Select(a => a.Title).ToListAsync());
        Add("risk", await db.Risks.Select(r => r.Title).ToListAsync());
        Add("indicator", await db.Indicators.Select(i => i.Title).ToListAsync());
        Add("thread item", await db.ThreadItems.Select(i => i.Title).ToListAsync());
        Add("staff objective", await db.AppraisalObjectives.Select(o => o.Text).ToListAsync());
        Add("internal group", await db.Bodies.Where(b => !b.IsPublic).Select(b => b.Name).ToListAsync());
        var privateItems = await db.AgendaItems.Where(i => i.IsPrivate).Select(i => i.Id).ToListAsync();
        Add("private item's notes", await db.AgendaItems.Where(i => i.IsPrivate).Select(i => i.Notes).ToListAsync());
        Add("action under a private item", await db.AgreedActions.Where(a => a.AgendaItemId != null && privateItems.Contains(a.AgendaItemId.Value)).Select(a => a.Text).ToListAsync());
        Add("declaration on a private item", await db.Declarations.Where(d => privateItems.Contains(d.AgendaItemId)).Select(d => d.Interest).ToListAsync());
        var exempt = await db.Reports.Where(r => r.IsExempt).Select(r => r.Id).ToListAsync();
        Add("exempt report", await db.ReportSections.Where(s => exempt.Contains(s.ReportId)).Select(s => s.Text).ToListAsync());
        Add("exempt recommendation", await db.Recommendations.Where(r => exempt.Contains(r.ReportId)).Select(r => r.Text).ToListAsync());
        var exemptDecisions = await db.Decisions.Include(d => d.Dispensations).Where(d => exempt.Contains(d.ReportId)).ToListAsync();
        Add("exempt report's decision", exemptDecisions.SelectMany(d => new[] { d.Wording, d.Reasons, d.AlternativesRejected, d.InterestsDeclared }));
        Add("dispensation on an exempt report's decision", exemptDecisions.SelectMany(d => d.Dispensations).Select(x => x.Scope));
        Add("exempt report's review", await db.Reports.Where(r => r.IsExempt).Select(r => r.ReviewReason).ToListAsync());
        var exemptOfficerDecisions = await db.OfficerDecisions.Where(d => d.ExemptParagraph != null).ToListAsync();
        Add("exempt officer decision", exemptOfficerDecisions.SelectMany(d => new[] { d.DecisionText, d.Reasons, d.Alternatives, d.Delegation, d.Interests, d.Dispensations }));
        Add("reader's private note", await db.ReadingNotes.Select(n => n.Note).ToListAsync());
        Add("question to an author", await db.ReportQuestions.Select(q => q.Text).ToListAsync());
        return new PrivateText(texts);
    });

    /// <summary>Fails naming each private text found in <paramref name="content"/>, and where it was found.</summary>
    public void AssertNoneIn(string content, string where)
    {
        // The server's HTML writes an apostrophe as &#x27;: read it as the person would.
        content = System.Net.WebUtility.HtmlDecode(content);
        var found = Texts.Where(t => content.Contains(t.Text, StringComparison.OrdinalIgnoreCase)).Select(t => $"{t.What}: \"{t.Text}\"").ToList();
        Assert.True(found.Count == 0, $"A visitor can read private text in {where}:\n{string.Join('\n', found)}");
    }

    /// <summary>The page as the browser shows it and as the server sent it (its source).</summary>
    public async Task AssertNoneOnAsync(IPage page)
    {
        AssertNoneIn(await page.ContentAsync(), $"the page {page.Url}");
        var source = await page.APIRequest.GetAsync(page.Url);
        AssertNoneIn(await source.TextAsync(), $"the source of {page.Url}");
    }

    /// <summary>Every message the server sent the page over its WebSocket (the live circuit's render batches).</summary>
    public static void Collect(IPage page, StringBuilder frames) =>
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            lock (frames)
            {
                frames.Append(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? [])).Append('\n');
            }
        };

    /// <summary>
    /// A stretch of plain words from <paramref name="text"/> that a page would show as it is: the
    /// first sentence (at most 60 characters), with Markdown's marks taken out.
    /// </summary>
    private static string Fragment(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var plain = Markdown().Replace(text, " ");
        var first = plain.Split(['.', ':', ';', '\n', '(', ')', '"', '“', '”'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .OrderByDescending(s => s.Length).FirstOrDefault() ?? string.Empty;
        first = Spaces().Replace(first, " ");
        return first.Length <= 60 ? first : first[..60].TrimEnd();
    }

    [GeneratedRegex(@"[*_`#>\[\]]+")]
    private static partial Regex Markdown();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
