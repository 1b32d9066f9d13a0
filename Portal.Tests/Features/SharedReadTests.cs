using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Tests.Features;

/// <summary>When a shared read (a dashboard, the directorate map) may be used again, and when it must be read afresh.</summary>
public sealed class SharedReadTests
{
    private readonly ChangeFeed _changes = new(NullLogger<ChangeFeed>.Instance);
    private readonly FakeTimeProvider _clock = new();
    private int _reads;

    private SharedRead<int> Begin(Func<Task<int>>? read = null) =>
        new(_changes, _clock, TimeSpan.FromMinutes(5), read ?? (() => Task.FromResult(++_reads)));

    [Fact]
    public async Task IsReadOnceForEveryoneWhoAsksUntilSomethingIsPublished()
    {
        var shared = Begin();
        Assert.Equal(1, await shared.Value);
        Assert.Equal(1, await shared.Value);
        Assert.Equal(1, _reads);
        Assert.True(shared.IsGood);

        _changes.Publish("saved");
        Assert.False(shared.IsGood);
    }

    [Fact]
    public void IsGoodForItsAgeLimitAtMost()
    {
        var shared = Begin();
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.True(shared.IsGood);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(shared.IsGood);
    }

    [Fact]
    public async Task AFailedReadIsGoodForNoOne()
    {
        var shared = Begin(() => Task.FromException<int>(new InvalidOperationException("the database was busy")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => shared.Value);
        Assert.False(shared.IsGood);
    }
}
