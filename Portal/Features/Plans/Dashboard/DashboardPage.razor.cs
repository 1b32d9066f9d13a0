using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;

namespace Portal.Features.Plans.Dashboard;

/// <summary>A plan's dashboard for its open year: counts by priority, what is overdue or off target, and what is due soon, filtered by the address.</summary>
public sealed partial class DashboardPage : IHandleEvent
{
    private Dashboard? _dashboard;

    // The dashboard's pictures, drawn once for everyone reading this dashboard in this language.
    private DrawnPictures? _pictures;

    // Its tables and lists, drawn once in the same way: the page holds references, not a tree per row.
    private DrawnTables? _tables;
    private bool _missing;
    private (int Plan, DashboardFilter Filter)? _shown;

    // The addresses this page has asked for and the router has not yet come back with, oldest first.
    private readonly List<DashboardFilter> _following = [];
    private int _loads;

    // The filter last asked for, by the reader or the address: what a live change reloads, and what
    // a second filter changed before the first is shown builds on (it may not be shown yet).
    private DashboardFilter? _asked;

    // The router's echo of an address this page asked for changes nothing shown: that render is skipped.
    private bool _echoed;

    [Parameter]
    public int Id { get; set; }

    /// <summary>Whether the pictures are drawn (always, on the page; the benchmark measures the page without them beside it).</summary>
    [Parameter]
    public bool Pictures { get; set; } = true;

    [SupplyParameterFromQuery(Name = "priority")]
    public string? PriorityParameter { get; set; }

    [SupplyParameterFromQuery(Name = "owner")]
    public string? OwnerParameter { get; set; }

    [SupplyParameterFromQuery(Name = "unit")]
    public string? UnitParameter { get; set; }

    private int? Priority => QueryValue.Number(PriorityParameter);

    private int? Owner => QueryValue.Number(OwnerParameter);

    private int? Unit => QueryValue.Number(UnitParameter);

    // The filters' handlers, made once: a handler made at each render is a new one to Blazor, which
    // would send every dashboard a new handler id for each select at every live update.
    private readonly Func<ChangeEventArgs, Task>[] _filterChanged;

    // The trail, heading and introduction of the dashboard shown, made once for it rather than at every render.
    private (Dashboard? For, MarkupString Trail, string Title, string Intro) _heading;

    public DashboardPage() => _filterChanged = [e => FilterChanged(e, 0), e => FilterChanged(e, 1), e => FilterChanged(e, 2)];

    private (Dashboard? For, MarkupString Trail, string Title, string Intro) Heading
    {
        get
        {
            if (_dashboard is { } dashboard && !ReferenceEquals(_heading.For, dashboard))
            {
                List<BreadcrumbItem> trail =
                [
                    new(T["Plans.Title"], "/plans"),
                    new(dashboard.Title, $"/plans/{Id}"),
                    new(T["Dashboard.Title"], null, disabled: true),
                ];
                _heading = (dashboard, BreadcrumbTrail.Markup(trail, T["Layout.Breadcrumbs"]), T["Dashboard.Title"],
                    T["Dashboard.Intro", dashboard.Title, dashboard.YearLabel, Dates.Short(dashboard.Today)]);
            }

            return _heading;
        }
    }

    protected override string? ChangedMessage => T["Plan.UpdatedLive"];

    protected override void OnInitialized() => Follow<PlanChanged>(change => change.PlanId == Id || change.Kind == PlanItemKind.Settings);

    // A change from the feed reloads the filter last asked for (shown, or on its way), not the address, which may be behind it.
    protected override Task LoadAsync(CancellationToken ct) => LoadAsync(_asked ?? _shown?.Filter ?? new DashboardFilter(Priority, Owner, Unit), ct);

