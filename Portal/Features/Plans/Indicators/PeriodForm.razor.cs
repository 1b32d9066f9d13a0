using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Localization;

namespace Portal.Features.Plans.Indicators;

/// <summary>Enters an indicator's target, actual and commentary for one of its open periods.</summary>
public sealed partial class PeriodForm
{
    private readonly CancellationTokenSource _cts = new();
    private List<FormError> _errors = [];
    private IReadOnlyList<ChangeMade>? _conflict;
    private string? _key;
    private string? _target;
    private string? _actual;
    private string? _commentary;
    private string? _saved;
    private int _version;
    private bool _busy;

    [Parameter, EditorRequired]
    public IndicatorDetails Indicator { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    private IEnumerable<PeriodRow> OpenPeriods => Indicator.Periods.Where(p => p.IsOpen);

    private static string Key(PeriodRow period) => $"{period.Year}-{period.Number}";

    protected override void OnParametersSet()
    {
        if (_key is null)
        {
            // Start at the latest period that has ended: the one whose figure is due.
            var today = DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);
            var due = OpenPeriods.LastOrDefault(p => p.End < today) ?? OpenPeriods.FirstOrDefault();
            Choose(due is null ? null : Key(due));
        }
    }

    private void Choose(string? key)
    {
        var period = OpenPeriods.FirstOrDefault(p => Key(p) == key);
        _key = key;
        _errors = [];
        _conflict = null;
        _target = PlanFormat.Input(period?.Target);
        _actual = PlanFormat.Input(period?.Actual);
        _commentary = period?.Commentary;
        _version = period?.Version ?? 0;
    }

    private async Task SaveAsync()
    {
        var period = OpenPeriods.FirstOrDefault(p => Key(p) == _key);
        if (_busy || period is null)
        {
            return;
        }

        _busy = true;
        _errors = [];
        _saved = null;
        try
        {
            _version = await Indicators.SavePeriodAsync(Indicator.Id, new PeriodEdit(period.Year, period.Number, _target, _actual, _commentary, _version), _cts.Token);
            _conflict = null;
            _saved = T["Indicator.Saved", period.Label];
            await Saved.InvokeAsync();
        }
        catch (DomainRuleException rule)
        {
            var field = rule.Field switch
            {
                nameof(IndicatorValue.Target) => "period-target",
                nameof(IndicatorValue.Actual) => "period-actual",
                nameof(IndicatorValue.Commentary) => "period-commentary",
                _ => string.Empty,
            };
            _errors = [new(field, T.Describe(rule))];
        }
        catch (ConcurrencyConflictException conflict)
        {
            _conflict = conflict.Changes;
            _version = (await Indicators.GetIndicatorAsync(Indicator.Id, _cts.Token))?.Periods.FirstOrDefault(p => Key(p) == _key)?.Version ?? _version;
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
