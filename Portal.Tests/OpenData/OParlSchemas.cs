using System.Text.Json;
using Json.Schema;

namespace Portal.Tests.OpenData;

/// <summary>
/// The OParl 1.1 JSON schemas, copied unchanged from the specification's repository
/// (github.com/OParl/spec, schema/, commit 0ca3435, CC BY-SA 4.0), and every object served checked
/// against the schema its <c>type</c> names, with the objects written inside it checked the same
/// way. Formats are checked too: OParl's own "url" as an absolute http(s) address, dates and
/// date-times as JSON Schema defines them.
/// </summary>
internal static class OParlSchemas
{
    private const string TypePrefix = "https://schema.oparl.org/1.1/";

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(Load);

    private static readonly EvaluationOptions Options = CreateOptions();

    public static IReadOnlyCollection<string> Types => Schemas.Value.Keys.ToList();

    /// <summary>The problems with <paramref name="node"/> and every OParl object inside it, each naming where it was found.</summary>
    public static List<string> Problems(JsonElement node, string where, ISet<string>? typesSeen = null)
    {
        var problems = new List<string>();
        Walk(node, where, problems, typesSeen);
        return problems;
    }

    private static void Walk(JsonElement node, string where, List<string> problems, ISet<string>? typesSeen)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                Walk(item, where, problems, typesSeen);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString()!.StartsWith(TypePrefix, StringComparison.Ordinal))
        {
            var name = type.GetString()![TypePrefix.Length..];
            typesSeen?.Add(name);
            if (!Schemas.Value.TryGetValue(name, out var schema))
            {
                problems.Add($"{where}: no OParl 1.1 schema for type {name}");
            }
            else
            {
                var result = schema.Evaluate(node, Options);
                if (!result.IsValid)
                {
                    var id = node.TryGetProperty("id", out var i) ? i.GetString() : "(no id)";
                    problems.Add($"{where}: {name} {id} fails its schema: {Describe(result)}");
                }
            }
        }

        foreach (var property in node.EnumerateObject())
        {
            Walk(property.Value, where, problems, typesSeen);
        }
    }

    private static string Describe(EvaluationResults result)
    {
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"));
        return string.Join("; ", errors.Take(10));
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "OpenData", "Schemas");
        return Directory.GetFiles(folder, "*.json").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => JsonSchema.FromText(File.ReadAllText(f), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07.With([], null, null, true) }, new Uri($"https://schema.oparl.org/1.1/{Path.GetFileName(f)}")));
    }

    private static EvaluationOptions CreateOptions()
    {
        var formats = new FormatRegistry();
        formats.Register(new PredicateFormat("url", e => e.ValueKind != JsonValueKind.String
            || (Uri.TryCreate(e.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))));
        return new EvaluationOptions { RequireFormatValidation = true, FormatRegistry = formats, OutputFormat = OutputFormat.List };
    }
}
