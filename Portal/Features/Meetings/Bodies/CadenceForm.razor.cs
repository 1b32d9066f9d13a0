using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Bodies;

/// <summary>The cadence form's fields, filled from the body's rule once per version, and its save.</summary>
public partial class CadenceForm
{
    private static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
    private CadenceKind _kind;
    private DayOfWeek? _weekday;
    private int _week = 1;
    private string? _day;
    private DateOnly? _first;
    private DateOnly? _last;
    private TimeOnly? _start;
    private TimeOnly? _end;
    private string? _venue;
    private HolidayRule _holidays = HolidayRule.NextWorkingDay;
    private int _version;
    private int? _loaded;

    [Parameter, EditorRequired]
    public BodyDetails Body { get; set; } = default!;

    /// <summary>Raised after a refused stale save, so the page reads what the other person saved (a save reaches it through the change feed).</summary>
    [Parameter]
    public EventCallback Stale { get; set; }

    protected override void OnParametersSet()
    {
        if (_loaded == (Body.CadenceVersion ?? 0))
        {
            return;
        }

        _loaded = Body.CadenceVersion ?? 0;
        _version = Body.CadenceVersion ?? 0;
        if (Body.Cadence is CadenceRule rule)
        {
            (_kind, _weekday, _week, _first, _last, _start, _venue, _holidays) =
                (rule.Kind, rule.Weekday, rule.WeekOfMonth ?? 1, rule.FirstDate, rule.LastDate, rule.StartTime, rule.Venue, rule.Holidays);
            _day = rule.DayOfMonth?.ToString(CultureInfo.CurrentCulture);
            _end = rule.StartTime.AddMinutes(rule.DurationMinutes);
        }
    }

    protected override string InputFor(string? field) => field switch
    {
        nameof(Cadence.Kind) => "cadence-kind",
        nameof(Cadence.Weekday) => "cadence-weekday",
        nameof(Cadence.WeekOfMonth) => "cadence-week",
        nameof(Cadence.DayOfMonth) => "cadence-day",
        nameof(Cadence.FirstDate) => "cadence-first",
        nameof(Cadence.LastDate) => "cadence-last",
        nameof(Cadence.StartTime) => "cadence-start",
        "EndTime" or nameof(Cadence.DurationMinutes) => "cadence-end",
        nameof(Cadence.Venue) => "cadence-venue",
        _ => string.Empty,
    };

    private async Task SaveAsync()
    {
        int? day = null;
        if (_kind == CadenceKind.MonthlyDay)
        {
            if (!int.TryParse(_day, NumberStyles.Integer, CultureInfo.CurrentCulture, out var d))
            {
                Submission.Refuse("cadence-day", T["Rule.Cadence.DayOfMonthRequired"]);
                return;
            }

            day = d;
        }

        var edit = new CadenceEdit(_kind, _weekday, _kind == CadenceKind.MonthlyWeekday ? _week : null, day, _first, _last, _start, _end, _venue, _holidays, _version);
        if (await SaveAsync(async ct => _version = await Bodies.SetCadenceAsync(Body.Id, edit, ct), T["Cadence.Saved"], _ => Stale.InvokeAsync()))
        {
            _loaded = _version;
        }
    }
}
