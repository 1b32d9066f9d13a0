using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Features.OpenData.OParl;

/// <summary>When an OParl object was created and last changed (UTC), read from the audit trail.</summary>
public sealed record OParlStamp(DateTime Created, DateTime Modified)
{
    /// <summary>The later of two stamps' changes: an object that embeds another changes when it does.</summary>
    public OParlStamp With(OParlStamp? other) =>
        other is null ? this : new(Created < other.Created ? Created : other.Created, Modified > other.Modified ? Modified : other.Modified);
}

/// <summary>
/// Writes OParl 1.1 objects: every one with its <c>id</c> (its URL), <c>type</c>, <c>created</c>
/// and <c>modified</c>; a property with no value is left out rather than written as null or
/// an empty list, as the specification asks (a required list is written even when empty).
/// Portal's own properties carry the prefix <c>portal:</c>, as vendor extensions must.
/// </summary>
public static class OParlJson
{
    public const string Vendor = "portal:";

    public static JsonObject Object(string type, string id, OParlStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return new JsonObject
        {
            ["id"] = id,
            ["type"] = $"https://schema.oparl.org/1.1/{type}",
            ["created"] = DateTime(stamp.Created),
            ["modified"] = DateTime(stamp.Modified),
        };
    }

    /// <summary>
    /// A deleted (or depublished) object: id, type, created, the time it went, and <c>deleted: true</c>, nothing
    /// it said. Where its schema requires more, the least that satisfies it and tells nothing: a File's
    /// <c>accessUrl</c> is its own address, an AgendaItem's <c>order</c> 0.
    /// </summary>
    public static JsonObject Deleted(string type, string id, OParlStamp stamp)
    {
        var node = Object(type, id, stamp);
        node["deleted"] = true;
        if (type == "File")
        {
            node["accessUrl"] = id;
        }
        else if (type == "AgendaItem")
        {
            node["order"] = 0;
        }

        return node;
    }

    public static JsonObject Set(this JsonObject node, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!string.IsNullOrWhiteSpace(value))
        {
            node[name] = value;
        }

        return node;
    }

    public static JsonObject Set(this JsonObject node, string name, bool? value)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (value is bool b)
        {
            node[name] = b;
        }

        return node;
    }

    public static JsonObject Set(this JsonObject node, string name, long? value)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (value is long n)
        {
            node[name] = n;
        }

        return node;
    }

    public static JsonObject Set(this JsonObject node, string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (value is not null)
        {
            node[name] = value;
        }

        return node;
    }

    /// <summary>A list of URLs or objects; left out when empty unless <paramref name="required"/>.</summary>
    public static JsonObject List(this JsonObject node, string name, IEnumerable<JsonNode?> values, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        var array = new JsonArray([.. values.Where(v => v is not null)]);
        if (array.Count > 0 || required)
        {
            node[name] = array;
        }

        return node;
    }

    public static JsonObject List(this JsonObject node, string name, IEnumerable<string> values) =>
        node.List(name, values.Select(v => (JsonNode?)JsonValue.Create(v)));

    /// <summary>yyyy-mm-ddThh:mm:ss±hh:mm, as OParl writes a date-time.</summary>
    public static string DateTime(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc) => DateTime(new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
