using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Localization;

namespace Portal.Features.Plans.Actions;

/// <summary>Adds an action to a plan or edits its details: priority, title, owner, lead unit and dates.</summary>
public sealed partial class ActionDetailsForm
{
    private static readonly Dictionary<string, string> FieldIds = new()
    {
        [nameof(KeyAction.PriorityId)] = "action-priority",
        [nameof(KeyAction.Title)] = "action-title",
        [nameof(KeyAction.Description)] = "action-description",
        [nameof(KeyAction.OwnerId)] = "action-owner",
        [nameof(KeyAction.LeadUnitId)] = "action-unit",
        [nameof(KeyAction.StartDate)] = "action-start",
        [nameof(KeyAction.DueDate)] = "action-due",
    };

    private readonly CancellationTokenSource _cts = new();
    private DetailsForm _form = new();
    private List<FormError> _errors = [];
    private IReadOnlyList<ChangeMade>? _conflict;
    private string? _saved;
    private bool _busy;
    private int _loadedFor = -1;
    private object? _snapshot;

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
        if (_busy)
        {
            return;
        }

        _busy = true;
        _errors = [];
        _saved = null;
        try
        {
            var edit = new ActionDetailsEdit(_form.PriorityId, _form.Title ?? string.Empty, _form.Description, _form.OwnerId, _form.LeadUnitId, _form.StartDate, _form.DueDate, _form.Version);
            if (Action is null)
            {
                var id = await Actions.CreateActionAsync(PlanId, edit, _cts.Token);
                Navigation.NavigateTo($"/plans/actions/{id}");
                return;
            }

            _form.Version = await Actions.UpdateDetailsAsync(Action.Id, edit, _cts.Token);
            _snapshot = _form.Values;
            _conflict = null;
            _saved = T["Form.Saved"];
            await Saved.InvokeAsync();
        }
        catch (DomainRuleException rule)
        {
            _errors = [new(rule.Field is { } f && FieldIds.TryGetValue(f, out var id) ? id : string.Empty, T.Describe(rule))];
        }
        catch (ConcurrencyConflictException conflict)
        {
            _conflict = conflict.Changes;
            _form.Version = (await Actions.GetActionAsync(Action!.Id, _cts.Token))?.Version ?? _form.Version;
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
