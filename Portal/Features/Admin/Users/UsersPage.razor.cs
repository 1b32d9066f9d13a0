using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;

namespace Portal.Features.Admin.Users;

/// <summary>The sign-ins, filtered by name or email, live as they change, and the form that creates one with its invitation link.</summary>
public sealed partial class UsersPage
{
    private FormSubmission? _submission;
    private IReadOnlyList<UserRow>? _users;
    private IReadOnlyList<PersonChoice>? _people;
    private Invitation? _invitation;
    private string? _name;
    private string? _email;
    private HashSet<string> _roles = [];
    private int? _personId;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Filter { get; set; }

    private FormSubmission Form => _submission ??= new(T);

    private List<BreadcrumbItem> Breadcrumbs => [new(T["Admin.Title"], "/admin"), new(T["Users.Title"], null, disabled: true)];

    protected override string? ChangedMessage => T["Users.UpdatedLive"];

    protected override void OnInitialized() => Follow<UserChanged>();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _users = await UserList.ListAsync(Filter, ct);
        _people = await UserList.UnlinkedPeopleAsync(ct);
    }

    private async Task CreateAsync()
    {
        Invitation? made = null;
        if (await Form.RunAsync(async () => made = await Accounts.CreateAsync(new NewUser(_email, _name, [.. _roles], _personId), CancellationToken.None), Field, T["Users.Created", _email ?? string.Empty]))
        {
            _invitation = made;
            (_name, _email, _roles, _personId) = (null, null, [], null);
            await ReloadAsync();
        }
    }

    internal static string Field(string? field, string prefix) => field switch
    {
        nameof(NewUser.Email) => $"{prefix}-email",
        "Roles" => $"{prefix}-roles",
        "PersonId" => $"{prefix}-person",
        _ => $"{prefix}-name",
    };

    private static string Field(string? field) => Field(field, "new-user");
}
