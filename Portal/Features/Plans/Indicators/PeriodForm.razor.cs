using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Plans;

namespace Portal.Features.Plans.Indicators;

/// <summary>Enters an indicator's target, actual and commentary for one of its open periods.</summary>
public sealed partial class PeriodForm
{
    private string? _key;
    private string? _target;
    private string? _actual;
    private string? _commentary;
    private int _version;

    [Parameter, EditorRequired]
    public IndicatorDetails Indicator { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    protected override IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>
    {
        [nameof(IndicatorValue.Target)] = "period-target",
        [nameof(IndicatorValue.Actual)] = "period-actual",
        [nameof(IndicatorValue.Commentary)] = "period-commentary",
    };

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
        Submission.Clear();
        _target = PlanFormat.Input(period?.Target);
        _actual = PlanFormat.Input(period?.Actual);
        _commentary = period?.Commentary;
        _version = period?.Version ?? 0;
    }

    private async Task SaveAsync()
    {
        var period = OpenPeriods.FirstOrDefault(p => Key(p) == _key);
        if (period is null)
        {
            return;
        }

        var saved = await SaveAsync(
            async ct => _version = await Indicators.SavePeriodAsync(Indicator.Id, new PeriodEdit(period.Year, period.Number, _target, _actual, _commentary, _version), ct),
            done: T["Indicator.Saved", period.Label],
            refresh: async ct => _version = (await Indicators.GetIndicatorAsync(Indicator.Id, ct))?.Periods.FirstOrDefault(p => Key(p) == _key)?.Version ?? _version);
        if (saved)
        {
            await Saved.InvokeAsync();
        }
    }
}
