using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Plans.Plans;
using Portal.Infrastructure.Localization;

namespace Portal.Features.Plans.Indicators;

/// <summary>Adds an indicator to one of a plan's priorities, with its unit, polarity, frequency, baseline and tolerance.</summary>
public sealed partial class NewIndicatorPage
{
    private static readonly Dictionary<string, string> FieldIds = new()
    {
        [nameof(PerformanceIndicator.PriorityId)] = "indicator-priority",
        [nameof(PerformanceIndicator.Code)] = "indicator-code",
        [nameof(PerformanceIndicator.Title)] = "indicator-title",
        [nameof(PerformanceIndicator.Definition)] = "indicator-definition",
        [nameof(PerformanceIndicator.Baseline)] = "indicator-baseline",
        [nameof(PerformanceIndicator.Tolerance)] = "indicator-tolerance",
        [nameof(PerformanceIndicator.OwnerId)] = "indicator-owner",
    };

    private readonly CancellationTokenSource _cts = new();
    private PlanView? _plan;
    private EditChoices? _choices;
    private List<FormError> _errors = [];
    private bool _denied;
    private bool _busy;
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
        _plan = await Plans.GetPlanAsync(PlanId, null, _cts.Token);
        _denied = _plan is { CanEdit: false };
        _choices = _plan is { CanEdit: true } ? await Plans.GetChoicesAsync(PlanId, _cts.Token) : null;
    }

    private async Task SaveAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _errors = [];
        try
        {
            var id = await Indicators.CreateIndicatorAsync(PlanId, new NewIndicator(
                _priorityId, _code ?? string.Empty, _title ?? string.Empty, _definition, _unit, _polarity, _frequency, _baseline, _tolerance, _ownerId), _cts.Token);
            Navigation.NavigateTo($"/plans/indicators/{id}");
        }
        catch (DomainRuleException rule)
        {
            _errors = [new(rule.Field is { } f && FieldIds.TryGetValue(f, out var id) ? id : string.Empty, T.Describe(rule))];
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
