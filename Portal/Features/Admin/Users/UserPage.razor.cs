using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;

namespace Portal.Features.Admin.Users;

/// <summary>One sign-in: its name, roles and person, and the administrator's actions on it (unlock, reset the password, disable, enable), live as others change it.</summary>
public sealed partial class UserPage
{
    private FormSubmission? _form;
    private FormSubmission? _actions;
    private UserDetails? _details;
    private bool _missing;
    private IDisposable? _subscription;
    private string? _liveMessage;
    private string? _name;
    private HashSet<string> _roles = [];
    private int? _personId;
    private string? _loadedVersion;
    private string? _confirm;
    private Invitation? _invitation;

    [Parameter]
    public string Id { get; set; } = string.Empty;

    private FormSubmission Form => _form ??= new(T);

    private FormSubmission Actions => _actions ??= new(T);

    private List<BreadcrumbItem> Breadcrumbs =>
        [new(T["Admin.Title"], "/admin"), new(T["Users.Title"], "/admin/users"), new(_details?.User.DisplayName ?? string.Empty, null, disabled: true)];

    protected override void OnInitialized() =>
        _subscription = Changes.Subscribe<UserChanged>(change =>
        {
            if (change.UserId != Id)
            {
                return;
            }

            _ = InvokeAsync(async () =>
            {
                try { await LoadAsync(keepEdits: true); _liveMessage = T["Users.UpdatedLive"]; StateHasChanged(); }
                catch (Exception ex) { await DispatchExceptionAsync(ex); }
            });
        });

    protected override Task OnParametersSetAsync() => LoadAsync(keepEdits: false);

    private async Task LoadAsync(bool keepEdits)
    {
        try
        {
            var details = await UserList.GetAsync(Id, CancellationToken.None);
            _details = details;
            if (!keepEdits || _loadedVersion is null)
            {
                _name = details.User.DisplayName;
                _roles = [.. details.User.Roles];
                _personId = details.User.PersonId;
                _loadedVersion = details.User.Version;
            }
        }
        catch (KeyNotFoundException)
        {
            _missing = true;
        }
    }

    private async Task SaveAsync()
    {
        var version = _loadedVersion ?? string.Empty;
        if (await Form.RunAsync(
                () => Accounts.ChangeAsync(Id, _name, [.. _roles], _personId, version, CancellationToken.None),
                field => UsersPage.Field(field, "user"),
                refresh: () => ReloadAsync()))
        {
            await ReloadAsync();
        }
    }

    private Task ReloadAsync()
    {
        _loadedVersion = null;
        return LoadAsync(keepEdits: false);
    }

    private Task UnlockAsync() => ActAsync(v => Access.UnlockAsync(Id, v, CancellationToken.None), T["Users.Unlocked"]);

    private Task EnableAsync() => ActAsync(v => Access.EnableAsync(Id, v, CancellationToken.None), T["Users.Enabled"]);

    private async Task ConfirmAsync()
    {
        var action = _confirm;
        _confirm = null;
        if (action == "Disable")
        {
            await ActAsync(v => Access.DisableAsync(Id, v, CancellationToken.None), T["Users.Disabled"]);
        }
        else if (action == "Reset")
        {
            Invitation? made = null;
            await ActAsync(async v => made = await Accounts.ForcePasswordResetAsync(Id, v, CancellationToken.None), T["Users.ResetDone", _details?.User.Email ?? string.Empty]);
            _invitation = made;
        }
    }

    private async Task ActAsync(Func<string, Task> act, string done)
    {
        _invitation = null;
        var version = _details?.User.Version ?? string.Empty;
        await Actions.RunAsync(() => act(version), _ => "user-access-title", done, refresh: ReloadAsync);
        await ReloadAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
