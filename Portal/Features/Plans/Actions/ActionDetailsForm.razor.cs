using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Plans;

namespace Portal.Features.Plans.Actions;

/// <summary>Adds an action to a plan or edits its details: priority, title, owner, lead unit and dates.</summary>
public sealed partial class ActionDetailsForm
{
    private DetailsForm _form = new();
    private int _loadedFor = -1;
    private object? _snapshot;

    protected override IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>
    {
        [nameof(KeyAction.PriorityId)] = "action-priority",
        [nameof(KeyAction.Title)] = "action-title",
        [nameof(KeyAction.Description)] = "action-description",
        [nameof(KeyAction.OwnerId)] = "action-owner",
        [nameof(KeyAction.LeadUnitId)] = "action-unit",
        [nameof(KeyAction.StartDate)] = "action-start",
        [nameof(KeyAction.DueDate)] = "action-due",
    };

    /// <summary>The action to edit, or null to add a new one to <see cref="PlanId"/>.</summary>
    [Parameter]
    public ActionDetails? Action { get; set; }

    [Parameter]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public EditChoices Choices { get; set; } = default!;

    [Parameter]
    public bool ShowHeading { get; set; } = true;

    [Parameter]
    public EventCallback Saved { get; set; }

    protected override void OnParametersSet()
    {
        // Load once, then follow live changes only while the editor has not changed anything.
        var id = Action?.Id ?? 0;
        if (_loadedFor != id || (Action is not null && Action.Version != _form.Version && Equals(_form.Values, _snapshot)))
        {
            _loadedFor = id;
            _form = Action is null
                ? new DetailsForm()
                : new DetailsForm
                {
                    PriorityId = Action.Priority.Id, Title = Action.Title, Description = Action.Description, OwnerId = Action.Owner.Id,
                    LeadUnitId = Action.LeadUnit.Id, StartDate = Action.StartDate, DueDate = Action.DueDate, Version = Action.Version,
                };
            _snapshot = _form.Values;
        }
    }

    private async Task SaveAsync()
    {
        var edit = new ActionDetailsEdit(_form.PriorityId, _form.Title ?? string.Empty, _form.Description, _form.OwnerId, _form.LeadUnitId, _form.StartDate, _form.DueDate, _form.Version);
        if (Action is null)
        {
            await SaveAsync(async ct => Navigation.NavigateTo($"/plans/actions/{await Actions.CreateActionAsync(PlanId, edit, ct)}"));
            return;
        }

        var saved = await SaveAsync(
            async ct => _form.Version = await Actions.UpdateDetailsAsync(Action.Id, edit, ct),
            refresh: async ct => _form.Version = (await Actions.GetActionAsync(Action.Id, ct))?.Version ?? _form.Version);
        if (saved)
        {
            _snapshot = _form.Values;
            await Saved.InvokeAsync();
        }
    }

    private sealed class DetailsForm
    {
        public int PriorityId { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public int OwnerId { get; set; }

        public int LeadUnitId { get; set; }

        public DateOnly? StartDate { get; set; }

        public DateOnly? DueDate { get; set; }

        public int Version { get; set; }

        /// <summary>What the editor can change, to tell an untouched form from an edited one.</summary>
        public object Values => (PriorityId, Title, Description, OwnerId, LeadUnitId, StartDate, DueDate);
    }
}
