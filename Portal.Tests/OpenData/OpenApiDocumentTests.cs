using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Portal.Features.OpenData.Api;
using Portal.Tests.Browser;
using Portal.Tests.Security;

namespace Portal.Tests.OpenData;

/// <summary>
/// <c>/api/v1</c> against its own OpenAPI document: the document describes exactly the API's
/// operations, and each answers with the shape the document gives it (every item on a page
/// checked against the document's schema), filtered and paged as it says.
/// </summary>
public sealed class OpenApiDocumentTests : HttpTest
{
    protected override PortalApp CreateApp() => new(settings: new Dictionary<string, string> { ["Portal:RateLimits:OpenDataPerAddress"] = "0" });

    [Fact]
    public async Task TheDocumentDescribesEveryOperationAndEachAnswersInTheShapeItGives()
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        var text = await client.GetStringAsync(ApiEndpoints.DocumentPath, Ct);
        var document = JsonNode.Parse(text)!.AsObject();
        var paths = document["paths"]!.AsObject();
        Assert.Equal(ApiEndpoints.Operations.Select(o => o.Path).Order(StringComparer.Ordinal), paths.Select(p => p.Key).Order(StringComparer.Ordinal));

        // The document's schemas as one JSON Schema (2020-12, which OpenAPI 3.1 uses), its references pointing into it.
        var definitions = JsonNode.Parse(document["components"]?["schemas"]?.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal) ?? "{}");
        foreach (var (path, operation) in paths)
        {
            var get = operation!["get"]!;
            var parameters = get["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
            // Officer and executive member decisions belong to no body: they are filtered by date only.
            Assert.Superset(path.EndsWith("/officer-decisions", StringComparison.Ordinal)
                ? new HashSet<string> { "from", "to", "page", "pageSize" }
                : new HashSet<string> { "body", "from", "to", "page", "pageSize" }, parameters.ToHashSet());
            var schemaNode = JsonNode.Parse(get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString()
                .Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
            schemaNode["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            schemaNode["$defs"] = definitions!.DeepClone();
            var schema = JsonSchema.FromText(schemaNode.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://portal.example{path}"));

            using var response = await client.GetAsync($"{path}?pageSize=2", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            var result = schema.Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{path} does not answer as its OpenAPI document says: " +
                string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}"))));
            Assert.True(answer.GetProperty("items").GetArrayLength() <= 2);
            Assert.Equal(2, answer.GetProperty("pageSize").GetInt32());
        }
    }

    [Fact]
    public async Task TheApiFiltersByBodyAndDateAndPages()
    {
        using var client = await PortalHttp.ClientAsync(App.BaseUrl);
        var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/decisions", Ct)).RootElement;
        Assert.True(all.GetProperty("total").GetInt32() > 0);
        var first = all.GetProperty("items")[0];
        var decided = first.GetProperty("decidedOn").GetString();
        Assert.Equal(all.GetProperty("total").GetInt32(), JsonDocument.Parse(await client.GetStringAsync("/api/v1/decisions?body=emap-cs", Ct)).RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync("/api/v1/decisions?body=employment-panel", Ct)).RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync("/api/v1/decisions?body=emg", Ct)).RootElement.GetProperty("total").GetInt32());
        Assert.True(JsonDocument.Parse(await client.GetStringAsync($"/api/v1/decisions?from={decided}&to={decided}", Ct)).RootElement.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync("/api/v1/decisions?from=2100-01-01", Ct)).RootElement.GetProperty("total").GetInt32());
        Assert.True(first.TryGetProperty("reasons", out _), "An open report's decision carries its reasons.");

        var plan = JsonDocument.Parse(await client.GetStringAsync("/api/v1/forward-plan?pageSize=1", Ct)).RootElement;
        if (plan.GetProperty("total").GetInt32() > 1)
        {
            var next = new Uri(plan.GetProperty("next").GetString()!);
            Assert.Contains("page=2", next.Query, StringComparison.Ordinal);
            var second = JsonDocument.Parse(await client.GetStringAsync(next.PathAndQuery, Ct)).RootElement;
            Assert.Equal(2, second.GetProperty("page").GetInt32());
            Assert.NotEqual(plan.GetProperty("items")[0].GetProperty("id").GetInt32(), second.GetProperty("items")[0].GetProperty("id").GetInt32());
        }
        else
        {
            Assert.False(plan.TryGetProperty("next", out _));
        }
    }
}
