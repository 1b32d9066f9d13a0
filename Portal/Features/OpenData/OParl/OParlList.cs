using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// A request for a page of an external object list: <c>page</c>, <c>limit</c> (at most
/// <see cref="MaxLimit"/>), and the four filters the specification requires
/// (<c>created_since</c>, <c>created_until</c>, <c>modified_since</c>, <c>modified_until</c>)
/// with <c>omit_internal</c>. Written back in one canonical order, so each page has one URL.
/// </summary>
public sealed record OParlListQuery(
    int Page, int Limit, DateTimeOffset? CreatedSince, DateTimeOffset? CreatedUntil, DateTimeOffset? ModifiedSince, DateTimeOffset? ModifiedUntil, bool OmitInternal)
{
    public const int MaxLimit = 100;

    public bool Filtered => CreatedSince is not null || CreatedUntil is not null || ModifiedSince is not null || ModifiedUntil is not null;

    /// <summary>Reads the query string; a value that is not a date-time or a number is a problem named in words.</summary>
    public static OParlListQuery? TryRead(IQueryCollection query, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        problem = null;
        string? error = null;
        var page = 1;
        var limit = MaxLimit;
        if (query["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            problem = "page must be a whole number from 1.";
            return null;
        }

        if (query["limit"].ToString() is { Length: > 0 } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            problem = "limit must be a whole number from 1.";
            return null;
        }

        DateTimeOffset? Time(string name)
        {
            var text = query[name].ToString();
            if (text.Length == 0 || error is not null)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }

            error = $"{name} must be a date-time such as 2014-01-01T00:00:00+01:00.";
            return null;
        }

        var result = new OParlListQuery(
            page, Math.Min(limit, MaxLimit), Time("created_since"), Time("created_until"), Time("modified_since"), Time("modified_until"),
            string.Equals(query["omit_internal"], "true", StringComparison.OrdinalIgnoreCase));
        problem = error;
        return error is null ? result : null;
    }

    public bool Matches(OParlStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return (CreatedSince is not { } cs || stamp.Created >= cs.UtcDateTime)
            && (CreatedUntil is not { } cu || stamp.Created <= cu.UtcDateTime)
            && (ModifiedSince is not { } ms || stamp.Modified >= ms.UtcDateTime)
            && (ModifiedUntil is not { } mu || stamp.Modified <= mu.UtcDateTime);
    }

    /// <summary>This query's URL for <paramref name="page"/> of <paramref name="list"/>, the filters kept.</summary>
    public string Url(string list, int page)
    {
        var parts = new List<string>();
        void Add(string name, DateTimeOffset? value)
        {
            if (value is { } v)
            {
                parts.Add($"{name}={Uri.EscapeDataString(OParlJson.DateTime(v))}");
            }
        }

        Add("created_since", CreatedSince);
        Add("created_until", CreatedUntil);
        Add("modified_since", ModifiedSince);
        Add("modified_until", ModifiedUntil);
        if (OmitInternal)
        {
            parts.Add("omit_internal=true");
        }

        if (Limit != MaxLimit)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"limit={Limit}"));
        }

        if (page > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"page={page}"));
        }

        return parts.Count == 0 ? list : new StringBuilder(list).Append('?').AppendJoin('&', parts).ToString();
    }
}

/// <summary>
/// What a list is made of: the ids the public may see in a stable order, how to stamp them,
/// how to write a page of them, and (for <c>modified_since</c>) those deleted or depublished
/// that the public once saw.
/// </summary>
internal sealed record OParlListSource(
    string Type,
    Func<int, string> Url,
    IReadOnlyList<int> Ids,
    Func<IReadOnlyCollection<int>, Task<Dictionary<int, OParlStamp>>> Stamps,
    Func<IReadOnlyList<int>, IReadOnlyDictionary<int, OParlStamp>, Task<IReadOnlyList<JsonObject>>> Write,
    Func<DateTime, Task<List<(int Id, OParlStamp Stamp)>>>? Deleted = null);

/// <summary>Writes one page of an external object list: <c>data</c>, <c>pagination</c> and <c>links</c>, with the filters applied.</summary>
internal static class OParlList
{
    public static async Task<JsonObject> WriteAsync(OParlListSource source, OParlListQuery query, string listUrl, OParlStamp fallback)
    {
        IReadOnlyList<int> live = source.Ids;
        Dictionary<int, OParlStamp>? stamps = null;
        if (query.Filtered)
        {
            stamps = await source.Stamps(source.Ids);
            live = source.Ids.Where(id => query.Matches(stamps.GetValueOrDefault(id) ?? fallback)).ToList();
        }

        // Deleted objects only for an update (modified_since), and never inside a live list's order: after it, by id.
        var gone = query.ModifiedSince is { } since && source.Deleted is not null
            ? (await source.Deleted(since.UtcDateTime)).Where(d => query.Matches(d.Stamp)).ToList()
            : [];
        var total = live.Count + gone.Count;
        var skip = (query.Page - 1) * query.Limit;
        var pageLive = live.Skip(skip).Take(query.Limit).ToList();
        var pageGone = gone.Skip(Math.Max(0, skip - live.Count)).Take(query.Limit - pageLive.Count).ToList();
        stamps ??= await source.Stamps(pageLive);
        var pageStamps = pageLive.ToDictionary(id => id, id => stamps.GetValueOrDefault(id) ?? fallback);
        var data = new JsonArray();
        foreach (var node in await source.Write(pageLive, pageStamps))
        {
            data.Add(node);
        }

        foreach (var (id, stamp) in pageGone)
        {
            data.Add(OParlJson.Deleted(source.Type, source.Url(id), stamp));
        }

        var pages = Math.Max(1, (total + query.Limit - 1) / query.Limit);
        var links = new JsonObject { ["first"] = query.Url(listUrl, 1) };
        if (query.Page > 1)
        {
            links["prev"] = query.Url(listUrl, Math.Min(query.Page - 1, pages));
        }

        links["self"] = query.Url(listUrl, query.Page);
        if (query.Page < pages)
        {
            links["next"] = query.Url(listUrl, query.Page + 1);
        }

        links["last"] = query.Url(listUrl, pages);
        return new JsonObject
        {
            ["data"] = data,
            ["pagination"] = new JsonObject
            {
                ["totalElements"] = total,
                ["elementsPerPage"] = query.Limit,
                ["currentPage"] = query.Page,
                ["totalPages"] = pages,
            },
            ["links"] = links,
        };
    }
}
