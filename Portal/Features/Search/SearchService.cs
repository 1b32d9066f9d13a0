using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Meetings; // what a reader may find follows which bodies they may see

namespace Portal.Features.Search;

/// <summary>One search result: what it is, where it lives, and a snippet split into plain and matched runs.</summary>
public sealed record SearchResult(string Kind, string Title, string Url, DateOnly? Date, IReadOnlyList<SnippetRun> Snippet);

public sealed record SnippetRun(string Text, bool Matched);

public sealed record SearchAnswer(string Query, IReadOnlyList<SearchResult> Results, bool NothingToSearch);

/// <summary>
/// Search across published reports, decisions (at meetings, and by officers and executive members), minutes, councillors and their
/// published interests (SQLite FTS5 or PostgreSQL's text search: <see cref="ISearchEngine"/>), ranked with the
/// title weighted above the body and a report above the decisions and minutes that quote it.
/// What is typed is never handed to FTS5 as syntax: it is cut into
/// words, each quoted, so quotes and operators cannot break the query. Only bodies the searcher
/// may see are searched, and exempt content was never indexed.
/// </summary>
public sealed partial class SearchService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ISearchEngine engine)
{
    public const int MaxQueryLength = 200;
    public const int MaxWords = 12;
    public const int PageSize = 50;

    /// <summary>Marks the start of a matched run in a snippet (never typed: a private-use character).</summary>
    public const char MatchStart = '\uE000';

    /// <summary>Marks the end of a matched run in a snippet.</summary>
    public const char MatchEnd = '\uE001';

    public async Task<SearchAnswer> SearchAsync(string? query, CancellationToken ct)
    {
        var text = (query ?? string.Empty).Trim();
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
        }

        var match = ToMatch(text);
        if (match is null)
        {
            return new SearchAnswer(text, [], NothingToSearch: true);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = (await MeetingAccess.VisibleBodiesAsync(db, caller, ct)).Select(b => b.Id).ToList();
        if (caller.IsStaff)
        {
            bodies.Add(0);
        }

        // The access filter is part of the match: FTS5 intersects the words' and the bodies' lists
        // without reading a row, and ranks (BM25, title above body, the Audience column weightless)
        // before a snippet is made for the page of results only. What belongs to no body and is
        // public (councillors, their published interests, officer and executive member decisions) is
        // filed for everyone.
        var audiences = bodies.Select(SearchIndex.Audience).Append(SearchIndex.Everyone).ToList();
        var hits = await engine.FindAsync(db, Words().Matches(text).Select(m => m.Value).Take(MaxWords).ToList(), audiences, PageSize, ct);
        return new SearchAnswer(text, hits.Select(Result).ToList(), NothingToSearch: false);
    }

    /// <summary>The FTS5 query for what was typed: every word quoted, all required, the last one also as a prefix; null when there is no word.</summary>
    public static string? ToMatch(string text)
    {
        var words = Words().Matches(text ?? string.Empty).Select(m => m.Value).Take(MaxWords).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var quoted = words.Select((w, i) => i == words.Count - 1 && w.Length >= 3 ? $"\"{w}\"*" : $"\"{w}\"");
        return string.Join(' ', quoted);
    }

    private static SearchResult Result(SearchHit hit)
    {
        var url = hit.Kind switch
        {
            SearchIndex.ReportKind => $"/reports/{hit.ItemId}",
            SearchIndex.DecisionKind => $"/reports/{hit.ItemId}#decisions",
            SearchIndex.CouncillorKind => $"/councillors/{hit.ItemId}",
            SearchIndex.InterestKind => $"/councillors/{hit.ItemId}#register",
            SearchIndex.OfficerDecisionKind => $"/decisions/officer/{hit.ItemId}",
            _ => $"/meetings/{hit.ItemId}",
        };
        DateOnly? date = DateOnly.TryParse(hit.Date, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        return new SearchResult(hit.Kind, hit.Title, url, date, Runs(hit.Snippet ?? string.Empty));
    }

    private static List<SnippetRun> Runs(string snippet)
    {
        var runs = new List<SnippetRun>();
        var matched = false;
        var current = new System.Text.StringBuilder();
        foreach (var c in snippet)
        {
            if (c is MatchStart or MatchEnd)
            {
                if (current.Length > 0)
                {
                    runs.Add(new SnippetRun(current.ToString(), matched));
                    current.Clear();
                }

                matched = c == MatchStart;
                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            runs.Add(new SnippetRun(current.ToString(), matched));
        }

        return runs;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
