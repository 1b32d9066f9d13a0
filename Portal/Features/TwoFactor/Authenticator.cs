using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Infrastructure.Security;
using OtpNet;
using QRCoder;

namespace Portal.Features.TwoFactor;

/// <summary>What an authenticator app needs to be set up: the key as text, the otpauth:// address, and the QR code of it as a PNG data address.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri, string QrCodePng);

/// <summary>How a code was taken: right, wrong, or not checked because there have been too many wrong ones (until when).</summary>
public sealed record CodeCheck(bool Succeeded, DateTimeOffset? LockedUntil)
{
    public static readonly CodeCheck Right = new(true, null);

    public static CodeCheck Wrong(DateTimeOffset? lockedUntil) => new(false, lockedUntil);
}

/// <summary>
/// Identity's authenticator support for one sign-in: its key and QR code, checking a code from the
/// app or a recovery code, switching the second factor on and off, and new recovery codes. Every
/// wrong code counts in the sign-in lockout (<see cref="SignInThrottle"/>) for that email from that
/// browser or address, as a wrong password does, and no code is checked while it is locked.
/// A code from the app works once: the time step of the last code taken is kept with the sign-in
/// (an Identity user token), and a code of that step or an earlier one is refused as wrong, so a
/// code seen over someone's shoulder or caught in transit cannot be used again (RFC 6238, 5.2).
/// </summary>
public sealed class Authenticator(UserManager<PortalUser> users, SignInThrottle throttle, KnownDevices devices, IHttpContextAccessor http)
{
    public const int RecoveryCodeCount = 10;

    private const string Issuer = "Portal";

    private const string TokenProvider = "[Portal]";

    private const string LastStepToken = "AuthenticatorLastStep";

    /// <summary>The key the app is set up with (made now if there is none yet), its address and QR code.</summary>
    public async Task<AuthenticatorSetup> SetupAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.RemoveAuthenticationTokenAsync(user, TokenProvider, LastStepToken);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity made no authenticator key.");
        }

        var account = user.Email ?? user.UserName ?? user.Id;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(InGroups(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Checks a code from the app, counting a wrong one.</summary>
    public Task<CodeCheck> CheckCodeAsync(PortalUser user, string? code) =>
        CheckAsync(user, Normalise(code), c => VerifyOnceAsync(user, c));

    /// <summary>Takes a recovery code (each works once), counting a wrong or used one.</summary>
    public Task<CodeCheck> RedeemRecoveryCodeAsync(PortalUser user, string? code) =>
        CheckAsync(user, RecoveryCode(code), async c => (await users.RedeemTwoFactorRecoveryCodeAsync(user, c)).Succeeded);

    /// <summary>Switches the second factor on when <paramref name="code"/> shows the app has the key; returns the new recovery codes, or null for a wrong code.</summary>
    public async Task<(CodeCheck Check, IReadOnlyList<string>? RecoveryCodes)> EnableAsync(PortalUser user, string? code)
    {
        var check = await CheckCodeAsync(user, code);
        if (!check.Succeeded)
        {
            return (check, null);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return (check, await NewRecoveryCodesAsync(user));
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(PortalUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    /// <summary>Switches the second factor off and forgets the key, so switching it on again sets up the app afresh.</summary>
    public async Task DisableAsync(PortalUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, TokenProvider, LastStepToken);
    }

    public Task<int> RecoveryCodesLeftAsync(PortalUser user) => users.CountRecoveryCodesAsync(user);

    private async Task<CodeCheck> CheckAsync(PortalUser user, string code, Func<string, Task<bool>> verify)
    {
        ArgumentNullException.ThrowIfNull(user);
        var email = user.UserName ?? user.Id;
        var source = http.HttpContext is { } context ? devices.SourceOf(context, email) : "circuit";
        if (throttle.LockedUntil(email, source) is DateTimeOffset until)
        {
            return CodeCheck.Wrong(until);
        }

        if (code.Length is > 0 and <= 64 && await verify(code))
        {
            throttle.Succeeded(email, source);
            return CodeCheck.Right;
        }

        return CodeCheck.Wrong(throttle.Failed(email, source));
    }

    /// <summary>Identity's check of the code, then that its time step is later than the last code taken, which it becomes.</summary>
    private async Task<bool> VerifyOnceAsync(PortalUser user, string code)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return false;
        }

        // Which step the code belongs to, in the same window Identity allows (two steps either side of now).
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || !new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(code, out var step, new VerificationWindow(2, 2)))
        {
            return false;
        }

        var last = await users.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        var stored = await users.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
        return stored.Succeeded;
    }

    // Identity writes recovery codes as XXXXX-XXXXX in capitals and compares them exactly; a code typed without the dash, or in small letters, is the same code.
    private static string RecoveryCode(string? code)
    {
        var plain = Normalise(code).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : plain;
    }

    private static string Normalise(string? code) => (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();

    private static string InGroups(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
