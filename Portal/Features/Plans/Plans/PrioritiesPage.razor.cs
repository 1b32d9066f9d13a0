using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Localization;

namespace Portal.Features.Plans.Plans;

/// <summary>A plan's priorities: reworded, reordered and added by the plan's editors.</summary>
public sealed partial class PrioritiesPage
{
    private PlanView? _plan;
    private List<FormError> _errors = [];
    private IReadOnlyList<ChangeMade>? _conflict;
    private int? _editing;
    private int _editingVersion;
    private string? _title;
    private string? _description;
    private string? _newTitle;
    private string? _newDescription;
    private bool _busy;

    [Parameter]
    public int PlanId { get; set; }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(T["Plans.Title"], "/plans"),
        new(_plan?.Title ?? string.Empty, $"/plans/{PlanId}"),
        new(T["Priority.PageTitle"], null, disabled: true),
    ];

    protected override void OnInitialized() => Follow<PlanChanged>(change => change.PlanId == PlanId && change.Kind == PlanItemKind.Plan);

    protected override async Task LoadAsync(CancellationToken ct) => _plan = await Plans.GetPlanAsync(PlanId, null, ct) ?? throw new KeyNotFoundException();

    private void Edit(PriorityView priority) =>
        (_editing, _editingVersion, _title, _description, _errors, _conflict) = (priority.Id, priority.Version, priority.Title, priority.Description, [], null);

    private Task SaveAsync(PriorityView priority) => RunAsync("priority-title", async () =>
    {
        await Plans.RevisePriorityAsync(PlanId, priority.Id, _title ?? string.Empty, _description, _editingVersion, Closing);
        _editing = null;
    });

    private Task MoveAsync(PriorityView priority, int offset) => RunAsync(string.Empty, () => Plans.MovePriorityAsync(PlanId, priority.Id, offset, Closing));

    private Task AddAsync() => RunAsync("new-priority", async () =>
    {
        await Plans.AddPriorityAsync(PlanId, _newTitle ?? string.Empty, _newDescription, Closing);
        (_newTitle, _newDescription) = (null, null);
    });

    private async Task RunAsync(string titleField, Func<Task> work)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _errors = [];
        _conflict = null;
        try
        {
            await work();
            await ReloadAsync();
        }
        catch (DomainRuleException rule)
        {
            _errors = [new(rule.Field == nameof(Priority.Title) ? titleField : string.Empty, T.Describe(rule))];
        }
        catch (ConcurrencyConflictException conflict)
        {
            _conflict = conflict.Changes;
            _errors = [new(string.Empty, T["Conflict.Summary"])];
            await ReloadAsync();
            _editingVersion = _plan?.Priorities.FirstOrDefault(p => p.Id == _editing)?.Version ?? _editingVersion;
        }
        finally
        {
            _busy = false;
        }
    }
}
