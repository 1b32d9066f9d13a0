using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Tests.Components;

/// <summary>
/// The one live-page pattern and the one editor base: a burst of changes reloads a page once more,
/// not once each; changes for something else do not reload it; closing it lets go of the feed; an
/// editor puts a broken rule beside its field and a stale save in the conflict notice, keeping
/// what was typed.
/// </summary>
public sealed class LivePageAndEditorTests : ComponentTest
{
    private readonly ChangeFeed _feed = new(NullLogger<ChangeFeed>.Instance);

    public LivePageAndEditorTests() => Services.AddSingleton(_feed);

    [Fact]
    public void ABurstOfChangesWhileAReloadRunsMakesOneMoreReloadNotOneEach()
    {
        UseCulture("en-GB");
        var cut = Render<CountingPage>(p => p.Add(c => c.UnitId, 7));
        Assert.Equal(1, cut.Instance.Loads);

        cut.Instance.Gate = new TaskCompletionSource();
        _feed.Publish(new TestChange(7));
        _feed.Publish(new TestChange(7));
        _feed.Publish(new TestChange(7));
        Assert.Equal(2, cut.Instance.Loads);

        cut.Instance.Gate.SetResult();
        cut.WaitForAssertion(() => Assert.Equal("Changed 3", cut.Find("[aria-live=polite]").TextContent));
        Assert.Equal(3, cut.Instance.Loads);
    }

    [Fact]
    public void AChangeToSomethingElseLeavesThePageAlone()
    {
        var cut = Render<CountingPage>(p => p.Add(c => c.UnitId, 7));

        _feed.Publish(new TestChange(8));

        Assert.Equal(1, cut.Instance.Loads);
        Assert.Empty(cut.Find("[aria-live=polite]").TextContent);
    }

    [Fact]
    public async Task ClosingThePageLetsGoOfTheFeed()
    {
        var before = _feed.SubscriberCount;
        var page = Render<CountingPage>(p => p.Add(c => c.UnitId, 7)).Instance;
        Assert.Equal(before + 2, _feed.SubscriberCount); // its change, and the feed's reconnect (ChangesMayHaveBeenMissed)

        await DisposeComponentsAsync();
        _feed.Publish(new TestChange(7));

        Assert.Equal(before, _feed.SubscriberCount);
        Assert.Equal(1, page.Loads);
    }

    [Fact]
    public void AfterTheFeedAcrossInstancesReconnectsALivePageReloadsOnce()
    {
        var cut = Render<CountingPage>(p => p.Add(c => c.UnitId, 7));

        _feed.Deliver(new Portal.Infrastructure.LiveUpdates.ChangesMayHaveBeenMissed(DateTime.UtcNow));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.Instance.Loads));
    }

    [Fact]
    public async Task AnEditorPutsABrokenRuleBesideItsFieldAndAStaleSaveInTheNoticeKeepingWhatWasTyped()
    {
        UseCulture("en-GB");
        var cut = Render<TestEditor>();

        cut.Instance.Failure = new DomainRuleException("Unit.NameRequired", "Name required", "Name");
        await cut.InvokeAsync(cut.Instance.SaveAsync);
        Assert.True(cut.Instance.HasError("unit-name"));
        Assert.False(cut.Instance.Saved);

        cut.Instance.Failure = new ConcurrencyConflictException("Unit", "7", [new ChangeMade("Ann Other", DateTime.UtcNow, "Name", "Old", "New")]);
        await cut.InvokeAsync(cut.Instance.SaveAsync);
        Assert.Equal(2, cut.Instance.Version);
        Assert.Contains("Ann Other", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Typed by the editor", cut.Instance.Typed);

        cut.Instance.Failure = null;
        await cut.InvokeAsync(cut.Instance.SaveAsync);
        Assert.True(cut.Instance.Saved);
        Assert.False(cut.Instance.HasError("unit-name"));
        Assert.DoesNotContain("Ann Other", cut.Markup, StringComparison.Ordinal);
    }

    private sealed record TestChange(int UnitId);

    private sealed class CountingPage : LivePage
    {
        [Parameter]
        public int UnitId { get; set; }

        public int Loads { get; private set; }

        public TaskCompletionSource? Gate { get; set; }

        protected override string? ChangedMessage => $"Changed {Loads}";

        protected override void OnInitialized() => Follow<TestChange>(change => change.UnitId == UnitId);

        protected override async Task LoadAsync(CancellationToken ct)
        {
            Loads++;
            if (Gate is not null)
            {
                await Gate.Task;
            }
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "aria-live", "polite");
            builder.AddContent(2, LiveMessage);
            builder.CloseElement();
        }
    }

    private sealed class TestEditor : Editor
    {
        public Exception? Failure { get; set; }

        public int Version { get; private set; } = 1;

        public string Typed { get; } = "Typed by the editor";

        public bool Saved { get; private set; }

        protected override IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string> { ["Name"] = "unit-name" };

        public bool HasError(string inputId) => Has(inputId) && MessageFor(inputId) is { Length: > 0 };

        public async Task SaveAsync()
        {
            Saved = await SaveAsync(
                _ => Failure is null ? Task.CompletedTask : Task.FromException(Failure),
                refresh: _ =>
                {
                    Version = 2;
                    return Task.CompletedTask;
                });
            StateHasChanged();
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<ConflictNotice>(0);
            builder.AddAttribute(1, nameof(ConflictNotice.Changes), Submission.Conflict);
            builder.CloseComponent();
        }
    }
}
