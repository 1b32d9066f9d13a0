using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;

namespace Portal.Features.Meetings.Calendar;

/// <summary>The month's query (from the address), its loading, its live reload, and the links to other months and views.</summary>
public partial class MeetingsPage
{
    private MonthView? _view;
    private DateOnly _first;

    [SupplyParameterFromQuery(Name = "month")]
    public string? MonthParameter { get; set; }

    [SupplyParameterFromQuery(Name = "body")]
    public string? BodyParameter { get; set; }

    [SupplyParameterFromQuery(Name = "mine")]
    public string? MineParameter { get; set; }

    [SupplyParameterFromQuery(Name = "view")]
    public string? ViewParameter { get; set; }

    private string? Body => string.IsNullOrWhiteSpace(BodyParameter) ? null : BodyParameter;

    private bool Mine => QueryValue.Flag(MineParameter);

    private bool Grid => string.Equals(ViewParameter, "grid", StringComparison.OrdinalIgnoreCase);

    private DateOnly Today() => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    protected override string? ChangedMessage => T["Meetings.UpdatedLive"];

    protected override void OnInitialized() => Follow<MeetingChanged>();

    protected override Task OnParametersSetAsync()
    {
        var today = Today();
        _first = DateOnly.TryParseExact(MonthParameter, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is > 1900 and < 2200
            ? month
            : new DateOnly(today.Year, today.Month, 1);
        return ReloadAsync();
    }

    protected override async Task LoadAsync(CancellationToken ct) =>
        _view = await Meetings.MonthAsync(new MonthQuery(_first.Year, _first.Month, Body, Mine), ct);

    private static string MonthKey(int year, int month) => new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private string Link(DateOnly month, bool grid)
    {
        var query = new List<string> { $"month={MonthKey(month.Year, month.Month)}" };
        if (Body is not null)
        {
            query.Add($"body={Uri.EscapeDataString(Body)}");
        }

        if (Mine)
        {
            query.Add("mine=true");
        }

        if (grid)
        {
            query.Add("view=grid");
        }

        return "/meetings?" + string.Join("&", query);
    }

    private string Webcal(string path) => Site.Webcal(path);
}
