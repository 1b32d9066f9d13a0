using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Components.Shared;
using Portal.Data;

namespace Portal.Components.Account.Pages;

/// <summary>Where an administrator's set-password link leads: the link checked before anyone types, the new password chosen and checked.</summary>
public partial class SetPasswordPage
{
    private const int MinimumLength = 12;
    private List<FormError> _errors = [];
    private bool _done;
    private bool _invalidLink;
    private string? _email;

    [SupplyParameterFromQuery(Name = "user")]
    private string? UserId { get; set; }

    [SupplyParameterFromQuery(Name = "code")]
    private string? Code { get; set; }

    [SupplyParameterFromForm]
    private SetPasswordInput Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        Input.User ??= UserId;
        Input.Code ??= Code;
        var user = await FindAsync();
        if (user is null)
        {
            _invalidLink = true;
            return;
        }

        _email = user.Email;
    }

    private async Task<PortalUser?> FindAsync()
    {
        if (string.IsNullOrEmpty(Input.User) || string.IsNullOrEmpty(Input.Code) || Input.User.Length > 100 || Input.Code.Length > 2000)
        {
            return null;
        }

        var user = await Users.FindByIdAsync(Input.User);
        if (user is null || user.DisabledUtc is not null || Token() is not string token)
        {
            return null;
        }

        // A used, replaced or run-out link says so at once, before anyone types a password into it.
        var valid = await Users.VerifyUserTokenAsync(user, IdentityOptions.Value.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }

    private string? Token()
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Input.Code!));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private bool HasError(string id) => _errors.Any(e => e.FieldId == id);

    private async Task SetAsync()
    {
        _errors = [];
        var user = await FindAsync();
        if (user is null)
        {
            _invalidLink = true;
            return;
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            _errors.Add(new("new-password", T["SetPassword.PasswordRequired"]));
        }
        else if (Input.Password != Input.Confirm)
        {
            _errors.Add(new("confirm-password", T["SetPassword.Mismatch"]));
        }

        if (_errors.Count > 0)
        {
            return;
        }

        var result = await Users.ResetPasswordAsync(user, Token()!, Input.Password!);
        if (result.Succeeded)
        {
            await Users.SetLockoutEndDateAsync(user, null);
            await Users.ResetAccessFailedCountAsync(user);
            Logger.LogInformation("A password was chosen through an administrator's link");
            _done = true;
        }
        else if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            _invalidLink = true;
        }
        else
        {
            // One message beside the field, naming everything the password still needs.
            _errors.Add(new FormError("new-password", string.Join("; ", result.Errors.Select(Describe))));
        }
    }

    private string Describe(IdentityError error)
    {
        var text = T[$"Password.{error.Code}", MinimumLength];
        return text.ResourceNotFound ? error.Description : text.Value;
    }

    private sealed class SetPasswordInput
    {
        public string? User { get; set; }

        public string? Code { get; set; }

        public string? Password { get; set; }

        public string? Confirm { get; set; }
    }
}
