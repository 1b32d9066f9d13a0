namespace Portal.Tests.Benchmarks;

/// <summary>Benchmarks run alone, after the other tests, so that no browser or test competes for the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkCollection
{
    public const string Name = "Benchmarks";
}
