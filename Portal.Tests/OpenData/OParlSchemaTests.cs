using System.Text.Json;

namespace Portal.Tests.OpenData;

/// <summary>The schema check the crawl relies on does catch what the OParl schemas forbid.</summary>
public sealed class OParlSchemaTests
{
    [Fact]
    public void EveryOParlTypeHasItsSchema() =>
        Assert.Equal(
            ["AgendaItem", "Body", "Consultation", "File", "LegislativeTerm", "Location", "Meeting", "Membership", "Organization", "Paper", "Person", "System"],
            OParlSchemas.Types.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("""{"id":"https://x.example/a/1","type":"https://schema.oparl.org/1.1/AgendaItem","name":"No order"}""", "order")]
    [InlineData("""{"id":"https://x.example/m/1","type":"https://schema.oparl.org/1.1/Meeting","start":"25 August 2009"}""", "start")]
    [InlineData("""{"id":"not a url","type":"https://schema.oparl.org/1.1/Location"}""", "Location")]
    [InlineData("""{"data":[{"id":"https://x.example/b/1","type":"https://schema.oparl.org/1.1/Body","name":"No lists"}]}""", "Body")]
    [InlineData("""{"id":"https://x.example/m/1","type":"https://schema.oparl.org/1.1/Meeting","agendaItem":[{"id":"https://x.example/a/1","type":"https://schema.oparl.org/1.1/AgendaItem"}]}""", "AgendaItem")]
    public void AnObjectTheSchemaForbidsIsReported(string json, string named)
    {
        var problems = OParlSchemas.Problems(JsonDocument.Parse(json).RootElement, "test");
        Assert.Contains(problems, p => p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void AnObjectTheSchemaAllowsIsNotReported()
    {
        const string Json = """{"id":"https://x.example/m/1","type":"https://schema.oparl.org/1.1/Meeting","start":"2009-08-25T17:30:00+01:00","created":"2009-08-01T09:00:00+00:00","modified":"2009-08-01T09:00:00+00:00"}""";
        Assert.Empty(OParlSchemas.Problems(JsonDocument.Parse(Json).RootElement, "test"));
    }
}
