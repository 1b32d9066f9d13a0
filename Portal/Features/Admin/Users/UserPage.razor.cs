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

    protected override string? ChangedMessage => T["Users.UpdatedLive"];

    protected override void OnInitialized() => Follow<UserChanged>(change => change.UserId == Id);

    // The address's sign-in is read afresh; a change from the feed keeps what the administrator is typing.
    protected override Task OnParametersSetAsync() => LoadAsync(keepEdits: false, Closing);

    protected override Task LoadAsync(CancellationToken ct) => LoadAsync(keepEdits: true, ct);

    private async Task LoadAsync(bool keepEdits, CancellationToken ct)
    {
        try
        {
            var details = await UserList.GetAsync(Id, ct);
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
                field => NewUserForm.Field(field, "user"),
                refresh: () => ReadAfreshAsync()))
        {
            await ReadAfreshAsync();
        }
    }

    private Task ReadAfreshAsync()
    {
        _loadedVersion = null;
        return LoadAsync(keepEdits: false, Closing);
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
        else if (action == "TwoFactorOff")
        {
            await ActAsync(v => Access.TurnOffTwoFactorAsync(Id, v, CancellationToken.None), T["Users.TwoFactorOffDone"]);
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
        await Actions.RunAsync(() => act(version), _ => "user-access-title", done, refresh: ReadAfreshAsync);
        await ReadAfreshAsync();
    }
}
