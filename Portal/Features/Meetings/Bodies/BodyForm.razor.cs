using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Bodies;

/// <summary>Describes a body (name, kind, rules, remit, distribution, whether the public sees it, its colour in the calendar). Administrators only.</summary>
public partial class BodyForm
{
    private string? _name;
    private string? _short;
    private BodyKind _kind = BodyKind.MemberPanel;
    private Regime _regime;
    private string? _remit;
    private string? _reports;
    private bool _public = true;
    private BodyColour? _colour;
    private int _version;
    private int _loaded = -1;

    /// <summary>The body to describe again, or null for a new one.</summary>
    [Parameter]
    public BodyDetails? Body { get; set; }

    /// <summary>Raised after a refused stale save, so the page reads what the other person saved (a save reaches it through the change feed).</summary>
    [Parameter]
    public EventCallback Stale { get; set; }

    protected override void OnParametersSet()
    {
        if (Body is null || _loaded == Body.Version)
        {
            return;
        }

        _loaded = Body.Version;
        (_name, _short, _kind, _regime, _remit, _reports, _public, _version) =
            (Body.Name, Body.ShortName, Body.Kind, Body.Regime, Body.Remit, Body.ReportsTo, Body.IsPublic, Body.Version);
        _colour = Body.Colour;
    }

    protected override string InputFor(string? field) => field switch
    {
        nameof(Domain.Meetings.Body.Name) => "body-name",
        nameof(Domain.Meetings.Body.ShortName) => "body-short",
        nameof(Domain.Meetings.Body.Kind) => "body-kind",
        nameof(Domain.Meetings.Body.Regime) => "body-regime",
        nameof(Domain.Meetings.Body.Remit) => "body-remit",
        nameof(Domain.Meetings.Body.ReportsTo) => "body-reports",
        nameof(Domain.Meetings.Body.IsPublic) => "body-public",
        nameof(Domain.Meetings.Body.Colour) => "body-colour",
        _ => string.Empty,
    };

    private async Task SaveAsync()
    {
        var edit = new BodyEdit(_name ?? string.Empty, _short, _kind, _regime, _remit, _reports, _public, _version, _colour);
        if (Body is null)
        {
            string? slug = null;
            if (await SaveAsync(async ct => slug = await Bodies.CreateAsync(edit, ct)))
            {
                Navigation.NavigateTo($"/meetings/bodies/{slug}");
            }

            return;
        }

        if (await SaveAsync(async ct => _version = await Bodies.UpdateAsync(Body.Id, edit, ct), refresh: _ => Stale.InvokeAsync()))
        {
            _loaded = _version;
        }
    }
}
