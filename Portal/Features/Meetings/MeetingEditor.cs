using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Localization;
using Portal.Resources;

namespace Portal.Features.Meetings;

/// <summary>
/// What every part of the meeting page that writes has in common: it runs one service call at
/// a time, puts a broken rule beside its field and in the summary, shows what someone else
/// changed when a stale save is refused, and tells the page to reload after a save.
/// </summary>
public abstract class MeetingEditor : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _cts = new();

    [Inject]
    private IStringLocalizer<Text> Localizer { get; set; } = default!;

    [Inject]
    protected MeetingService Meetings { get; set; } = default!;

    [Parameter, EditorRequired]
    public MeetingDetails Meeting { get; set; } = default!;

    /// <summary>Raised after a successful save, so the page reloads the meeting.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    protected List<FormError> Errors { get; private set; } = [];

    protected IReadOnlyList<ChangeMade>? Conflict { get; private set; }

    protected string? Saved { get; set; }

    protected bool Busy { get; private set; }

    protected CancellationToken Token => _cts.Token;

    /// <summary>Runs <paramref name="save"/>; on success says <paramref name="done"/> and reloads the page's meeting.</summary>
    protected async Task<bool> RunAsync(Func<Task> save, Func<string?, string> fieldId, string? done = null)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(fieldId);
        if (Busy)
        {
            return false;
        }

        Busy = true;
        Errors = [];
        Saved = null;
        try
        {
            await save();
            Conflict = null;
            Saved = done ?? Localizer["Form.Saved"];
            await Changed.InvokeAsync();
            return true;
        }
        catch (DomainRuleException rule)
        {
            Errors = [new(fieldId(rule.Field), Localizer.Describe(rule))];
        }
        catch (ConcurrencyConflictException conflict)
        {
            Conflict = conflict.Changes;
            Errors = [new(string.Empty, Localizer["Conflict.Summary"])];
            await Changed.InvokeAsync();
        }
        finally
        {
            Busy = false;
        }

        return false;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cts.Cancel();
            _cts.Dispose();
        }
    }
}
