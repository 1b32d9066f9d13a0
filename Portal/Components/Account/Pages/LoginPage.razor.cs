using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Components.Account.Pages;

/// <summary>Signing in with an email and password: throttled, remembered devices, and a safe return address.</summary>
public partial class LoginPage
{
    private List<FormError> _errors = [];

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (HttpMethods.IsGet(HttpContext.Request.Method))
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        }
    }

    private bool HasError(string id) => _errors.Any(e => e.FieldId == id);

    private async Task SignInAsync()
    {
        _errors = [];
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            _errors.Add(new("email", T["Login.EmailRequired"]));
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            _errors.Add(new("password", T["Login.PasswordRequired"]));
        }

        if (_errors.Count > 0)
        {
            return;
        }

        var result = await SignInManager.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            RedirectManager.RedirectTo(ReturnUrl);
        }
        else if (result.RequiresTwoFactor)
        {
            RedirectManager.RedirectTo($"/account/login/two-factor?returnUrl={Uri.EscapeDataString(ReturnUrl ?? "/")}&rememberMe={Input.RememberMe}");
        }
        else if (result.IsLockedOut && Throttle.LockedUntil(Input.Email, Devices.SourceOf(HttpContext, Input.Email)) is DateTimeOffset until)
        {
            // Locked for this email from this address only: the message says until when, in words and as a time.
            Logger.LogWarning("A sign-in was refused: that email is locked out from that address until {Until:u}", until);
            var minutes = (int)Math.Ceiling((until - Clock.GetUtcNow()).TotalMinutes);
            var at = Clock.Local(until).ToString("t", CultureInfo.CurrentCulture);
            _errors.Add(new("email", minutes <= 1 ? T["Login.LockedOutMinute", at] : T["Login.LockedOutMinutes", at, minutes]));
        }
        else
        {
            _errors.Add(new("email", T["Login.Failed"]));
        }
    }

    private sealed class LoginInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }
}
