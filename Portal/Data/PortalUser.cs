using Microsoft.AspNetCore.Identity;

namespace Portal.Data;

/// <summary>A sign-in. The person it belongs to is a <c>Person</c> whose <c>UserId</c> points here.</summary>
public sealed class PortalUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>When an administrator switched this sign-in off (UTC); it cannot sign in until switched on again.</summary>
    public DateTime? DisabledUtc { get; set; }
}
