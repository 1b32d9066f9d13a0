using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Infrastructure.Time;

namespace Portal.Features.TwoFactor;

/// <summary>A person's own sign-in security: setting up the authenticator app, new recovery codes, and turning the second factor off, each with a code.</summary>
public partial class SecurityPage
{
    private TwoFactorStatus _status = new(false, 0, false);
    private AuthenticatorSetup? _setup;
    private IReadOnlyList<string>? _codes;
    private List<FormError> _errors = [];

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "enable", Name = "Code")]
    private string? EnableCode { get; set; }

    [SupplyParameterFromForm(FormName = "new-codes", Name = "Code")]
    private string? NewCodesCode { get; set; }

    [SupplyParameterFromForm(FormName = "disable", Name = "Code")]
    private string? DisableCode { get; set; }

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _status = await TwoFactor.GetStatusAsync(HttpContext.RequestAborted);
        _setup = _status.Enabled ? null : await TwoFactor.StartEnrolmentAsync(HttpContext.RequestAborted);
    }

    private async Task EnableAsync()
    {
        var result = await TwoFactor.EnableAsync(EnableCode, HttpContext.RequestAborted);
        if (Refused(result.Check, "enable-code"))
        {
            return;
        }

        _codes = result.RecoveryCodes;
        await StayedSignedInAsync();
    }

    private async Task NewCodesAsync()
    {
        var result = await TwoFactor.NewRecoveryCodesAsync(NewCodesCode, HttpContext.RequestAborted);
        if (!Refused(result.Check, "codes-code"))
        {
            _codes = result.RecoveryCodes;
            _status = _status with { RecoveryCodesLeft = _codes?.Count ?? 0 };
        }
    }

    private async Task DisableAsync()
    {
        if (!Refused(await TwoFactor.DisableAsync(DisableCode, HttpContext.RequestAborted), "disable-code"))
        {
            await StayedSignedInAsync();
        }
    }

    /// <summary>Switching the second factor on or off changes the sign-in's security stamp; this browser gets a cookie with the new one, so it stays signed in.</summary>
    private async Task StayedSignedInAsync()
    {
        if (await Users.GetUserAsync(HttpContext.User) is { } user)
        {
            await SignInManager.RefreshSignInAsync(user);
        }

        await LoadAsync();
    }

    private bool Refused(CodeCheck check, string field)
    {
        _errors = [];
        if (check.Succeeded)
        {
            return false;
        }

        _errors.Add(new(field, check.LockedUntil is DateTimeOffset until
            ? T["TwoFactor.LockedOut", Clock.Local(until).ToString("t", CultureInfo.CurrentCulture)]
            : T["TwoFactor.CodeWrong"]));
        return true;
    }
}