    // The address says which filter is shown; a change from the page's own filters is shown first
    // and the address follows. A reader changing filters quickly can get ahead of the address: when
    // it catches up with a filter already left, that is not a request to go back to it.
    protected override Task OnParametersSetAsync()
    {
        var asked = new DashboardFilter(Priority, Owner, Unit);
        var echo = _following.IndexOf(asked);
        if (echo >= 0)
        {
            _following.RemoveRange(0, echo + 1);
            if (_dashboard is not null && _shown?.Plan == Id)
            {
                _echoed = true;
                return Task.CompletedTask;
            }
        }

        return _dashboard is not null && _shown == (Id, asked) ? Task.CompletedTask : LoadAsync(asked, Closing);
    }

    /// <summary>
    /// A filter renders what it changed itself, once the dashboard is read (<see cref="Filter"/>):
    /// the render Blazor adds after every event would diff the whole page again and send a batch
    /// with nothing new in it.
    /// </summary>
    Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg) => callback.InvokeAsync(arg);

    /// <summary>
    /// Skips the render after the address catches up with a filter already shown: the page reads
    /// only what it has shown, so that render would send a batch with nothing in it but still diff
    /// the whole dashboard (a third of a filter's work, measured by the load driver).
    /// </summary>
    protected override bool ShouldRender()
    {
        if (_echoed)
        {
            _echoed = false;
            return false;
        }

        return base.ShouldRender();
    }

    /// <summary>
    /// Reads and shows the dashboard for <paramref name="filter"/>, unless another read was asked
    /// for while this one was under way (a keyboard user arrowing through a filter's choices
    /// changes it at every step): the last asked for is the one shown, whichever finishes last.
    /// </summary>
    private async Task<bool> LoadAsync(DashboardFilter filter, CancellationToken ct)
    {
        _asked = filter;
        var load = ++_loads;
        var dashboard = await Dashboards.GetDashboardAsync(Id, filter, ct);
        var pictures = Pictures && dashboard is not null ? await PictureMarkup.GetAsync(dashboard) : null;
        var tables = dashboard is not null ? await PictureMarkup.GetTablesAsync(dashboard, pictures) : null;
        if (load != _loads)
        {
            return false;
        }

        _dashboard = dashboard;
        _pictures = pictures;
        _tables = tables;
        _missing = dashboard is null;
        _shown = (Id, filter);
        return true;
    }

    /// <summary>
    /// The filters' choices drawn once as markup for everyone reading this dashboard; used once the
    /// page is live. Prerendered, the options are the page's own, so the chosen one is marked
    /// selected before the page's script runs. A select is made again when its choices change, so
    /// the browser shows the page's value among the new options.
    /// </summary>
    private FilterOptions? SharedOptions => RendererInfo.IsInteractive ? _tables?.Options : null;

    private static string FilterValue(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private Task FilterChanged(ChangeEventArgs e, int which)
    {
        int? value = int.TryParse(e.Value as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        var shown = _asked ?? _shown?.Filter;
        return Filter(which switch
        {
            0 => (value, shown?.OwnerId, shown?.UnitId),
            1 => (shown?.PriorityId, value, shown?.UnitId),
            _ => (shown?.PriorityId, shown?.OwnerId, value),
        });
    }

    private async Task Filter((int? Priority, int? Owner, int? Unit) filter)
    {
        var chosen = new DashboardFilter(filter.Priority, filter.Owner, filter.Unit);
        if (await LoadAsync(chosen, Closing))
        {
            StateHasChanged();
        }
        else if (_asked != chosen)
        {
            return; // a later choice overtook this one
        }

        // (Not shown by this read but by a live reload of the same choice that overtook it: the address still follows.)
        if (chosen == (_following.Count > 0 ? _following[^1] : new DashboardFilter(Priority, Owner, Unit)))
        {
            return; // the address says so already, or is on its way to
        }

        _following.Add(chosen);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["priority"] = filter.Priority,
            ["owner"] = filter.Owner,
            ["unit"] = filter.Unit,
        }));
    }
}
