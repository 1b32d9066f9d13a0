using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;

namespace Portal.Features.Admin.Users;

/// <summary>The sign-ins, filtered by name or email, live as they change, and the form that creates one (NewUserForm).</summary>
public sealed partial class UsersPage
{
    private IReadOnlyList<UserRow>? _users;
    private IReadOnlyList<PersonChoice>? _people;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Filter { get; set; }

    private List<BreadcrumbItem> Breadcrumbs => [new(T["Admin.Title"], "/admin"), new(T["Users.Title"], null, disabled: true)];

    protected override string? ChangedMessage => T["Users.UpdatedLive"];

    protected override void OnInitialized() => Follow<UserChanged>();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _users = await UserList.ListAsync(Filter, ct);
        _people = await UserList.UnlinkedPeopleAsync(ct);
    }
}
