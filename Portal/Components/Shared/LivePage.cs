using Microsoft.AspNetCore.Components;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Components.Shared;

/// <summary>
/// A page that stays live, the one way: it follows the changes it shows from the
/// <see cref="ChangeFeed"/>, reloads once for a burst of them (a change that arrives while a
/// reload runs makes one more, never one each), says so politely in words for a screen reader,
/// and lets go of the feed and its reads when it closes.
/// </summary>
/// <remarks>
/// A page's own forms do not reload it after a save: the service publishes the save, and the
/// page reloads from the feed once, as every other open page does.
/// </remarks>
public abstract class LivePage : ComponentBase, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly CancellationTokenSource _closing;
    private readonly CancellationToken _closingToken;
    private Task? _reloading;
    private bool _again;
    private bool _disposed;

    protected LivePage()
    {
        _closing = new CancellationTokenSource();
        // Taken once: a token stays readable after its source is disposed with the page.
        _closingToken = _closing.Token;
    }

    [Inject]
    protected ChangeFeed Changes { get; set; } = default!;

    /// <summary>What the page's polite live region says after a change reached it; null until one does.</summary>
    protected string? LiveMessage { get; private set; }

    /// <summary>Cancelled when the page closes: pass it to every read.</summary>
    protected CancellationToken Closing => _closingToken;

    /// <summary>Reads what the page shows. Called when its parameters are set and after each burst of changes it follows.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    /// <summary>The words said after a change from the feed (for example "This unit has just been updated."), or null to say nothing.</summary>
    protected virtual string? ChangedMessage => null;

    /// <summary>
    /// Reloads when a <typeparamref name="TChange"/> is published that <paramref name="concerns"/> this page (all of them when not given).
    /// The filter runs on the page's own dispatcher, so it may read what the page shows.
    /// </summary>
    protected void Follow<TChange>(Func<TChange, bool>? concerns = null)
    {
        if (_subscriptions.Count == 0)
        {
            // After the cross-instance feed reconnects, changes made elsewhere meanwhile may have been missed: reload once.
            _subscriptions.Add(Changes.Subscribe<ChangesMayHaveBeenMissed>(missed => _ = InvokeAsync(ChangedAsync)));
        }

        _subscriptions.Add(Changes.Subscribe<TChange>(change => _ = InvokeAsync(() => concerns is null || concerns(change) ? ChangedAsync() : Task.CompletedTask)));
    }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    /// <summary>Reloads now, or once more after the reload already running.</summary>
    protected Task ReloadAsync() => ReloadAsync(out _);

    private Task ReloadAsync(out bool joined)
    {
        joined = _reloading is { IsCompleted: false };
        if (joined)
        {
            _again = true;
            return _reloading!;
        }

        _reloading = ReloadUntilSettledAsync();
        return _reloading;
    }

    private async Task ReloadUntilSettledAsync()
    {
        do
        {
            _again = false;
            await LoadAsync(Closing);
        }
        while (_again && !Closing.IsCancellationRequested);
    }

    private async Task ChangedAsync()
    {
        if (Closing.IsCancellationRequested)
        {
            return;
        }

        var joined = false;
        try
        {
            await ReloadAsync(out joined);
            LiveMessage = ChangedMessage;
            StateHasChanged();
        }
        catch (OperationCanceledException) when (Closing.IsCancellationRequested)
        {
            // The page closed while it read; nothing is left to show.
        }
        catch (Exception ex)
        {
            // Reported once, by the change that began the reload, not again by each that joined it.
            if (!joined)
            {
                await DispatchExceptionAsync(ex);
            }
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _closing.Cancel();
        _closing.Dispose();
    }
}
