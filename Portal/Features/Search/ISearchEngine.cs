using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Search;

/// <summary>One row found: what it is, which item, its title and date, and a snippet with matches between <see cref="SearchService.MatchStart"/> and <see cref="SearchService.MatchEnd"/>.</summary>
public sealed class SearchHit
{
    public string Kind { get; set; } = string.Empty;

    public long ItemId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Date { get; set; }

    public string? Snippet { get; set; }
}

/// <summary>
/// The engine's own full-text query over the search index (<see cref="SearchIndex"/>): every word
/// required, the last also as a prefix, only rows filed under one of <c>audiences</c>, best first.
/// Words are letters and digits only, so nothing typed reaches the engine as syntax.
/// </summary>
public interface ISearchEngine
{
    Task<List<SearchHit>> FindAsync(PortalDbContext db, IReadOnlyList<string> words, IReadOnlyList<string> audiences, int limit, CancellationToken ct);
}

/// <summary>SQLite's FTS5: the access filter is part of the MATCH, ranked by BM25 (title 5, body 1, audience 0).</summary>
public sealed class SqliteSearchEngine : ISearchEngine
{
    public async Task<List<SearchHit>> FindAsync(PortalDbContext db, IReadOnlyList<string> words, IReadOnlyList<string> audiences, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var match = SearchService.ToMatch(string.Join(' ', words));
        if (match is null)
        {
            return [];
        }

        // FTS5 intersects the words' and the bodies' lists without reading a row, and ranks before
        // a snippet is made for the page of results only.
        var filtered = $"{{Title Body}}: ({match}) AND Audience: ({string.Join(" OR ", audiences)})";
        var start = SearchService.MatchStart.ToString();
        var end = SearchService.MatchEnd.ToString();
        return await db.Database.SqlQuery<SearchHit>(
                $"""
                SELECT Kind, CAST(ItemId AS INTEGER) AS ItemId, Title, Date,
                       snippet(SearchIndex, 1, {start}, {end}, '…', 24) AS Snippet
                FROM SearchIndex
                WHERE SearchIndex MATCH {filtered}
                ORDER BY bm25(SearchIndex, 5.0, 1.0, 0.0) * (CASE WHEN rowid < {SearchIndex.FirstNonReportRow} THEN 1.5 ELSE 1.0 END)
                LIMIT {limit}
                """)
            .ToListAsync(ct);
    }
}

/// <summary>
/// PostgreSQL's text search: the words through <c>websearch_to_tsquery</c> in English and in
/// Swedish (a row matches in either language), the last word also as a prefix; ranked by
/// <c>ts_rank</c> (title weighted A, body B), highlighted by <c>ts_headline</c>, and only rows
/// filed under the caller's audiences.
/// </summary>
public sealed class PostgresSearchEngine : ISearchEngine
{
    public async Task<List<SearchHit>> FindAsync(PortalDbContext db, IReadOnlyList<string> words, IReadOnlyList<string> audiences, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return [];
        }

        var all = string.Join(' ', words);
        var allButLast = string.Join(' ', words.Take(words.Count - 1));
        // The last word as a prefix only when long enough to mean something (as on SQLite).
        var prefix = words[^1].Length >= 3 ? words[^1].ToLowerInvariant() + ":*" : words[^1].ToLowerInvariant();
        var options = $"StartSel={SearchService.MatchStart}, StopSel={SearchService.MatchEnd}, MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…";
        var audienceList = audiences.ToArray();
        return await db.Database.SqlQuery<SearchHit>(
                $"""
                SELECT s.kind AS "Kind", s.itemid AS "ItemId", coalesce(s.title, '') AS "Title", s.date AS "Date",
                       CASE WHEN s.english @@ q.en THEN ts_headline('english', coalesce(s.body, ''), q.en, {options})
                            ELSE ts_headline('swedish', coalesce(s.body, ''), q.sv, {options}) END AS "Snippet"
                FROM (SELECT websearch_to_tsquery('english', {all}) || (websearch_to_tsquery('english', {allButLast}) && to_tsquery('english', {prefix})) AS en,
                             websearch_to_tsquery('swedish', {all}) || (websearch_to_tsquery('swedish', {allButLast}) && to_tsquery('swedish', {prefix})) AS sv) AS q,
                     searchindex AS s
                WHERE (s.english @@ q.en OR s.swedish @@ q.sv) AND s.audience = ANY({audienceList})
                ORDER BY greatest(ts_rank(s.english, q.en), ts_rank(s.swedish, q.sv))
                         * (CASE WHEN s.rowid < {SearchIndex.FirstNonReportRow} THEN 1.5 ELSE 1.0 END) DESC, s.rowid
                LIMIT {limit}
                """)
            .ToListAsync(ct);
    }
}
