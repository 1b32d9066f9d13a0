using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Plans;
using Portal.Features.Plans.Plans;

namespace Portal.Features.Plans.Indicators;

/// <summary>Adds an indicator to one of a plan's priorities, with its unit, polarity, frequency, baseline and tolerance.</summary>
public sealed partial class NewIndicatorPage
{
    protected override IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>
    {
        [nameof(PerformanceIndicator.PriorityId)] = "indicator-priority",
        [nameof(PerformanceIndicator.Code)] = "indicator-code",
        [nameof(PerformanceIndicator.Title)] = "indicator-title",
        [nameof(PerformanceIndicator.Definition)] = "indicator-definition",
        [nameof(PerformanceIndicator.Baseline)] = "indicator-baseline",
        [nameof(PerformanceIndicator.Tolerance)] = "indicator-tolerance",
        [nameof(PerformanceIndicator.OwnerId)] = "indicator-owner",
    };

    private PlanView? _plan;
    private EditChoices? _choices;
    private bool _denied;
    private int _priorityId;
    private string? _code;
    private string? _title;
    private string? _definition;
    private MeasureUnit _unit = MeasureUnit.Percent;
    private Polarity _polarity = Polarity.HigherIsBetter;
    private Frequency _frequency = Frequency.Quarterly;
    private string? _baseline;
    private string? _tolerance;
    private int _ownerId;

    [Parameter]
    public int PlanId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _plan = await Plans.GetPlanAsync(PlanId, null, Closing);
        _denied = _plan is { CanEdit: false };
        _choices = _plan is { CanEdit: true } ? await Plans.GetChoicesAsync(PlanId, Closing) : null;
    }

    private Task SaveAsync() => SaveAsync(async ct =>
    {
        var id = await Indicators.CreateIndicatorAsync(PlanId, new NewIndicator(
            _priorityId, _code ?? string.Empty, _title ?? string.Empty, _definition, _unit, _polarity, _frequency, _baseline, _tolerance, _ownerId), ct);
        Navigation.NavigateTo($"/plans/indicators/{id}");
    });
}
