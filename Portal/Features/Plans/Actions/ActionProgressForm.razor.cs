using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Plans;

namespace Portal.Features.Plans.Actions;

/// <summary>An owner's progress report on an action: status, percent complete and commentary.</summary>
public sealed partial class ActionProgressForm
{
    private ActionStatus _status;
    private string? _percent;
    private string? _commentary;
    private int _version;
    private (ActionStatus, string?, string?) _loaded;

    [Parameter, EditorRequired]
    public ActionDetails Action { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    protected override IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>
    {
        [nameof(KeyAction.Status)] = "progress-status",
        [nameof(KeyAction.PercentComplete)] = "progress-percent",
        [nameof(ProgressUpdate.Commentary)] = "progress-commentary",
    };

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
        int? percent = int.TryParse(_percent, NumberStyles.Integer, CultureInfo.CurrentCulture, out var p) ? p : null;
        if (percent is null && !string.IsNullOrWhiteSpace(_percent))
        {
            Submission.Refuse("progress-percent", T["Rule.Action.PercentOutOfRange"]);
            return;
        }

        var saved = await SaveAsync(
            async ct => _version = await Actions.RecordProgressAsync(Action.Id, new ProgressEdit(_status, percent, _commentary, _version), ct),
            done: T["Progress.Saved"],
            refresh: async ct => _version = (await Actions.GetActionAsync(Action.Id, ct))?.Version ?? _version);
        if (saved)
        {
            _commentary = null;
            _loaded = (_status, _percent, _commentary);
            await Saved.InvokeAsync();
        }
    }
}
