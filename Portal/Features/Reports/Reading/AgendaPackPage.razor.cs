using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Features.Meetings; // the pack is a meeting's: it follows the meeting's changes

namespace Portal.Features.Reports.Reading;

public partial class AgendaPackPage
{
    private AgendaPack? _pack;
    private bool _missing;

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

    protected override string? ChangedMessage => T["Pack.UpdatedLive"];

    protected override void OnInitialized()
    {
        Follow<ReportChanged>(change => change.MeetingId == Id || _pack?.Items.Any(i => i.Report?.Id == change.ReportId) == true);
        Follow<MeetingChanged>(change => change.MeetingId == Id);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _pack = await Reports.PackAsync(Id, ct);
        _missing = _pack is null;
    }
}
