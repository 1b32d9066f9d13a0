using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.TwoFactor;

/// <summary>The second step of a local sign-in: a code from the app or a recovery code, or setting the app up when the setting requires one and none is set.</summary>
public partial class TwoFactorSignInPage
{
    private PortalUser? _user;
    private AuthenticatorSetup? _setup;
    private IReadOnlyList<string>? _codes;
    private List<FormError> _errors = [];

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "rememberMe")]
    private string? RememberMeValue { get; set; }

    private bool RememberMe => QueryValue.Flag(RememberMeValue);

    [SupplyParameterFromForm(FormName = "code")]
    private string? Code { get; set; }

    [SupplyParameterFromForm(FormName = "enrol", Name = "Code")]
    private string? EnrolCode { get; set; }

    [SupplyParameterFromForm(FormName = "recovery")]
    private string? RecoveryCode { get; set; }

    private PortalSignInManager Manager => (PortalSignInManager)SignInManager;

    private string Title => _setup is not null || _codes is not null ? T["TwoFactor.SetUpTitle"] : T["TwoFactor.Title"];

    private string Continue => LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl! : "/";

    protected override async Task OnInitializedAsync()
    {
        // Someone half-way through signing in: with the second factor on, they are asked for a code;
        // without one but required to have one, they set it up here and can do nothing else first.
        _user = await Manager.SecondStepUserAsync(enabled: true);
        if (_user is null && await Manager.SecondStepUserAsync(enabled: false) is { } enrolling)
        {
            _user = enrolling;
            _setup = await Authenticator.SetupAsync(enrolling);
        }
    }

    private async Task CodeAsync()
    {
        _errors = [];
        if (string.IsNullOrWhiteSpace(Code))
        {
            _errors.Add(new("code", T["TwoFactor.CodeRequired"]));
            return;
        }

        Answer(await SignInManager.TwoFactorAuthenticatorSignInAsync(Code, RememberMe, rememberClient: false), "code", T["TwoFactor.CodeWrong"]);
    }

    private async Task RecoveryAsync()
    {
        _errors = [];
        if (string.IsNullOrWhiteSpace(RecoveryCode))
        {
            _errors.Add(new("recoverycode", T["TwoFactor.RecoveryRequired"]));
            return;
        }

        Answer(await Manager.RecoveryCodeSignInAsync(RecoveryCode, RememberMe), "recoverycode", T["TwoFactor.RecoveryWrong"]);
    }

    private async Task EnrolAsync()
    {
        _errors = [];
        if (string.IsNullOrWhiteSpace(EnrolCode))
        {
            _errors.Add(new("code", T["TwoFactor.CodeRequired"]));
            return;
        }

        var (result, codes) = await Manager.EnrolAndSignInAsync(EnrolCode, RememberMe);
        if (result.Succeeded)
        {
            _codes = codes;
            return;
        }

        Answer(result, "code", T["TwoFactor.CodeWrong"]);
    }

    private void Answer(Microsoft.AspNetCore.Identity.SignInResult result, string field, string wrong)
    {
        if (result.Succeeded)
        {
            RedirectManager.RedirectTo(Continue);
            return;
        }

        var email = _user?.UserName ?? string.Empty;
        if (result.IsLockedOut && Throttle.LockedUntil(email, Devices.SourceOf(HttpContext, email)) is DateTimeOffset until)
        {
            Logger.LogWarning("A second sign-in step was refused: too many wrong codes from that address until {Until:u}", until);
            _errors.Add(new(field, T["TwoFactor.LockedOut", Clock.Local(until).ToString("t", CultureInfo.CurrentCulture)]));
            return;
        }

        _errors.Add(new(field, _user is null ? T["TwoFactor.Expired"] : wrong));
    }
}
