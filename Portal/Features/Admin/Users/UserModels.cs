namespace Portal.Features.Admin.Users;

/// <summary>Where a sign-in stands, in the words the users page gives it.</summary>
public enum SignInStatus
{
    Active = 0,

    /// <summary>Created or reset by an administrator; the link to choose a password has not been used yet.</summary>
    AwaitingPassword = 1,

    /// <summary>Too many wrong passwords; it opens again by itself, or an administrator unlocks it.</summary>
    LockedOut = 2,

    Disabled = 3,
}

public sealed record UserRow(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    int? PersonId,
    string? PersonName,
    SignInStatus Status,
    DateTimeOffset? LockedUntil,
    string Version,
    bool TwoFactorEnabled = false);

public sealed record PersonChoice(int Id, string Name, string? JobTitle, bool IsCouncillor);

public sealed record UserDetails(UserRow User, IReadOnlyList<PersonChoice> People, bool IsYou);

/// <summary>What an administrator fills in for a new sign-in.</summary>
public sealed record NewUser(string? Email, string? DisplayName, IReadOnlyList<string> Roles, int? PersonId);

/// <summary>
/// The one-off link an administrator hands to someone so they choose their own password: the
/// portal never knows the password; the link is shown to the administrator and mailed to its owner.
/// </summary>
public sealed record Invitation(string UserId, string Email, string Link, DateTimeOffset ExpiresUtc);

/// <summary>A sign-in was created, changed, disabled, unlocked or reset.</summary>
public sealed record UserChanged(string UserId);
