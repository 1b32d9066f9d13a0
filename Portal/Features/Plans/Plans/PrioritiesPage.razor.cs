using Microsoft.AspNetCore.Components;
using Portal.Domain.Plans;
using MudBlazor;

namespace Portal.Features.Plans.Plans;

/// <summary>A plan's priorities: reworded, reordered and added by the plan's editors (through <see cref="PriorityList"/>).</summary>
public sealed partial class PrioritiesPage
{
    private PlanView? _plan;

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
}
