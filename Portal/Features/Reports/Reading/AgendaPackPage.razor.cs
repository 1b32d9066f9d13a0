using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Features.Meetings; // the pack is a meeting's: it follows the meeting's changes

namespace Portal.Features.Reports.Reading;

public partial class AgendaPackPage
{
    private readonly CancellationTokenSource _cts = new();
    private readonly List<IDisposable> _subscriptions = [];
    private AgendaPack? _pack;
    private bool _missing;
    private string? _liveMessage;

    [Parameter]
    public int Id { get; set; }

    private (int Read, int Total)? ReadCount => _pack is null || !_pack.SignedIn
        ? null
        : (_pack.Items.Count(i => i.Report?.Reading?.Read == true), _pack.Items.Count(i => i.Report?.Reading is not null));

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(T["Meetings.Title"], "/meetings"),
        new(_pack is null ? string.Empty : $"{_pack.Meeting.BodyName}, {Dates.Short(_pack.Meeting.Date)}", $"/meetings/{Id}"),
        new(T["Pack.Title"], null, disabled: true),
    ];

    protected override void OnInitialized()
    {
        _subscriptions.Add(Changes.Subscribe<ReportChanged>(change =>
        {
            if (change.MeetingId == Id || _pack?.Items.Any(i => i.Report?.Id == change.ReportId) == true)
            {
                _ = InvokeAsync(RefreshLiveAsync);
            }
        }));
        _subscriptions.Add(Changes.Subscribe<MeetingChanged>(change =>
        {
            if (change.MeetingId == Id)
            {
                _ = InvokeAsync(RefreshLiveAsync);
            }
        }));
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task RefreshLiveAsync()
    {
        try
        {
            await LoadAsync();
            _liveMessage = T["Pack.UpdatedLive"];
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task LoadAsync()
    {
        _pack = await Reports.PackAsync(Id, _cts.Token);
        _missing = _pack is null;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _cts.Cancel();
        _cts.Dispose();
    }
}
