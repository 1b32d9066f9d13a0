using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Localization;

namespace Portal.Features.Plans.Actions;

/// <summary>An owner's progress report on an action: status, percent complete and commentary.</summary>
public sealed partial class ActionProgressForm
{
    private static readonly Dictionary<string, string> FieldIds = new()
    {
        [nameof(KeyAction.Status)] = "progress-status",
        [nameof(KeyAction.PercentComplete)] = "progress-percent",
        [nameof(ProgressUpdate.Commentary)] = "progress-commentary",
    };

    private readonly CancellationTokenSource _cts = new();
    private List<FormError> _errors = [];
    private IReadOnlyList<ChangeMade>? _conflict;
    private ActionStatus _status;
    private string? _percent;
    private string? _commentary;
    private string? _saved;
    private bool _busy;
    private int _version;
    private (ActionStatus, string?, string?) _loaded;

    [Parameter, EditorRequired]
    public ActionDetails Action { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    private bool Pristine => (_status, _percent, _commentary) == _loaded;

    protected override void OnParametersSet()
    {
        // Follow live changes until the editor starts typing; after that keep their version, so a
        // save made over someone else's change is refused rather than silently winning.
        if (_version == 0 || (Action.Version != _version && Pristine))
        {
            _status = Action.Status;
            _percent = Action.PercentComplete.ToString(CultureInfo.CurrentCulture);
            _commentary = null;
            _loaded = (_status, _percent, _commentary);
            _version = Action.Version;
        }
    }

    private async Task SaveAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _errors = [];
        _saved = null;
        try
        {
            int? percent = int.TryParse(_percent, NumberStyles.Integer, CultureInfo.CurrentCulture, out var p) ? p : null;
            if (percent is null && !string.IsNullOrWhiteSpace(_percent))
            {
                _errors = [new("progress-percent", T["Rule.Action.PercentOutOfRange"])];
                return;
            }

            _version = await Actions.RecordProgressAsync(Action.Id, new ProgressEdit(_status, percent, _commentary, _version), _cts.Token);
            _conflict = null;
            _commentary = null;
            _loaded = (_status, _percent, _commentary);
            _saved = T["Progress.Saved"];
            await Saved.InvokeAsync();
        }
        catch (DomainRuleException rule)
        {
            _errors = [new(rule.Field is { } f && FieldIds.TryGetValue(f, out var id) ? id : string.Empty, T.Describe(rule))];
        }
        catch (ConcurrencyConflictException conflict)
        {
            _conflict = conflict.Changes;
            _version = (await Actions.GetActionAsync(Action.Id, _cts.Token))?.Version ?? _version;
            _errors = [new(string.Empty, T["Conflict.Summary"])];
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
