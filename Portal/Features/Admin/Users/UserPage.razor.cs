using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Portal.Features.Admin.Users;

/// <summary>
/// One sign-in, live as others change it: its name, roles and person (UserDetailsForm) and the
/// administrator's actions on it (UserAccessPanel). The forms save; the feed reloads the page once.
/// </summary>
public sealed partial class UserPage
{
    private UserDetails? _details;
    private bool _missing;

    [Parameter]
    public string Id { get; set; } = string.Empty;

    private List<BreadcrumbItem> Breadcrumbs =>
        [new(T["Admin.Title"], "/admin"), new(T["Users.Title"], "/admin/users"), new(_details?.User.DisplayName ?? string.Empty, null, disabled: true)];

    protected override string? ChangedMessage => T["Users.UpdatedLive"];

    protected override void OnInitialized() => Follow<UserChanged>(change => change.UserId == Id);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            _details = await UserList.GetAsync(Id, ct);
            _missing = false;
        }
        catch (KeyNotFoundException)
        {
            _missing = true;
        }
    }
}
